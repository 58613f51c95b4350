import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/contract/errors.ts';
import type { PrintJob } from '../../../../shared/contract/printing.ts';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { Field } from '../../../ui/Field.tsx';
import { formatVietnamDateTime } from '../../../ui/format-time.ts';
import { Kbd } from '../../../ui/Kbd.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import type { Tone } from '../../../ui/tone.ts';
import type { Lateness } from '../use-dossier.ts';
import { checkApology, printableForms, type ApologyDraft, type ApologyProblem } from './print-forms.ts';
import { useDossierPrints } from './use-dossier-prints.ts';
import './prints.css';
import { FailureBanner } from '../../../ui/FailureBanner.tsx';
import { FormButtons } from '../../../ui/FormButtons.tsx';

const HEADING_ID = 'dossier-prints-heading';
const STATE_TONE: Readonly<Record<PrintJob['state'], Tone>> = { queued: 'warn', sending: 'warn', done: 'ok', uncertain: 'danger', failed: 'danger', cancelled: 'neutral' };
const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

type Outcome = Readonly<{ kind: 'print' | 'reprint'; form: PrintJob['form'] }>;

/**
 * "In phiếu": the forms that apply to the dossier as it stands, each sent to the default printer (a first print),
 * the apology letter (form 04, only while overdue) with the reason and new due date the clerk types, and the
 * dossier's print jobs with "In lại" (printed again with the "BẢN IN LẠI" banner). Alt+I goes to the first form.
 */
export function DossierPrints(props: Readonly<{ dossier: Dossier; actions: readonly string[]; lateness: Lateness | null }>) {
  const translator = useT();
  const { t } = translator;
  const prints = useDossierPrints(props.dossier.id);
  const overdue = props.lateness?.overdue === true;
  const forms = printableForms(props.dossier, props.actions, overdue);
  const [apologyOpen, setApologyOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const formsList = useRef<HTMLUListElement>(null);

  // Alt+I: to the first form's print button from anywhere on the dossier screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyI') {
        event.preventDefault();
        formsList.current?.querySelector<HTMLElement>('button')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = useCallback((work: Promise<PrintJob>, kind: Outcome['kind'], after?: () => void) => {
    setPending(true);
    setFailure(null);
    setOutcome(null);
    work.then(
      (job) => {
        setPending(false);
        setOutcome({ kind, form: job.form });
        after?.();
      },
      (error: unknown) => {
        setPending(false);
        setFailure(error as CoreClientError);
      },
    );
  }, []);

  const formName = (form: PrintJob['form']) => t(`dossiers.print.form.${form}`);

  return (
    <section className="panel dossier-prints" aria-labelledby={HEADING_ID} data-testid="dossier-prints">
      <div className="dossier-prints__head">
        <h2 id={HEADING_ID} className="panel__title">
          {t('dossiers.print.heading')}
        </h2>
        <span className="muted">
          <Kbd keys="Alt+I" /> {t('dossiers.print.shortcutHint')}
        </span>
      </div>
      <ul className="print-forms" ref={formsList} data-testid="print-forms">
        {forms.map((form) => (
          <li key={form} className="print-forms__item" data-testid="print-form" data-form={form}>
            <span className="print-forms__name" id={`print-form-${form}-name`}>
              {formName(form)}
            </span>
            <button
              id={`print-form-${form}`}
              type="button"
              className={`button ${form === 'apology' && apologyOpen ? 'button--primary' : 'button--secondary'}`}
              aria-keyshortcuts={form === forms[0] ? 'Alt+I' : undefined}
              aria-describedby={`print-form-${form}-name`}
              aria-expanded={form === 'apology' ? apologyOpen : undefined}
              disabled={pending}
              data-testid={`print-${form}`}
              onClick={() => {
                if (form === 'apology') {
                  setApologyOpen(!apologyOpen);
                  setFailure(null);
                  setOutcome(null);
                } else run(prints.print(form), 'print');
              }}
            >
              {form === 'apology' ? t('dossiers.print.compose') : t('dossiers.print.print')}
            </button>
          </li>
        ))}
      </ul>
      {apologyOpen && overdue ? (
        <ApologyForm
          lateDays={props.lateness?.workingDaysLate ?? 0}
          pending={pending}
          onCancel={() => {
            setApologyOpen(false);
            document.getElementById('print-form-apology')?.focus();
          }}
          onConfirm={(extra) =>
            run(prints.print('apology', extra), 'print', () => {
              setApologyOpen(false);
              document.getElementById('print-form-apology')?.focus();
            })
          }
        />
      ) : null}
      <div aria-live="polite" data-testid="print-outcome">
        {outcome ? <p className="outcome">{t(outcome.kind === 'print' ? 'dossiers.print.done.print' : 'dossiers.print.done.reprint', { form: formName(outcome.form) })}</p> : null}
      </div>
      {failure ? (
        <FailureBanner failure={failure} testId="print-failure" title={t('dossiers.print.failed')} />
      ) : null}

      <h3 className="dossier-prints__subtitle">{t('dossiers.print.jobs.heading')}</h3>
      {prints.state.status === 'loading' ? <p className="muted">{t('dossiers.print.jobs.loading')}</p> : null}
      {prints.state.status === 'failed' ? (
        <FailureBanner failure={prints.state.error} testId="print-jobs-failure" />
      ) : null}
      {prints.state.status === 'ready' && prints.state.value.length === 0 ? <p className="muted">{t('dossiers.print.jobs.empty')}</p> : null}
      {prints.state.status === 'ready' && prints.state.value.length > 0 ? (
        <ul className="print-jobs" data-testid="print-jobs">
          {prints.state.value.map((job) => {
            const at = formatVietnamDateTime(job.createdAt);
            return (
              <li key={job.id} className="print-job" data-testid="print-job" data-form={job.form} data-state={job.state} data-reprint={job.reprintOf !== null}>
                <div className="print-job__head">
                  <strong>{formName(job.form)}</strong>
                  {job.reprintOf !== null ? (
                    <span className="print-job__reprint" data-testid="print-job-reprint-flag">
                      {t('dossiers.print.jobs.reprintFlag')}
                    </span>
                  ) : null}
                  <StatusBadge tone={STATE_TONE[job.state]} label={t(`dossiers.print.jobs.state.${job.state}`)} state={job.state} />
                </div>
                <p className="print-job__line">
                  {t('dossiers.print.jobs.at', { at, copies: job.copies })}
                  {job.errorCode !== null ? (
                    <span className="print-job__error" data-code={job.errorCode}>
                      {' · '}
                      {t('dossiers.print.jobs.error', { reason: isErrorCode(job.errorCode) ? translator.describeError(job.errorCode) : job.errorCode, code: job.errorCode })}
                    </span>
                  ) : null}
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={pending}
                  aria-label={t('dossiers.print.jobs.reprintLabel', { form: formName(job.form), at })}
                  data-testid="print-job-reprint"
                  onClick={() => run(prints.reprint(job), 'reprint')}
                >
                  {t('dossiers.print.jobs.reprint')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

const PROBLEM_FIELD: Readonly<Record<ApologyProblem, 'reason' | 'date' | 'time'>> = { reason: 'reason', date: 'date', dateNotLater: 'date', time: 'time' };

/** The apology letter's reason and new due date; Enter in any field prints, Esc closes it. */
function ApologyForm(props: Readonly<{ lateDays: number; pending: boolean; onConfirm: (extra: { reason: string; newDueAt: string }) => void; onCancel: () => void }>) {
  const { t } = useT();
  const [draft, setDraft] = useState<ApologyDraft>({ reason: '', date: '', time: '08:00' });
  const [problems, setProblems] = useState<readonly ApologyProblem[]>([]);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<ApologyDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const problem = (field: 'reason' | 'date' | 'time') => {
    const found = problems.find((p) => PROBLEM_FIELD[p] === field);
    return found === undefined ? undefined : t(`dossiers.print.apology.problem.${found}`);
  };

  return (
    <form
      className="action-form"
      data-testid="apology-form"
      aria-labelledby="apology-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkApology(draft, new Date());
        if (checked.ok) {
          setProblems([]);
          props.onConfirm({ reason: checked.reason, newDueAt: checked.newDueAt });
        } else {
          setProblems(checked.problems);
          const firstProblem = checked.problems[0];
          if (firstProblem !== undefined) document.getElementById(`apology-${PROBLEM_FIELD[firstProblem]}`)?.focus();
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <h3 id="apology-form-title" className="action-form__title">
        {t('dossiers.print.form.apology')}
      </h3>
      <p className="muted">{t('dossiers.print.apology.intro', { days: props.lateDays })}</p>
      <Field id="apology-reason" label={t('dossiers.print.apology.reason')} error={problem('reason')}>
        {(control) => <input {...control} ref={first} className="input" maxLength={500} value={draft.reason} onChange={(event) => set({ reason: event.target.value })} />}
      </Field>
      <div className="apology-form__when">
        <Field id="apology-date" label={t('dossiers.print.apology.date')} hint={t('dossiers.print.apology.dateHint')} error={problem('date')}>
          {(control) => <input {...control} className="input" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" value={draft.date} onChange={(event) => set({ date: event.target.value })} />}
        </Field>
        <Field id="apology-time" label={t('dossiers.print.apology.time')} hint={t('dossiers.print.apology.timeHint')} error={problem('time')}>
          {(control) => <input {...control} className="input" inputMode="numeric" autoComplete="off" placeholder="HH:mm" value={draft.time} onChange={(event) => set({ time: event.target.value })} />}
        </Field>
      </div>
      <FormButtons confirm={t('dossiers.print.apology.confirm')} cancel={t('dossiers.print.apology.cancel')} pending={props.pending} confirmTestId="apology-confirm" onCancel={props.onCancel} />
    </form>
  );
}
