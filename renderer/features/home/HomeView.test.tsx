import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CounterIdentity } from '../../../shared/contract/settings.ts';
import type { SyncStatus } from '../../../shared/contract/sync.ts';
import type { SystemInfo } from '../../../shared/contract/system.ts';
import { describeError } from '../../../shared/contract/errors.ts';
import { CoreClientError } from '../../core-client/core-client-error.ts';
import { LanguageProvider } from '../../i18n/LanguageProvider.tsx';
import type { Language } from '../../i18n/messages.ts';
import { HomeView, type HomeViewProps } from './HomeView.tsx';

const INFO: SystemInfo = {
  appVersion: '0.1.0',
  dataDir: '/data',
  profile: 'default',
  databaseFile: '/data/profiles/default.sqlite',
  schemaVersion: 2,
  storage: { state: 'ready' },
  runtime: { host: 'node', node: 'v24.21.0', platform: 'linux' },
};
const COUNTER: CounterIdentity = { profile: 'default', centreName: '', counterName: '', counterCode: null, enrolled: false };
const SYNC: SyncStatus = { state: 'offline', problem: 'server-unreachable', pending: 3, scansPending: 0, auditPending: 0, deadLetters: 1, lastSyncAt: null, lastError: 'No connection to the server: ECONNREFUSED', checkedAt: null, clockSkewSeconds: null };

function render(props: Partial<HomeViewProps>, language: Language = 'vi'): string {
  return renderToStaticMarkup(
    <LanguageProvider language={language} onChange={() => undefined}>
      <HomeView
        info={{ status: 'ready', value: INFO }}
        counter={{ status: 'ready', value: COUNTER }}
        sync={{ status: 'ready', value: SYNC }}
        devices={{ printer: { status: 'loading' }, scanners: { status: 'loading' }, checking: true, onRefresh: () => undefined }}
        languageError={null}
        {...props}
      />
    </LanguageProvider>,
  );
}

describe('HomeView', () => {
  it('speaks Vietnamese by default and says what is not set yet', () => {
    const html = render({});
    expect(html).toContain('Quầy tiếp nhận');
    expect(html).toContain('Chưa đặt');
    expect(html).toContain('Mất kết nối');
    expect(html).toContain('Hồ sơ chờ đồng bộ');
    expect(html).toContain('ECONNREFUSED');
    expect(html).toMatch(/data-testid="outbox-pending" data-value="3">3</);
    expect(html).toMatch(/data-testid="outbox-dead-letters" data-value="1">1</);
    expect(html).toContain('/data/profiles/default.sqlite');
    expect(html).not.toContain('storage-banner');
  });

  it('shows the names once they are set', () => {
    const html = render({ counter: { status: 'ready', value: { ...COUNTER, centreName: 'Trung tâm Phục vụ hành chính công tỉnh', counterName: 'Quầy số 3' } } });
    expect(html).toContain('Quầy số 3');
    expect(html).not.toContain('Chưa đặt');
  });

  it('speaks English when asked', () => {
    const html = render({}, 'en');
    expect(html).toContain('Reception counter');
    expect(html).toContain('Not set yet');
    expect(html).toContain('Dossiers waiting to sync');
  });

  it('explains an unusable data file in Vietnamese, and does not repeat it in the sync panel', () => {
    const html = render({
      info: { status: 'ready', value: { ...INFO, storage: { state: 'unavailable', code: 'db-corrupt', message: 'file is not a database' } } },
      sync: { status: 'failed', error: new CoreClientError('db-corrupt', 'file is not a database') },
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain(describeError('db-corrupt', 'vi'));
    expect(html).toContain('không bị mất');
    expect(html).toContain('Chưa có số liệu');
    expect(html).toMatch(/data-testid="outbox-pending" data-value="">—</);
  });

  it('says when the core cannot be reached', () => {
    const unreachable = new CoreClientError('host-unreachable', 'The Một Cửa Desk host cannot be reached');
    const html = render({ info: { status: 'failed', error: unreachable }, sync: { status: 'failed', error: unreachable } });
    expect(html).toContain('Không liên lạc được với dịch vụ nền');
  });
});
