import { useState } from 'react';
import type { CatalogueSummary } from '../../../shared/contract/catalogue.ts';
import { describeFailure } from '../home/describe-failure.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { PROCEDURE_INPUT_ID } from './use-intake.ts';
import { timeLimitText } from './time-limit-text.ts';
import { useProcedureSearch } from './use-procedure-search.ts';

const LIST_ID = 'intake-procedure-options';
const optionId = (code: string) => `intake-procedure-option-${code.replace(/\./g, '-')}`;

/**
 * A combobox: type a code or words of the name (no diacritics needed), ↑/↓ to move, Enter to choose.
 * The counter's recent procedures come first. The list shows while the field has focus.
 */
export function ProcedurePicker(
  props: Readonly<{ selected: CatalogueSummary | null; error: string | undefined; onChoose: (procedure: CatalogueSummary) => void }>,
) {
  const translator = useT();
  const { t } = translator;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { items, recent, error } = useProcedureSearch(query, open);
  const activeItem = open ? items[Math.min(active, items.length - 1)] : undefined;

  const choose = (item: CatalogueSummary) => {
    props.onChoose(item);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  return (
    <div className={`field procedure-picker${props.error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={PROCEDURE_INPUT_ID}>
        {t('intake.procedure.label')}
      </label>
      <input
        id={PROCEDURE_INPUT_ID}
        data-autofocus
        className="input"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open && items.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={activeItem ? optionId(activeItem.code) : undefined}
        aria-invalid={Boolean(props.error)}
        aria-describedby={`${PROCEDURE_INPUT_ID}-hint${props.error ? ` ${PROCEDURE_INPUT_ID}-error` : ''}`}
        placeholder={t('intake.procedure.placeholder')}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.ctrlKey || event.altKey) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((index) => Math.max(0, Math.min(items.length - 1, index + step)));
          } else if (event.key === 'Enter' && activeItem) {
            event.preventDefault();
            choose(activeItem);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <span className="field__hint" id={`${PROCEDURE_INPUT_ID}-hint`}>
        {t('intake.procedure.hint')} <Kbd keys="↑ ↓" /> <Kbd keys="Enter" />
      </span>
      {props.error ? (
        <span className="field__error" id={`${PROCEDURE_INPUT_ID}-error`} data-testid={`${PROCEDURE_INPUT_ID}-error`}>
          {props.error}
        </span>
      ) : null}
      {error && open ? <p className="field__error">{describeFailure(error, translator)}</p> : null}
      <ul id={LIST_ID} role="listbox" aria-label={t('intake.procedure.listLabel')} className="procedure-list" hidden={!open || items.length === 0}>
        {items.slice(0, 12).map((item) => (
          <li
            key={item.code}
            id={optionId(item.code)}
            role="option"
            aria-selected={item === activeItem}
            className="procedure-list__option"
            data-code={item.code}
            // mousedown, not click: a click would blur the field (and close the list) first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            <span className="procedure-list__code">{item.code}</span>
            <span className="procedure-list__name">{item.name}</span>
            <span className="procedure-list__meta">
              {recent.includes(item.code) ? <span className="tag">{t('intake.procedure.recent')}</span> : null}
              {timeLimitText(item.timeLimit, t)}
            </span>
          </li>
        ))}
      </ul>
      {props.selected ? (
        <div className="procedure-chosen" data-testid="intake-procedure-chosen" aria-live="polite">
          <span className="procedure-chosen__code">{props.selected.code}</span> <strong>{props.selected.name}</strong>
          <span className="procedure-chosen__meta">
            {props.selected.sector} · {t('intake.procedure.timeLimit')}: {timeLimitText(props.selected.timeLimit, t)}
          </span>
          {props.selected.timeLimit ? null : <span className="field__error">{translator.describeError('procedure-incomplete')}</span>}
        </div>
      ) : null}
    </div>
  );
}
