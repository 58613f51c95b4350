import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { readSyncState } from '../../core/features/sync/sync-state-repo.ts';
import { CENTRAL_PATHS } from '../../shared/contract/central-api.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { callCore, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';

// sync.rotateCredential against the real server through the fault proxy: the new credential works and the
// old one stops; a lost answer changes nothing on the counter; a rotation during a drain pauses nothing.
let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(async () => {
  central = await startCentralFixture();
  temp = makeTempDir();
  core = createTestCore(temp.dir, { syncIntervalMs: 3_600_000, calendarDir: null });
});
afterEach(async () => {
  core.stop();
  await central.close();
  temp.remove();
});

const call = <T = unknown>(method: string, input: unknown = {}) => callCore<T>(core, method, input);
const credential = () => readSyncState(core.storage.db()).credential!;
const accepted = async (bearer: string) => (await central.server.request(`${CENTRAL_PATHS.statusChanges}?after=0&limit=1`, { token: bearer })).status;
const intake = () => call<{ id: string }>('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Trần Thị Bình' } });
const serverDossiers = async () => Number((await central.server.sql.query<{ n: string }>('SELECT count(*) AS n FROM dossiers'))[0]!.n);

test('a counter that is not enrolled is told so', async () => {
  const result = await core.dispatch('sync.rotateCredential', {});
  expect(result).toMatchObject({ ok: false, error: { code: 'counter-not-enrolled' } });
});

test('the new credential works and the old one is refused from then on', async () => {
  await central.enrol(core);
  const old = credential();
  expect(await accepted(old)).toBe(200);

  const { rotatedAt } = await call<{ rotatedAt: string }>('sync.rotateCredential');
  expect(Date.parse(rotatedAt)).not.toBeNaN();
  const fresh = credential();
  expect(fresh).not.toBe(old);
  expect(fresh.split('.')[0]).toBe(old.split('.')[0]); // the same counter
  expect(await accepted(old)).toBe(401);
  expect(await accepted(fresh)).toBe(200);

  await intake();
  const status = await call<SyncStatus>('sync.now');
  expect(status).toMatchObject({ state: 'online', pending: 0 });
  expect(await serverDossiers()).toBe(1);
});

test('an answer lost on the way changes nothing here: the old credential still works, and a second try succeeds', async () => {
  await central.enrol(core);
  const old = credential();
  central.proxy.setFault({ kind: 'cutResponse', afterBytes: 0 });
  central.proxy.severAll(); // the enrolment's kept-alive connection would carry the request past the fault
  const lost = await core.dispatch('sync.rotateCredential', {});
  expect(lost).toMatchObject({ ok: false, error: { code: 'server-unreachable' } });
  expect(credential()).toBe(old);

  central.proxy.setFault({ kind: 'pass' });
  central.proxy.severAll();
  await intake();
  expect(await call<SyncStatus>('sync.now')).toMatchObject({ state: 'online', pending: 0 });

  await call('sync.rotateCredential');
  expect(credential()).not.toBe(old);
  expect(await accepted(old)).toBe(401);
});

test('a rotation asked for during a drain waits for it, and the queue never pauses', async () => {
  await central.enrol(core);
  for (let i = 0; i < 40; i += 1) await intake();
  // Slow answers keep the drain busy while the rotation is asked for.
  central.proxy.setFault({ kind: 'delay', ms: 30 });
  const draining = call<SyncStatus>('sync.now');
  const rotating = call('sync.rotateCredential');
  await Promise.all([draining, rotating]);
  central.proxy.setFault({ kind: 'pass' });
  const status = await call<SyncStatus>('sync.now');
  expect(status).toMatchObject({ state: 'online', pending: 0, problem: null });
  expect(await serverDossiers()).toBe(40);
});
