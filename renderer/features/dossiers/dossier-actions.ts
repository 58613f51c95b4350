import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { MethodName } from '../../../shared/contract/methods.ts';
import { REOPEN, TRANSITIONS, type DossierAction } from '../../../shared/domain/dossiers/status.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** What the counter does to a dossier from this screen, in the order the buttons show. */
export const COUNTER_ACTIONS = ['requestSupplement', 'supplement', 'refuse', 'markResultReady', 'returnResult'] as const satisfies readonly DossierAction[];
/**
 * The ordinary actions (TRANSITIONS), and a supervisor's re-opening of a returned dossier (REOPEN, outside the
 * table on purpose: dossiers.reopen, not a status change).
 */
export type CounterAction = (typeof COUNTER_ACTIONS)[number] | 'reopen';

export function availableActions(dossier: Pick<Dossier, 'status'>): CounterAction[] {
  const allowed = TRANSITIONS[dossier.status];
  const actions: CounterAction[] = COUNTER_ACTIONS.filter((action) => allowed[action] !== undefined);
  if (dossier.status === REOPEN.from) actions.push('reopen');
  return actions;
}

/**
 * Why an available action is shown switched off for this session, or null when it may be done. Only what the
 * screen shows: the core decides again (shared/contract/access.ts: dossiers.reopen is a supervisor's).
 */
export function actionBlocked(action: CounterAction, supervisor: boolean): MessageKey | null {
  return action === 'reopen' && !supervisor ? 'dossiers.action.needSupervisor' : null;
}

export type ReturnTo = 'applicant' | 'representative' | 'post';

/** What the clerk typed for an action; each action reads only its own fields. */
export type ActionDraft = Readonly<{ reason: string; items: string; to: ReturnTo; receiverName: string; trackingCode: string; note: string }>;

export const EMPTY_ACTION_DRAFT: ActionDraft = { reason: '', items: '', to: 'applicant', receiverName: '', trackingCode: '', note: '' };

export type ActionProblem = 'reason' | 'reasonShort' | 'items' | 'receiverName' | 'trackingCode';

/** The reason a re-opening carries (the contract wants 5 … 500 characters, trimmed). */
export const REOPEN_REASON_MIN = 5;
export const REOPEN_REASON_MAX = 500;

/** Fields the action cannot go without; the core checks again. */
export function checkAction(action: CounterAction, draft: ActionDraft): ActionProblem[] {
  const problems: ActionProblem[] = [];
  const reason = draft.reason.trim();
  if ((action === 'requestSupplement' || action === 'refuse' || action === 'reopen') && reason === '') problems.push('reason');
  else if (action === 'reopen' && reason.length < REOPEN_REASON_MIN) problems.push('reasonShort');
  if (action === 'requestSupplement' && supplementItems(draft.items).length === 0) problems.push('items');
  if (action === 'returnResult' && draft.to === 'representative' && draft.receiverName.trim() === '') problems.push('receiverName');
  if (action === 'returnResult' && draft.to === 'post' && draft.trackingCode.trim() === '') problems.push('trackingCode');
  return problems;
}

/** One missing paper per line, blank lines dropped. */
export function supplementItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

export type ActionCall =
  | Readonly<{ method: 'dossiers.requestSupplement'; input: { id: string; expectedVersion: number; reason: string; items: string[] } }>
  | Readonly<{ method: 'dossiers.refuse' | 'dossiers.reopen'; input: { id: string; expectedVersion: number; reason: string } }>
  | Readonly<{ method: 'dossiers.supplement' | 'dossiers.markResultReady'; input: { id: string; expectedVersion: number } }>
  | Readonly<{
      method: 'dossiers.returnResult';
      input: { id: string; expectedVersion: number; to: ReturnTo; receiverName?: string; postalTrackingCode?: string; note?: string };
    }>;

/** The contract call for an action, guarded by the version the clerk saw (a change elsewhere is a conflict). */
export function actionCall(action: CounterAction, dossier: Pick<Dossier, 'id' | 'version'>, draft: ActionDraft): ActionCall & { method: MethodName } {
  const ref = { id: dossier.id, expectedVersion: dossier.version };
  switch (action) {
    case 'requestSupplement':
      return { method: 'dossiers.requestSupplement', input: { ...ref, reason: draft.reason.trim(), items: supplementItems(draft.items) } };
    case 'refuse':
      return { method: 'dossiers.refuse', input: { ...ref, reason: draft.reason.trim() } };
    case 'supplement':
      return { method: 'dossiers.supplement', input: ref };
    case 'markResultReady':
      return { method: 'dossiers.markResultReady', input: ref };
    case 'returnResult':
      return {
        method: 'dossiers.returnResult',
        input: {
          ...ref,
          to: draft.to,
          receiverName: optional(draft.receiverName),
          postalTrackingCode: draft.to === 'post' ? optional(draft.trackingCode) : undefined,
          note: optional(draft.note),
        },
      };
    case 'reopen':
      return { method: 'dossiers.reopen', input: { ...ref, reason: draft.reason.trim() } };
  }
}
