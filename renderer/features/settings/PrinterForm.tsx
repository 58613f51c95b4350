import { useEffect, useState } from 'react';
import type { PrinterProfile } from '../../../shared/contract/printing.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormButtons } from '../../ui/FormButtons.tsx';
import { checkPrinterDraft, idFromName, type PrinterDraft, type PrinterField } from './printer-draft.ts';

const KINDS = ['tcp', 'device', 'os'] as const;
const PAPERS = ['80mm', '58mm', 'A5', 'A4'] as const;
const MODES = ['raster', 'text'] as const;
const DRAWERS = ['none', 'pin2', 'pin5'] as const;

/**
 * Add or edit one printer profile. Enter saves, Esc cancels; what was typed stays when the core refuses.
 * A new printer's id follows its name until the id is typed by hand.
 */
export function PrinterForm(
  props: Readonly<{ initial: PrinterDraft; isNew: boolean; saving: boolean; onSave: (profile: PrinterProfile) => void; onCancel: () => void; serverProblems: readonly PrinterField[] }>,
) {
  const { t } = useT();
  const [draft, setDraft] = useState<PrinterDraft>(props.initial);
  const [idTouched, setIdTouched] = useState(!props.isNew);
  const [problems, setProblems] = useState<readonly PrinterField[]>([]);
  // The form opens from a button or a key press: typing goes on in its first field.
  useEffect(() => document.getElementById('printer-name')?.focus(), []);
  const set = (patch: Partial<PrinterDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const shown = [...problems, ...props.serverProblems];
  const problem = (field: PrinterField) => (shown.includes(field) ? t(`settings.printers.invalid.${field}`) : undefined);

  const radios = <V extends string>(name: string, label: string, values: readonly V[], value: V, text: (v: V) => string, onChange: (v: V) => void) => (
    <div className="field" role="radiogroup" aria-labelledby={`${name}-label`}>
      <span className="field__label" id={`${name}-label`}>
        {label}
      </span>
      <div className="radios">
        {values.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            {text(option)}
          </label>
        ))}
      </div>
    </div>
  );

  return (
    <form
      className="settings-form printer-form"
      data-testid="printer-form"
      aria-labelledby="printer-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkPrinterDraft(draft);
        setProblems(checked.problems);
        if (checked.profile) props.onSave(checked.profile);
        else document.getElementById(`printer-${checked.problems[0] ?? 'name'}`)?.focus();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <h3 id="printer-form-title" className="settings-subtitle">
        {props.isNew ? t('settings.printers.form.new') : t('settings.printers.form.edit', { name: props.initial.name })}
      </h3>
      <div className="settings-row">
        <Field id="printer-name" label={t('settings.printers.form.name')} error={problem('name')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={draft.name}
              onChange={(event) => set(idTouched ? { name: event.target.value } : { name: event.target.value, id: idFromName(event.target.value) })}
            />
          )}
        </Field>
        <Field id="printer-id" label={t('settings.printers.form.id')} hint={t('settings.printers.form.idHint')} error={problem('id')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={draft.id}
              readOnly={!props.isNew}
              spellCheck={false}
              onChange={(event) => {
                setIdTouched(true);
                set({ id: event.target.value });
              }}
            />
          )}
        </Field>
      </div>
      {radios('printer-kind', t('settings.printers.form.kind'), KINDS, draft.kind, (kind) => t(`settings.printers.kind.${kind}`), (kind) => set({ kind }))}
      {draft.kind === 'tcp' ? (
        <div className="settings-row">
          <Field id="printer-host" label={t('settings.printers.form.host')} error={problem('host')}>
            {(control) => <input {...control} className="input" value={draft.host} spellCheck={false} onChange={(event) => set({ host: event.target.value })} />}
          </Field>
          <Field id="printer-port" label={t('settings.printers.form.port')} error={problem('port')}>
            {(control) => <input {...control} className="input input--short" inputMode="numeric" value={draft.port} onChange={(event) => set({ port: event.target.value })} />}
          </Field>
        </div>
      ) : null}
      {draft.kind === 'device' ? (
        <Field id="printer-path" label={t('settings.printers.form.path')} hint={t('settings.printers.form.pathHint')} error={problem('path')}>
          {(control) => <input {...control} className="input" value={draft.path} spellCheck={false} onChange={(event) => set({ path: event.target.value })} />}
        </Field>
      ) : null}
      {draft.kind === 'os' ? (
        <Field id="printer-queue" label={t('settings.printers.form.queue')} error={problem('queue')}>
          {(control) => <input {...control} className="input" value={draft.queue} spellCheck={false} onChange={(event) => set({ queue: event.target.value })} />}
        </Field>
      ) : null}
      <div className="settings-row">
        <Field id="printer-paper" label={t('settings.printers.form.paper')}>
          {(control) => (
            <select {...control} className="input" value={draft.paper} onChange={(event) => set({ paper: event.target.value as PrinterDraft['paper'] })}>
              {PAPERS.map((paper) => (
                <option key={paper} value={paper}>
                  {paper}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="printer-drawer" label={t('settings.printers.form.cashDrawer')}>
          {(control) => (
            <select {...control} className="input" value={draft.cashDrawer} onChange={(event) => set({ cashDrawer: event.target.value as PrinterDraft['cashDrawer'] })}>
              {DRAWERS.map((drawer) => (
                <option key={drawer} value={drawer}>
                  {t(`settings.printers.form.drawer.${drawer}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {radios('printer-mode', t('settings.printers.form.mode'), MODES, draft.mode, (mode) => t(`settings.printers.mode.${mode}`), (mode) => set({ mode }))}
      <label className="radio">
        <input type="checkbox" className="checkbox" checked={draft.cut} onChange={(event) => set({ cut: event.target.checked })} />
        {t('settings.printers.form.cut')}
      </label>
      <label className="radio">
        <input type="checkbox" className="checkbox" checked={draft.isDefault} data-testid="printer-default" onChange={(event) => set({ isDefault: event.target.checked })} />
        {t('settings.printers.form.isDefault')}
      </label>
      <FormButtons confirm={t('settings.printers.form.save')} cancel={t('settings.printers.form.cancel')} pending={props.saving} confirmTestId="printer-save" onCancel={props.onCancel} />
    </form>
  );
}
