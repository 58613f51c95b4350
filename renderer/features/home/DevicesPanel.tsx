import type { Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { describeFailure } from './describe-failure.ts';
import { printerLine, scannerLine, type PrinterReading, type ScannersList } from './device-state.ts';
import './devices.css';

export type DevicesPanelProps = Readonly<{
  printer: Loadable<PrinterReading>;
  scanners: Loadable<ScannersList>;
  checking: boolean;
  onRefresh: () => void;
}>;

/**
 * The slip printer and the scanners, so a clerk sees "out of paper" before the citizen's slip fails to print.
 * Pure view: the polling lives in `use-device-status.ts`, so Home renders while a device is still being asked.
 */
export function DevicesPanel(props: DevicesPanelProps) {
  const translator = useT();
  const { t, formatDateTime } = translator;
  const { printer, scanners, checking } = props;

  const printerLineNow = printer.status === 'ready' ? printerLine(printer.value) : null;
  const scannerLineNow = scanners.status === 'ready' ? scannerLine(scanners.value) : null;
  const checkedAt = printer.status === 'ready' && printer.value.kind === 'checked' ? printer.value.status.checkedAt : null;

  return (
    <Panel id="devices" title={t('devices.heading')} testId="devices-panel">
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('devices.printer.label')}</dt>
          <dd>
            {printerLineNow ? (
              <>
                <StatusBadge tone={printerLineNow.tone} label={t(printerLineNow.label)} testId="printer-state" state={printerLineNow.state} />
                {printer.status === 'ready' && printer.value.kind === 'checked' ? (
                  <span className="device__name" data-testid="printer-name">
                    {printer.value.name}
                  </span>
                ) : null}
                {printerLineNow.hint ? (
                  <p className="device__hint" data-testid="printer-hint">
                    {t(printerLineNow.hint)}
                  </p>
                ) : null}
              </>
            ) : printer.status === 'failed' ? (
              <p className="panel__error" data-testid="printer-state-failed">
                {t('devices.loadFailed', { reason: describeFailure(printer.error, translator) })}
              </p>
            ) : (
              <span className="muted">{t('devices.checking')}</span>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('devices.scanner.label')}</dt>
          <dd>
            {scannerLineNow ? (
              <>
                <StatusBadge tone={scannerLineNow.tone} label={t(scannerLineNow.label)} testId="scanner-state" state={scannerLineNow.state} />
                {scannerLineNow.names.length > 0 ? (
                  <span className="device__name" data-testid="scanner-names">
                    {scannerLineNow.names.join(', ')}
                  </span>
                ) : null}
                {scannerLineNow.hint ? <p className="device__hint">{t(scannerLineNow.hint)}</p> : null}
                {scannerLineNow.state === 'unavailable' ? (
                  <p className="device__detail">
                    {t('home.sync.technicalDetail')}: {scannerLineNow.problems.join('; ')}
                  </p>
                ) : null}
              </>
            ) : scanners.status === 'failed' ? (
              <p className="panel__error">{t('devices.loadFailed', { reason: describeFailure(scanners.error, translator) })}</p>
            ) : (
              <span className="muted">{t('devices.checking')}</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="device__actions">
        <button type="button" className="button button--secondary" onClick={props.onRefresh} data-testid="devices-refresh">
          {t('devices.refresh')}
        </button>
        <span className="muted" role="status" data-testid="devices-checked">
          {checking ? t('devices.checking') : checkedAt ? t('devices.checkedAt', { time: formatDateTime(checkedAt) }) : ''}
        </span>
      </div>
    </Panel>
  );
}
