import { describeFailure } from '../home/describe-failure.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { fieldId, type PaperDraft } from './intake-draft.ts';
import type { PapersState } from './use-intake.ts';

/** The procedure's papers as checkboxes (Space ticks); required ones without a condition start ticked. */
export function PapersChecklist(
  props: Readonly<{ papers: readonly PaperDraft[]; state: PapersState; hasProcedure: boolean; error: string | undefined; onToggle: (id: string) => void }>,
) {
  const translator = useT();
  const { t } = translator;
  const { papers, state } = props;
  const received = papers.filter((paper) => paper.received).length;
  return (
    <fieldset className="form-section" data-testid="intake-papers" id={fieldId('papers')} tabIndex={-1}>
      <legend className="form-section__title">
        {t('intake.papers.heading')}
        {papers.length > 0 ? <span className="form-section__count"> ({t('intake.papers.count', { received, total: papers.length })})</span> : null}
      </legend>
      {!props.hasProcedure ? <p className="muted">{t('intake.papers.chooseFirst')}</p> : null}
      {state.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {state.status === 'failed' ? <p className="field__error">{describeFailure(state.error, translator)}</p> : null}
      {props.error ? <p className="field__error">{props.error}</p> : null}
      <ul className="papers">
        {papers.map((paper) => {
          const id = `intake-paper-${paper.id}`;
          return (
            <li key={paper.id} className="papers__item">
              <input id={id} type="checkbox" className="checkbox" checked={paper.received} onChange={() => props.onToggle(paper.id)} />
              <label htmlFor={id} className="papers__label">
                <span className="papers__name">{paper.name}</span>
                <span className="papers__meta">
                  {t(`intake.paper.form.${paper.form}`)} · {t('intake.paper.copies', { n: paper.count })}
                  {paper.required ? '' : ` · ${t('intake.paper.optional')}`}
                  {paper.presentOnly ? ` · ${t('intake.paper.presentOnly')}` : ''}
                </span>
                {paper.condition ? <span className="papers__condition">{paper.condition}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
