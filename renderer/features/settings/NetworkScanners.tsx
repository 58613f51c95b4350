import { useEffect, useRef, useState } from 'react';
import type { ScannerCertificate, ScanningSettings } from '../../../shared/contract/scanning.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { dayOf, esclIdFor, groupFingerprint } from './escl-draft.ts';
import { failureText } from './settings-failure.ts';

type EsclSetting = ScanningSettings['esclScanners'][number];
/** The certificate shown for confirmation, and the scanner it is for (a new one, or a configured one re-checked). */
type Pending = Readonly<{ certificate: ScannerCertificate; name: string; url: string; replaces: string | null }>;

/**
 * eSCL scanners configured by address (docs/SCANNING.md "HTTPS scanners"). An https scanner whose certificate the
 * device made itself is added only after a supervisor compared its SHA-256 fingerprint with the scanner's own page
 * and chose "Tin cậy chứng chỉ này": the fingerprint is stored and every request checks it.
 */
export function NetworkScanners(
  props: Readonly<{
    stored: readonly EsclSetting[];
    /** Found on the network, HTTPS only, certificate not trusted yet (scanners.list `untrusted`). */
    untrusted: readonly Readonly<{ name: string; url: string }>[];
    canConfigure: boolean;
    onSaved: (next: ScanningSettings) => void;
  }>,
) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<readonly ('name' | 'url')[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const review = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending) review.current?.focus();
  }, [pending]);

  const save = (scanners: readonly EsclSetting[], message: string) =>
    core.call('scanning.updateSettings', { esclScanners: [...scanners] }).then((next) => {
      props.onSaved(next);
      setDone(message);
    });

  const store = (target: Readonly<{ name: string; url: string; replaces: string | null }>, certSha256: string | null) => {
    const others = props.stored.filter((scanner) => scanner.id !== target.replaces);
    const previous = props.stored.find((scanner) => scanner.id === target.replaces);
    const id = previous?.id ?? esclIdFor(target.name, others.map((scanner) => scanner.id));
    const entry: EsclSetting = { id, name: previous?.name ?? target.name, url: target.url, ...(certSha256 ? { certSha256 } : {}) };
    const next = previous ? props.stored.map((scanner) => (scanner.id === previous.id ? entry : scanner)) : [...props.stored, entry];
    return save(next, t(certSha256 ? 'settings.escl.trusted' : 'settings.escl.added', { name: entry.name })).then(() => {
      setPending(null);
      if (!previous) {
        setName('');
        setUrl('');
      }
    });
  };

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    void work()
      .catch((error: unknown) => setFailure(asCoreClientError(error)))
      .finally(() => setBusy(false));
  };

  /** http: stored at once. https: the certificate first; one an authority vouches for needs no pin. */
  const check = (target: Readonly<{ name: string; url: string; replaces: string | null }>) =>
    run(async () => {
      if (!/^https:\/\//i.test(target.url)) return store(target, null);
      const certificate = await core.call('scanners.inspectCertificate', { url: target.url });
      if (certificate.caTrusted) return store(target, null);
      setPending({ certificate, ...target });
    });

  const add = () => {
    const found = [...(name.trim() ? [] : (['name'] as const)), ...(/^https?:\/\/\S+$/i.test(url.trim()) ? [] : (['url'] as const))];
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(`escl-${found[0]}`)?.focus();
      return;
    }
    check({ name: name.trim(), url: url.trim(), replaces: null });
  };

  const security = (scanner: EsclSetting) => {
    if (!/^https:/i.test(scanner.url)) return t('settings.escl.plain');
    if (!scanner.certSha256) return t('settings.escl.authority');
    return t('settings.escl.pinned', { start: groupFingerprint(scanner.certSha256).slice(0, 19) });
  };

  return (
    <div className="escl" data-testid="escl-scanners">
      <h3 className="settings-subtitle">{t('settings.scanning.escl')}</h3>
      {props.stored.length === 0 ? <p className="muted">{t('settings.scanning.noneListed')}</p> : null}
      {props.stored.length > 0 ? (
        <table className="table settings-table" data-testid="escl-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.scanners.name')}</th>
              <th scope="col">{t('settings.escl.security')}</th>
              {props.canConfigure ? <th scope="col">{t('settings.printers.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.stored.map((scanner) => (
              <tr key={scanner.id}>
                <td>
                  {scanner.name}
                  <span className="settings-sub">{scanner.url}</span>
                </td>
                <td>{security(scanner)}</td>
                {props.canConfigure ? (
                  <td className="escl__actions">
                    {/^https:/i.test(scanner.url) ? (
                      <button type="button" className="button button--secondary" disabled={busy} aria-label={t('settings.escl.recheckFor', { name: scanner.name })} onClick={() => check({ name: scanner.name, url: scanner.url, replaces: scanner.id })}>
                        {t('settings.escl.recheck')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy}
                      aria-label={t('settings.escl.removeFor', { name: scanner.name })}
                      onClick={() => run(() => save(props.stored.filter((other) => other.id !== scanner.id), t('settings.escl.removed', { name: scanner.name })))}
                    >
                      {t('settings.escl.remove')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {props.canConfigure && props.untrusted.length > 0 ? (
        <div className="escl__found">
          <p>{t('settings.escl.foundUntrusted')}</p>
          <ul>
            {props.untrusted.map((found) => (
              <li key={found.url}>
                {found.name} <span className="muted">{found.url}</span>{' '}
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => check({ name: found.name, url: found.url, replaces: null })}>
                  {t('settings.escl.check')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {pending ? (
        <div className="escl__review" role="group" aria-labelledby="escl-review-title" tabIndex={-1} ref={review} data-testid="escl-review">
          <h4 id="escl-review-title">{t('settings.escl.reviewTitle', { name: pending.name })}</h4>
          <p>{t('settings.escl.reviewHint')}</p>
          <p className="escl__label">{t('settings.escl.fingerprint')}</p>
          <code className="escl__fingerprint" data-testid="escl-fingerprint">
            {/* Two lines of eight groups, as they are read aloud or compared group by group. */}
            <span>{groupFingerprint(pending.certificate.sha256.slice(0, 32))}</span> <span>{groupFingerprint(pending.certificate.sha256.slice(32))}</span>
          </code>
          <dl className="facts facts--compact">
            <div className="facts__row">
              <dt>{t('settings.escl.address')}</dt>
              <dd>{pending.url}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('settings.escl.subject')}</dt>
              <dd>{pending.certificate.subject || '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('settings.escl.issuer')}</dt>
              <dd>{pending.certificate.selfSigned ? t('settings.escl.selfSigned') : pending.certificate.issuer || '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('settings.escl.validity')}</dt>
              <dd>{t('settings.escl.validRange', { from: dayOf(pending.certificate.validFrom), to: dayOf(pending.certificate.validTo) })}</dd>
            </div>
          </dl>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={busy} data-testid="escl-trust" onClick={() => run(() => store(pending, pending.certificate.sha256))}>
              {t('settings.escl.trust')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setPending(null)}>
              {t('settings.escl.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      {props.canConfigure ? (
        <form
          className="settings-form escl__add"
          aria-label={t('settings.escl.addTitle')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className="settings-row">
            <Field id="escl-name" label={t('settings.escl.name')} error={problems.includes('name') ? t('settings.escl.invalid.name') : undefined}>
              {(control) => <input {...control} className="input" value={name} onChange={(event) => setName(event.target.value)} />}
            </Field>
            <Field id="escl-url" label={t('settings.escl.url')} hint={t('settings.escl.urlHint')} error={problems.includes('url') ? t('settings.escl.invalid.url') : undefined}>
              {(control) => <input {...control} className="input" inputMode="url" spellCheck={false} value={url} onChange={(event) => setUrl(event.target.value)} />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button button--secondary" disabled={busy} data-testid="escl-add">
              {t('settings.escl.add')}
            </button>
          </div>
        </form>
      ) : null}
      {failure ? (
        <p className="panel__error" role="alert" data-testid="escl-error">
          {t('settings.failed', { reason: failureText(failure, translator) })}
        </p>
      ) : null}
      {done ? (
        <p className="settings-ok" role="status" data-testid="escl-done">
          {done}
        </p>
      ) : null}
    </div>
  );
}
