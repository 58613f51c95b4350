/**
 * Dossier states with the national status codes (DOMAIN.md "Codes") and the transitions a one-stop centre
 * uses. Code 1 (mới đăng ký, online registration) and 6 (financial obligation) belong to the back office
 * and the online portal; the counter never sets them.
 */
export const DOSSIER_STATUSES = {
  received: { nationalCode: 2, vi: 'Đã tiếp nhận', en: 'Received' },
  refused: { nationalCode: 3, vi: 'Từ chối tiếp nhận', en: 'Refused' },
  processing: { nationalCode: 4, vi: 'Đang xử lý', en: 'Processing' },
  'supplement-requested': { nationalCode: 5, vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  withdrawn: { nationalCode: 7, vi: 'Công dân rút hồ sơ', en: 'Withdrawn' },
  stopped: { nationalCode: 8, vi: 'Dừng xử lý', en: 'Stopped' },
  'result-ready': { nationalCode: 9, vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { nationalCode: 10, vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DOSSIER_STATUS_NAMES = Object.keys(DOSSIER_STATUSES) as [DossierStatus, ...DossierStatus[]];

/** What a clerk (or the back office, through sync) does to a dossier. */
export const DOSSIER_ACTIONS = ['startProcessing', 'requestSupplement', 'supplement', 'refuse', 'withdraw', 'stop', 'markResultReady', 'returnResult'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/**
 * from-state → action → to-state. Anything not listed is `invalid-state`. Refusal (Mẫu 03) is for a dossier
 * not (yet) accepted for processing; once processing, the agency stops it instead (Mẫu 05).
 */
export const TRANSITIONS: Readonly<Record<DossierStatus, Partial<Record<DossierAction, DossierStatus>>>> = {
  received: {
    startProcessing: 'processing',
    requestSupplement: 'supplement-requested',
    refuse: 'refused',
    withdraw: 'withdrawn',
    markResultReady: 'result-ready',
  },
  processing: {
    requestSupplement: 'supplement-requested',
    withdraw: 'withdrawn',
    stop: 'stopped',
    markResultReady: 'result-ready',
  },
  'supplement-requested': {
    supplement: 'processing',
    withdraw: 'withdrawn',
    stop: 'stopped',
  },
  'result-ready': { returnResult: 'returned' },
  refused: {},
  withdrawn: {},
  stopped: {},
  returned: {},
};

/**
 * A supervisor's correction outside the ordinary table: a returned dossier whose result was wrong (a misspelt
 * name on the certificate, the wrong copy handed over) is re-opened. It goes back to result-ready (code 9),
 * not processing (code 4): the back office does not process the dossier again, the counter takes the result
 * back, has it corrected and hands it over again with returnResult — the one way out of result-ready. The
 * legal clock does not run in result-ready, so a re-opened dossier does not turn overdue. Kept out of
 * TRANSITIONS on purpose: returned stays a finished state (OPEN_STATUSES, the register), the back office
 * cannot re-open through a status change, and only dossiers.reopen (supervisor) takes this way.
 */
export const REOPEN = { from: 'returned', to: 'result-ready' } as const satisfies Readonly<{ from: DossierStatus; to: DossierStatus }>;

export function nextStatus(from: DossierStatus, action: DossierAction): DossierStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** States in which the legal clock runs (a supplement request pauses it; finished states stop it). */
export const CLOCK_RUNNING_STATUSES: readonly DossierStatus[] = ['received', 'processing'];

export function clockRuns(status: DossierStatus): boolean {
  return CLOCK_RUNNING_STATUSES.includes(status);
}

/** States the dossier can still leave: not refused, withdrawn, stopped or returned. */
export const OPEN_STATUSES: readonly DossierStatus[] = DOSSIER_STATUS_NAMES.filter((status) => Object.keys(TRANSITIONS[status]).length > 0);

export const CHANNELS = { direct: 1, online: 2, post: 3 } as const;
export type Channel = keyof typeof CHANNELS;
