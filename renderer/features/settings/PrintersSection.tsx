import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/methods.ts';
import type { PrinterProfile } from '../../../shared/contract/printing.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError, useCoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import type { Tone } from '../../ui/tone.ts';
import { PrinterForm } from './PrinterForm.tsx';
import { draftFromProfile, EMPTY_PRINTER_DRAFT, type PrinterField } from './printer-draft.ts';
import { failureText, invalidPaths } from './settings-failure.ts';

type PrinterState = Output<'printers.status'>['state'];
type Check = Readonly<{ status: 'checking' }> | Readonly<{ status: 'done'; state: PrinterState; paperNearEnd: boolean }> | Readonly<{ status: 'failed'; error: CoreClientError }>;
type Preview = Output<'printers.preview'> & Readonly<{ name: string }>;
type Editing = Readonly<{ profile: PrinterProfile | null }>;

const STATE_TONE: Readonly<Record<PrinterState, Tone>> = {
  ready: 'ok',
  'paper-out': 'danger',
  'cover-open': 'warn',
  offline: 'danger',
  error: 'danger',
  'no-answer': 'neutral',
  unreachable: 'danger',
};

function connectionText(profile: PrinterProfile): string {
  const { connection } = profile;
  if (connection.kind === 'tcp') return `${connection.host}:${connection.port}`;
  return connection.kind === 'device' ? connection.path : connection.queue;
}

/**
 * The counter's printers: each one's live state (asked when the list loads, and on "Kiểm tra"), a test
 * print, and a picture of the test page as that printer would print it. Adding and editing is a supervisor's.
 */
export function PrintersSection(props: Readonly<{ canConfigure: boolean }>) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const printers = useCoreQuery('printers.list');
  const [checks, setChecks] = useState<Readonly<Record<string, Check>>>({});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<readonly PrinterField[]>([]);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const check = useCallback(
    (id: string) => {
      setChecks((current) => ({ ...current, [id]: { status: 'checking' } }));
      void core.call('printers.status', { id }).then(
        (answer) => setChecks((current) => ({ ...current, [id]: { status: 'done', state: answer.state, paperNearEnd: answer.paperNearEnd } })),
        (error: unknown) => setChecks((current) => ({ ...current, [id]: { status: 'failed', error: asCoreClientError(error) } })),
      );
    },
    [core],
  );

  const list = printers.state.status === 'ready' ? printers.state.value.printers : null;
  useEffect(() => {
    for (const printer of list ?? []) check(printer.id);
  }, [list, check]);

  const run = (work: () => Promise<void>) => {
    setFailure(null);
    setNotice(null);
    void work().catch((error: unknown) => setFailure(asCoreClientError(error)));
  };

  const testPrint = (printer: PrinterProfile) =>
    run(async () => {
      const answer = await core.call('printers.test', { id: printer.id });
      setNotice(t('settings.printers.testDone', { name: printer.name, bytes: answer.bytes, time: answer.printedAt.slice(11, 19) }));
    });

  const showPreview = (printer: PrinterProfile) =>
    run(async () => {
      const answer = await core.call('printers.preview', { id: printer.id });
      setPreview({ ...answer, name: printer.name });
    });

  const save = (profile: PrinterProfile) => {
    setSaving(true);
    setServerProblems([]);
    setFailure(null);
    void core
      .call('printers.save', profile)
      .then(
        () => {
          setEditing(null);
          setNotice(t('settings.saved'));
          printers.reload();
        },
        (error: unknown) => {
          const failed = asCoreClientError(error);
          setServerProblems(
            [...invalidPaths(failed), ...invalidPaths(failed, 'connection.')].filter((path): path is PrinterField => ['id', 'name', 'host', 'port', 'path', 'queue'].includes(path)),
          );
          setFailure(failed);
        },
      )
      .finally(() => setSaving(false));
  };

  const stateBadge = (printer: PrinterProfile) => {
    const result = checks[printer.id];
    if (!result) return <StatusBadge tone="neutral" label={t('settings.printers.state.unknown')} testId={`printer-state-${printer.id}`} state="unknown" />;
    if (result.status === 'checking') return <StatusBadge tone="neutral" label={t('settings.printers.state.checking')} testId={`printer-state-${printer.id}`} state="checking" />;
    if (result.status === 'failed') return <StatusBadge tone="danger" label={failureText(result.error, translator)} testId={`printer-state-${printer.id}`} state="failed" />;
    return (
      <>
        <StatusBadge tone={STATE_TONE[result.state]} label={t(`settings.printers.state.${result.state}`)} testId={`printer-state-${printer.id}`} state={result.state} />
        {result.paperNearEnd ? <span className="settings-sub">{t('settings.printers.paperNearEnd')}</span> : null}
      </>
    );
  };

  return (
    <Panel id="settings-printers" title={t('settings.printers.heading')} testId="settings-printers">
      {printers.state.status === 'failed' ? <p className="panel__error">{t('settings.loadFailed', { reason: failureText(printers.state.error, translator) })}</p> : null}
      {list && list.length === 0 ? <p className="muted">{t('settings.printers.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="table settings-table" data-testid="printers-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.printers.name')}</th>
              <th scope="col">{t('settings.printers.connection')}</th>
              <th scope="col">{t('settings.printers.paper')}</th>
              <th scope="col">{t('settings.printers.state')}</th>
              <th scope="col">{t('settings.printers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((printer) => (
              <tr key={printer.id} data-testid={`printer-row-${printer.id}`}>
                <td>
                  {printer.isDefault ? <span className="tag">{t('settings.printers.default')}</span> : null}
                  {printer.name}
                  <span className="settings-sub">{printer.id}</span>
                </td>
                <td>
                  {t(`settings.printers.kind.${printer.connection.kind}`)}
                  <span className="settings-sub">{connectionText(printer)}</span>
                </td>
                <td>
                  {printer.paper}
                  <span className="settings-sub">{t(`settings.printers.mode.${printer.mode}`)}</span>
                </td>
                <td>{stateBadge(printer)}</td>
                <td>
                  <div className="settings-buttons">
                    <button type="button" className="button button--secondary" aria-label={t('settings.printers.check', { name: printer.name })} onClick={() => check(printer.id)}>
                      {t('settings.printers.checkShort')}
                    </button>
                    <button type="button" className="button button--secondary" aria-label={t('settings.printers.preview', { name: printer.name })} data-testid={`printer-preview-${printer.id}`} onClick={() => showPreview(printer)}>
                      {t('settings.printers.previewShort')}
                    </button>
                    <button type="button" className="button button--secondary" aria-label={t('settings.printers.test', { name: printer.name })} data-testid={`printer-test-${printer.id}`} onClick={() => testPrint(printer)}>
                      {t('settings.printers.testShort')}
                    </button>
                    {props.canConfigure ? (
                      <button type="button" className="button button--secondary" aria-label={t('settings.printers.edit', { name: printer.name })} onClick={() => setEditing({ profile: printer })}>
                        {t('settings.printers.editShort')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {failure ? (
        <p className="panel__error" role="alert" data-testid="printers-error">
          {t('settings.failed', { reason: failureText(failure, translator) })}
        </p>
      ) : null}
      {notice ? (
        <p className="settings-ok" role="status" data-testid="printers-notice">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <PrinterForm
          key={editing.profile?.id ?? 'new'}
          initial={editing.profile ? draftFromProfile(editing.profile) : { ...EMPTY_PRINTER_DRAFT, isDefault: list?.length === 0 }}
          isNew={editing.profile === null}
          saving={saving}
          serverProblems={serverProblems}
          onSave={save}
          onCancel={() => {
            setEditing(null);
            setServerProblems([]);
            setFailure(null);
          }}
        />
      ) : props.canConfigure ? (
        <div className="actions">
          <button type="button" className="button button--primary" data-testid="printer-add" onClick={() => setEditing({ profile: null })}>
            {t('settings.printers.add')}
          </button>
        </div>
      ) : null}
      {preview ? (
        <figure className="printer-preview" data-testid="printer-preview">
          <figcaption>
            <strong>{t('settings.printers.previewHeading', { name: preview.name })}</strong>
            <span className="settings-sub">{t(`settings.printers.previewKind.${preview.kind}`, { width: preview.widthDots, height: preview.heightDots })}</span>
          </figcaption>
          <img src={preview.png} alt={t('settings.printers.previewAlt', { name: preview.name })} width={preview.widthDots / 2} data-testid="printer-preview-image" />
        </figure>
      ) : null}
    </Panel>
  );
}
