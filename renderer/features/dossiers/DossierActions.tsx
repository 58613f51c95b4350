import { useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/session-context.ts';
import { ActionForm } from './ActionForm.tsx';
import { actionBlocked, availableActions, type ActionDraft, type CounterAction } from './dossier-actions.ts';
import { isSupervisor } from './supervisor.ts';
import { FailureBanner } from '../../ui/FailureBanner.tsx';

/**
 * The actions the dossier's status allows, one form at a time, with the outcome announced. One this session may
 * not do (re-opening, for a clerk who is not a supervisor) shows switched off, with the reason.
 */
export function DossierActions(props: Readonly<{ dossier: Dossier; perform: (action: CounterAction, draft: ActionDraft) => Promise<Dossier> }>) {
  const translator = useT();
  const { t } = translator;
  const [open, setOpen] = useState<CounterAction | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [done, setDone] = useState<Readonly<{ action: CounterAction; status: Dossier['status'] }> | null>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const actions = availableActions(props.dossier);
  const supervisor = isSupervisor(useSession()?.session);
  const blocked = actions.map((action) => actionBlocked(action, supervisor)).find((why) => why !== null) ?? null;

  useEffect(() => {
    if (open) formArea.current?.querySelector<HTMLElement>('[data-autofocus], input, button')?.focus();
  }, [open]);

  // The form that held the focus is gone once an action is done: the focus goes to the next action the new
  // status allows (the result ready → "return the result"), or to the outcome when none is left, rather than
  // back to the top of the page for a clerk on the keyboard.
  useEffect(() => {
    if (done) (buttons.current?.querySelector<HTMLElement>('button:not(:disabled)') ?? outcome.current)?.focus();
  }, [done]);

  const confirm = (action: CounterAction, draft: ActionDraft) => {
    setPending(true);
    setFailure(null);
    props.perform(action, draft).then(
      (updated) => {
        setPending(false);
        setOpen(null);
        setDone({ action, status: updated.status });
      },
      (error: unknown) => {
        setPending(false);
        setFailure(asCoreClientError(error));
      },
    );
  };

  return (
    <Panel id="dossier-actions" title={t('dossiers.actions.heading')} testId="dossier-actions">
      <div aria-live="polite" data-testid="action-outcome" ref={outcome} tabIndex={-1}>
        {done ? (
          <p className="outcome">
            {t('dossiers.actions.done', { action: t(`dossiers.action.${done.action}`), status: t(`dossier.status.${done.status}`) })}
          </p>
        ) : null}
      </div>
      {actions.length === 0 ? <p className="muted">{t('dossiers.actions.none')}</p> : null}
      <div className="actions actions--wrap" ref={buttons}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${open === action ? 'button--primary' : 'button--secondary'}`}
            aria-expanded={open === action}
            disabled={actionBlocked(action, supervisor) !== null}
            aria-describedby={actionBlocked(action, supervisor) ? 'dossier-actions-why' : undefined}
            data-testid={`action-${action}`}
            onClick={() => {
              setOpen(open === action ? null : action);
              setFailure(null);
              setDone(null);
            }}
          >
            {t(`dossiers.action.${action}`)}
          </button>
        ))}
      </div>
      {blocked ? (
        <p id="dossier-actions-why" className="muted" data-testid="action-why">
          {t(blocked)}
        </p>
      ) : null}
      {failure ? (
        <FailureBanner failure={failure} testId="action-failure" />
      ) : null}
      <div ref={formArea}>
        {open ? <ActionForm key={open} action={open} pending={pending} onConfirm={(draft) => confirm(open, draft)} onCancel={() => setOpen(null)} /> : null}
      </div>
    </Panel>
  );
}
