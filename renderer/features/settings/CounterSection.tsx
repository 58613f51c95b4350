import { useEffect, useState } from 'react';
import { AgencyCodeSchema, ServerUrlSchema, type Settings } from '../../../shared/contract/settings.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError, type CoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { failureText, invalidPaths } from './settings-failure.ts';

type CounterField = 'centreName' | 'counterName' | 'agencyCode' | 'slot' | 'serverUrl';
type Draft = Readonly<Record<CounterField, string>>;

function draftOf(settings: Settings): Draft {
  const { counter } = settings;
  return {
    centreName: counter.centreName,
    counterName: counter.counterName,
    agencyCode: counter.agencyCode ?? '',
    slot: counter.slot === null ? '' : String(counter.slot),
    serverUrl: settings.serverUrl ?? '',
  };
}

/** Empty means "not set" (null); anything else must pass the contract's own rules. */
function check(draft: Draft): CounterField[] {
  const problems: CounterField[] = [];
  if (draft.centreName.trim().length > 200) problems.push('centreName');
  if (draft.counterName.trim().length > 100) problems.push('counterName');
  if (draft.agencyCode.trim() !== '' && !AgencyCodeSchema.safeParse(draft.agencyCode).success) problems.push('agencyCode');
  const slot = draft.slot.trim();
  if (slot !== '' && !(/^\d{1,2}$/.test(slot) && Number(slot) >= 1 && Number(slot) <= 40)) problems.push('slot');
  if (draft.serverUrl.trim() !== '' && !ServerUrlSchema.safeParse(draft.serverUrl).success) problems.push('serverUrl');
  return problems;
}

/** Centre, counter, agency code, slot and the server address: what IT sets on a new counter PC. */
export function CounterSection(props: Readonly<{ settings: CoreQuery<Settings>; canConfigure: boolean }>) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const { state, replace } = props.settings;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<readonly CounterField[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [saved, setSaved] = useState(false);

  // The form starts from the stored settings; what the clerk typed is kept when a save is refused.
  useEffect(() => {
    if (state.status === 'ready' && draft === null) setDraft(draftOf(state.value));
  }, [state, draft]);

  // The shell focuses the screen's heading when the settings have not loaded yet; once the form is there,
  // typing should go into its first field (only if nothing else was focused in between).
  const loaded = draft !== null;
  const { canConfigure } = props;
  useEffect(() => {
    if (loaded && canConfigure && document.activeElement?.id === 'settings-title') document.getElementById('settings-centreName')?.focus();
  }, [loaded, canConfigure]);

  if (state.status === 'failed') {
    return (
      <Panel id="settings-counter" title={t('settings.counter.heading')} testId="settings-counter">
        <p className="panel__error">{t('settings.loadFailed', { reason: failureText(state.error, translator) })}</p>
      </Panel>
    );
  }
  if (draft === null) {
    return (
      <Panel id="settings-counter" title={t('settings.counter.heading')} testId="settings-counter">
        <p className="muted">{t('app.loading')}</p>
      </Panel>
    );
  }

  const set = (field: CounterField, value: string) => {
    setDraft({ ...draft, [field]: value });
    setSaved(false);
  };
  const problem = (field: CounterField) => (problems.includes(field) ? t(`settings.counter.invalid.${field}`) : undefined);

  const save = () => {
    const found = check(draft);
    setProblems(found);
    setFailure(null);
    setSaved(false);
    if (found.length > 0) {
      document.getElementById(`settings-${found[0]}`)?.focus();
      return;
    }
    setSaving(true);
    const slot = draft.slot.trim();
    void core
      .call('settings.update', {
        counter: {
          centreName: draft.centreName.trim(),
          counterName: draft.counterName.trim(),
          agencyCode: draft.agencyCode.trim() === '' ? null : draft.agencyCode.trim(),
          slot: slot === '' ? null : Number(slot),
        },
        serverUrl: draft.serverUrl.trim() === '' ? null : draft.serverUrl.trim(),
      })
      .then(
        (next) => {
          replace(next);
          setDraft(draftOf(next));
          setSaved(true);
        },
        (error: unknown) => {
          const failed = asCoreClientError(error);
          const named = [...invalidPaths(failed, 'counter.'), ...invalidPaths(failed).filter((path) => path === 'serverUrl')].filter((path): path is CounterField =>
            ['centreName', 'counterName', 'agencyCode', 'slot', 'serverUrl'].includes(path),
          );
          setProblems(named);
          setFailure(failed);
        },
      )
      .finally(() => setSaving(false));
  };

  const text = (field: CounterField, options: Readonly<{ hint?: string; short?: boolean; autofocus?: boolean }> = {}) => (
    <Field id={`settings-${field}`} label={t(`settings.counter.${field}`)} hint={options.hint} error={problem(field)}>
      {(control) => (
        <input
          {...control}
          {...(options.autofocus ? { 'data-autofocus': true } : {})}
          className={`input${options.short ? ' input--short' : ''}`}
          value={draft[field]}
          onChange={(event) => set(field, event.target.value)}
          inputMode={field === 'slot' ? 'numeric' : undefined}
          spellCheck={false}
        />
      )}
    </Field>
  );

  return (
    <Panel id="settings-counter" title={t('settings.counter.heading')} testId="settings-counter">
      <form
        className="settings-form"
        aria-label={t('settings.counter.heading')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.canConfigure) save();
        }}
      >
        <fieldset className="settings-fieldset" disabled={!props.canConfigure}>
          {text('centreName', { autofocus: true })}
          {text('counterName')}
          <div className="settings-row">
            {text('agencyCode', { hint: t('settings.counter.agencyCodeHint') })}
            {text('slot', { hint: t('settings.counter.slotHint'), short: true })}
          </div>
          {text('serverUrl', { hint: t('settings.counter.serverUrlHint') })}
          {props.canConfigure ? (
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={saving} data-testid="settings-counter-save">
                {saving ? t('settings.saving') : t('settings.save')} <Kbd keys="Enter" />
              </button>
            </div>
          ) : null}
        </fieldset>
        {failure ? (
          <p className="panel__error" role="alert" data-testid="settings-counter-error">
            {t('settings.failed', { reason: failureText(failure, translator) })}
          </p>
        ) : null}
        {saved ? (
          <p className="settings-ok" role="status" data-testid="settings-counter-saved">
            {t('settings.saved')}
          </p>
        ) : null}
      </form>
    </Panel>
  );
}
