import { useState } from 'react';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { checkAction, EMPTY_ACTION_DRAFT, REOPEN_REASON_MAX, type ActionDraft, type ActionProblem, type CounterAction, type ReturnTo } from './dossier-actions.ts';

const RETURN_TO: readonly ReturnTo[] = ['applicant', 'representative', 'post'];

/**
 * The fields of one action and its confirmation. What was typed stays when the core refuses, so the clerk
 * corrects rather than retypes. `pending` disables the confirm button (one press, one change).
 */
export function ActionForm(
  props: Readonly<{ action: CounterAction; pending: boolean; onConfirm: (draft: ActionDraft) => void; onCancel: () => void }>,
) {
  const { t } = useT();
  const { action } = props;
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_ACTION_DRAFT);
  const [problems, setProblems] = useState<readonly ActionProblem[]>([]);
  const set = (patch: Partial<ActionDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    // Once Confirm has said what is missing, each message goes as soon as it is fixed (none appear before).
    if (problems.length > 0) setProblems(checkAction(action, next));
  };
  const problem = (...keys: ActionProblem[]) => {
    const found = keys.find((key) => problems.includes(key));
    return found ? t(`dossiers.action.problem.${found}`) : undefined;
  };

  return (
    <form
      className="action-form"
      data-testid={`action-form-${action}`}
      aria-labelledby="action-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const found = checkAction(action, draft);
        setProblems(found);
        if (found.length === 0) props.onConfirm(draft);
        else document.getElementById(`action-${found[0] === 'reasonShort' ? 'reason' : found[0]}`)?.focus();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <h3 id="action-form-title" className="action-form__title">
        {t(action === 'reopen' ? 'dossiers.action.reopenTitle' : `dossiers.action.${action}`)}
      </h3>
      <p className="muted">{t(`dossiers.action.confirm.${action}`)}</p>
      {action === 'requestSupplement' || action === 'refuse' ? (
        <Field id="action-reason" label={t('dossiers.action.reason')} error={problem('reason')}>
          {(control) => <textarea {...control} data-autofocus className="input textarea" rows={2} value={draft.reason} onChange={(event) => set({ reason: event.target.value })} />}
        </Field>
      ) : null}
      {action === 'reopen' ? (
        <Field id="action-reason" label={t('dossiers.action.reason')} hint={t('dossiers.action.reopenReasonHint')} error={problem('reason', 'reasonShort')}>
          {(control) => (
            <textarea
              {...control}
              data-autofocus
              className="input textarea"
              rows={2}
              maxLength={REOPEN_REASON_MAX}
              value={draft.reason}
              onChange={(event) => set({ reason: event.target.value })}
            />
          )}
        </Field>
      ) : null}
      {action === 'requestSupplement' ? (
        <Field id="action-items" label={t('dossiers.action.items')} hint={t('dossiers.action.itemsHint')} error={problem('items')}>
          {(control) => <textarea {...control} className="input textarea" rows={3} value={draft.items} onChange={(event) => set({ items: event.target.value })} />}
        </Field>
      ) : null}
      {action === 'returnResult' ? (
        <>
          <div className="field" role="radiogroup" aria-labelledby="action-to-label">
            <span className="field__label" id="action-to-label">
              {t('dossiers.action.returnTo')}
            </span>
            <div className="radios">
              {RETURN_TO.map((to) => (
                <label key={to} className="radio">
                  <input type="radio" name="action-to" value={to} checked={draft.to === to} onChange={() => set({ to })} />
                  {t(`dossiers.action.to.${to}`)}
                </label>
              ))}
            </div>
          </div>
          <Field id="action-receiverName" label={t('dossiers.action.receiverName')} error={problem('receiverName')}>
            {(control) => <input {...control} className="input" value={draft.receiverName} onChange={(event) => set({ receiverName: event.target.value })} />}
          </Field>
          {draft.to === 'post' ? (
            <Field id="action-trackingCode" label={t('dossiers.action.trackingCode')} error={problem('trackingCode')}>
              {(control) => <input {...control} className="input" value={draft.trackingCode} onChange={(event) => set({ trackingCode: event.target.value })} />}
            </Field>
          ) : null}
          <Field id="action-note" label={t('dossiers.action.note')}>
            {(control) => <input {...control} className="input" value={draft.note} onChange={(event) => set({ note: event.target.value })} />}
          </Field>
        </>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={props.pending} data-testid="action-confirm">
          {t('dossiers.action.confirmButton')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('dossiers.action.cancel')}
        </button>
      </div>
    </form>
  );
}
