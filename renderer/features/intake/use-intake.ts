import { useCallback, useEffect, useState } from 'react';
import type { CatalogueSummary } from '../../../shared/contract/catalogue.ts';
import { IdQrProblemSchema, type IdQrWarningDto } from '../../../shared/contract/citizen.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import {
  applicantFromCard,
  checkDraft,
  emptyDraft,
  fieldId,
  firstInvalidField,
  issuesToFieldErrors,
  papersFrom,
  toIntakeInput,
  type ApplicantDraft,
  type FieldErrors,
  type IntakeDraft,
} from './intake-draft.ts';
import { newDossierId } from './new-id.ts';
import type { FeeOutcome } from './payment/use-fee-step.ts';
import { rememberProcedure } from './recent-procedures.ts';

export type IntakeStage = 'form' | 'review' | 'done';
export type ScanState =
  | Readonly<{ status: 'idle' }>
  | Readonly<{ status: 'reading' }>
  | Readonly<{ status: 'read'; warnings: readonly IdQrWarningDto[] }>
  | Readonly<{ status: 'failed'; error: CoreClientError; problem: Readonly<{ vi: string; en: string }> | null }>;
export type PapersState = Readonly<{ status: 'idle' | 'loading' | 'ready' }> | Readonly<{ status: 'failed'; error: CoreClientError }>;

export const CONFIRM_ID = 'intake-confirm';
export const NEXT_ID = 'intake-next';
/** The result's heading: where the focus lands on receipt, while the fee step may still follow. */
export const RESULT_HEADING_ID = 'intake-result-heading';
export const PROCEDURE_INPUT_ID = 'intake-procedure';

/**
 * The intake flow's state. Whatever fails, the draft stays as typed; the dossier id is made with the draft,
 * so pressing "receive" twice (or again after a lost answer) returns the same dossier.
 */
export function useIntake() {
  const core = useCore();
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(newDossierId()));
  const [stage, setStage] = useState<IntakeStage>('form');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [scan, setScan] = useState<ScanState>({ status: 'idle' });
  const [papers, setPapers] = useState<PapersState>({ status: 'idle' });
  const [result, setResult] = useState<Dossier | null>(null);
  // The fee step on the result screen: null until it ends (paid, exempt, later, or nothing to pay).
  const [fee, setFee] = useState<FeeOutcome | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ id: string; n: number } | null>(null);

  const focus = useCallback((id: string) => setFocusRequest((last) => ({ id, n: (last?.n ?? 0) + 1 })), []);
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  const update = useCallback((patch: Partial<IntakeDraft>) => setDraft((current) => ({ ...current, ...patch })), []);
  const updateApplicant = useCallback(
    (patch: Partial<ApplicantDraft>) => setDraft((current) => ({ ...current, applicant: { ...current.applicant, ...patch } })),
    [],
  );
  const togglePaper = useCallback(
    (id: string) => setDraft((current) => ({ ...current, papers: current.papers.map((paper) => (paper.id === id ? { ...paper, received: !paper.received } : paper)) })),
    [],
  );

  const chooseProcedure = useCallback(
    (procedure: CatalogueSummary) => {
      setDraft((current) => ({ ...current, procedure, papers: [] }));
      setErrors((current) => ({ ...current, procedure: undefined }));
      setPapers({ status: 'loading' });
      focus(fieldId('applicant.idNumber'));
      void core.call('catalogue.get', { code: procedure.code }).then(
        (entry) => {
          setDraft((current) => (current.procedure?.code === procedure.code ? { ...current, papers: papersFrom(entry.version) } : current));
          setPapers({ status: 'ready' });
        },
        (error: unknown) => setPapers({ status: 'failed', error: asCoreClientError(error) }),
      );
    },
    [core, focus],
  );

  const readCard = useCallback(
    (text: string) => {
      setScan({ status: 'reading' });
      void core.call('citizen.parseIdQr', { text }).then(
        (card) => {
          setDraft((current) => ({ ...current, applicant: applicantFromCard(current.applicant, card) }));
          setErrors((current) => ({ ...current, 'applicant.fullName': undefined, 'applicant.idNumber': undefined, 'applicant.birthDate': undefined }));
          setScan({ status: 'read', warnings: card.warnings });
          if (stage === 'form') focus(fieldId('applicant.phone'));
        },
        (error: unknown) => {
          const failed = asCoreClientError(error);
          const problem = IdQrProblemSchema.safeParse(failed.details);
          setScan({ status: 'failed', error: failed, problem: problem.success ? problem.data : null });
        },
      );
    },
    [core, focus, stage],
  );

  const showErrors = useCallback(
    (found: FieldErrors) => {
      setErrors(found);
      setStage('form');
      const first = firstInvalidField(found);
      if (first) focus(fieldId(first));
    },
    [focus],
  );

  const review = useCallback(() => {
    const found = checkDraft(draft);
    setFailure(null);
    if (firstInvalidField(found)) return showErrors(found);
    setErrors({});
    setStage('review');
    focus(CONFIRM_ID);
  }, [draft, focus, showErrors]);

  const backToForm = useCallback(() => {
    setStage('form');
    setFailure(null);
    focus(fieldId('applicant.fullName'));
  }, [focus]);

  const submit = useCallback(() => {
    if (submitting || stage !== 'review') return;
    setSubmitting(true);
    setFailure(null);
    void core.call('dossiers.intake', toIntakeInput(draft)).then(
      (dossier) => {
        if (draft.procedure) rememberProcedure(draft.procedure.code);
        setResult(dossier);
        setStage('done');
        setSubmitting(false);
        // Not on "next": an Enter pressed twice (or Ctrl+Enter, then Enter) would skip the result and its fee
        // step. The heading does nothing on Enter; the fee step then takes the focus, or "next" gets it once
        // the fees are settled (finishFee), including at once for a procedure with nothing to pay.
        focus(RESULT_HEADING_ID);
      },
      (error: unknown) => {
        const failed = asCoreClientError(error);
        setSubmitting(false);
        const found = failed.code === 'invalid-input' ? issuesToFieldErrors(failed.details) : {};
        if (firstInvalidField(found)) showErrors(found);
        else setFailure(failed);
      },
    );
  }, [core, draft, focus, showErrors, stage, submitting]);

  const finishFee = useCallback(
    (outcome: FeeOutcome) => {
      setFee(outcome);
      focus(NEXT_ID);
    },
    [focus],
  );

  const startNext = useCallback(() => {
    setDraft(emptyDraft(newDossierId()));
    setStage('form');
    setErrors({});
    setFailure(null);
    setScan({ status: 'idle' });
    setPapers({ status: 'idle' });
    setResult(null);
    setFee(null);
    focus(PROCEDURE_INPUT_ID);
  }, [focus]);

  return { draft, stage, errors, failure, scan, papers, result, fee, submitting, finishFee, update, updateApplicant, togglePaper, chooseProcedure, readCard, review, backToForm, submit, startNext };
}

export type IntakeController = ReturnType<typeof useIntake>;
