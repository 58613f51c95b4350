import { useEffect, useState } from 'react';
import { ServerUrlSchema, type CounterIdentity, type Settings } from '../../../shared/contract/settings.ts';
import type { SyncStatus } from '../../../shared/contract/sync.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError, type CoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import type { Tone } from '../../ui/tone.ts';
import { failureText } from './settings-failure.ts';

const CONNECTION_TONE: Readonly<Record<SyncStatus['state'], Tone>> = { online: 'ok', offline: 'warn', 'not-configured': 'neutral', paused: 'danger' };

type Enrolled = Readonly<{ agency: string; counter: string; slot: number }>;

/**
 * Enrolment with a one-time code from the central server's administrator (sync.enroll, supervisor): the server
 * answers with the agency, the counter's name and slot, which replace what was typed on this PC.
 */
export function EnrolSection(
  props: Readonly<{ counter: CoreQuery<CounterIdentity>; sync: CoreQuery<SyncStatus>; settings: CoreQuery<Settings>; canConfigure: boolean }>,
) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<readonly ('serverUrl' | 'code')[]>([]);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const storedUrl = props.settings.state.status === 'ready' ? props.settings.state.value.serverUrl : null;

  useEffect(() => {
    if (storedUrl !== null) setServerUrl((current) => (current === '' ? storedUrl : current));
  }, [storedUrl]);

  const identity = props.counter.state.status === 'ready' ? props.counter.state.value : null;
  const sync = props.sync.state.status === 'ready' ? props.sync.state.value : null;
  const { reload: reloadCounter } = props.counter;
  const { reload: reloadSync } = props.sync;
  const { reload: reloadSettings } = props.settings;

  const enrol = () => {
    const found: ('serverUrl' | 'code')[] = [];
    if (!ServerUrlSchema.safeParse(serverUrl).success) found.push('serverUrl');
    if (code.trim().length < 6 || code.trim().length > 64) found.push('code');
    setProblems(found);
    setFailure(null);
    setEnrolled(null);
    if (found.length > 0) {
      document.getElementById(found[0] === 'code' ? 'settings-enrol-code' : 'settings-enrol-server')?.focus();
      return;
    }
    setPending(true);
    void core
      .call('sync.enroll', { serverUrl: serverUrl.trim(), code: code.trim() })
      .then(
        (answer) => {
          setEnrolled({ agency: answer.agencyName, counter: answer.counterName, slot: answer.slot });
          setCode('');
          reloadCounter();
          reloadSync();
          reloadSettings();
        },
        (error: unknown) => setFailure(asCoreClientError(error)),
      )
      .finally(() => setPending(false));
  };

  return (
    <Panel id="settings-enrol" title={t('settings.enrol.heading')} testId="settings-enrol">
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('settings.enrol.heading')}</dt>
          <dd data-testid="settings-enrolled" data-enrolled={identity?.enrolled ?? false}>
            {identity?.enrolled ? t('settings.enrol.enrolled', { code: identity.counterCode ?? '' }) : t('settings.enrol.notEnrolled')}
          </dd>
        </div>
        {sync ? (
          <div className="facts__row">
            <dt>{t('settings.enrol.connection')}</dt>
            <dd>
              <StatusBadge tone={CONNECTION_TONE[sync.state]} label={t(`home.sync.state.${sync.state}`)} testId="settings-connection" state={sync.state} />
            </dd>
          </div>
        ) : null}
      </dl>
      {props.canConfigure ? (
        <form
          className="settings-form"
          aria-label={t('settings.enrol.heading')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            enrol();
          }}
        >
          <Field id="settings-enrol-server" label={t('settings.counter.serverUrl')} hint={t('settings.counter.serverUrlHint')} error={problems.includes('serverUrl') ? t('settings.counter.invalid.serverUrl') : undefined}>
            {(control) => <input {...control} className="input" value={serverUrl} spellCheck={false} onChange={(event) => setServerUrl(event.target.value)} />}
          </Field>
          <Field id="settings-enrol-code" label={t('settings.enrol.code')} hint={t('settings.enrol.codeHint')} error={problems.includes('code') ? t('settings.enrol.invalid.code') : undefined}>
            {(control) => <input {...control} className="input" value={code} autoComplete="off" spellCheck={false} onChange={(event) => setCode(event.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={pending} data-testid="settings-enrol-submit">
              {identity?.enrolled ? t('settings.enrol.reenrol') : t('settings.enrol.submit')} <Kbd keys="Enter" />
            </button>
          </div>
        </form>
      ) : null}
      {failure ? (
        <p className="panel__error" role="alert" data-testid="settings-enrol-error">
          {t('settings.failed', { reason: failureText(failure, translator) })}
        </p>
      ) : null}
      {enrolled ? (
        <p className="settings-ok" role="status" data-testid="settings-enrol-done">
          {t('settings.enrol.done', { agency: enrolled.agency, counter: enrolled.counter, slot: String(enrolled.slot) })}
        </p>
      ) : null}
    </Panel>
  );
}
