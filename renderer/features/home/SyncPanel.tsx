import { CLOCK_SKEW_WARNING_SECONDS, type SyncStatus } from '../../../shared/contract/sync.ts';
import type { Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Metric } from '../../ui/Metric.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { CONNECTION_TONE, connectionExplanationKey, connectionLabelKey } from './connection-state.ts';
import { describeFailure } from './describe-failure.ts';

/**
 * The connection to the central server and the outbox depth, kept live by `sync.stateChanged`.
 * When the data file is unusable the counts are unknown: the storage banner explains why, so this panel
 * only says "not available" instead of repeating the error.
 */
export function SyncPanel(props: Readonly<{ sync: Loadable<SyncStatus>; storageUnavailable: boolean }>) {
  const translator = useT();
  const { t, formatNumber, formatDateTime } = translator;
  const { sync, storageUnavailable } = props;
  const status = sync.status === 'ready' ? sync.value : null;
  const unknown = sync.status === 'loading' ? t('app.loading') : t('home.sync.unavailable');
  const deadLetters = status?.deadLetters ?? 0;
  const skew = status?.clockSkewSeconds ?? null;
  const clockWrong = skew !== null && Math.abs(skew) > CLOCK_SKEW_WARNING_SECONDS;

  return (
    <Panel id="sync" title={t('home.sync.heading')} testId="sync-panel">
      {status ? (
        <>
          <StatusBadge
            tone={CONNECTION_TONE[status.state]}
            label={t(connectionLabelKey(status.state))}
            testId="connection-state"
            state={status.state}
          />
          <p className="panel__text">{t(connectionExplanationKey(status.state))}</p>
          {status.problem ? (
            <div className="sync-error" data-testid="sync-last-error">
              <p>
                <span className="sync-error__label">{t('home.sync.lastError')}:</span> {t(`home.sync.problem.${status.problem}`)}
              </p>
              {status.lastError ? (
                <p className="sync-error__detail">
                  {t('home.sync.technicalDetail')}: {status.lastError}
                </p>
              ) : null}
            </div>
          ) : null}
          {clockWrong ? (
            <p className="panel__error" role="alert" data-testid="clock-skew-warning">
              {t('home.sync.clockSkew', { minutes: formatNumber(Math.round(Math.abs(skew) / 60)) })}
            </p>
          ) : null}
        </>
      ) : sync.status === 'failed' && !storageUnavailable ? (
        <p className="panel__error">{t('home.sync.loadFailed', { reason: describeFailure(sync.error, translator) })}</p>
      ) : (
        <p className="muted">{unknown}</p>
      )}
      <div className="metrics" aria-live="polite">
        <Metric
          label={t('home.sync.pending')}
          value={status?.pending ?? null}
          display={status ? formatNumber(status.pending) : '—'}
          testId="outbox-pending"
        />
        <Metric
          label={t('home.sync.scansPending')}
          value={status?.scansPending ?? null}
          display={status ? formatNumber(status.scansPending) : '—'}
          testId="scans-pending"
        />
        <Metric
          label={t('home.sync.deadLetters')}
          value={status?.deadLetters ?? null}
          display={status ? formatNumber(status.deadLetters) : '—'}
          testId="outbox-dead-letters"
          tone={deadLetters > 0 ? 'danger' : undefined}
          hint={deadLetters > 0 ? t('home.sync.deadLettersHint') : undefined}
        />
      </div>
      {status ? (
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>{t('home.sync.lastSyncAt')}</dt>
            <dd data-testid="last-sync-at">{status.lastSyncAt ? formatDateTime(status.lastSyncAt) : t('home.sync.never')}</dd>
          </div>
        </dl>
      ) : null}
    </Panel>
  );
}
