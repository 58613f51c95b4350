import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { makeTestCertificate } from '../../core/features/receipts/testing/certificates.ts';
import { readSyncState } from '../../core/features/sync/sync-state-repo.ts';
import type { SecretBox } from '../../core/ports/secret-box.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { callCore, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';
import { testKeychain } from '../harness/test-keychain.ts';

// Secrets in the counter's file sealed by an OS keychain (Electron's safeStorage in the app; a test keychain
// here): the server credential and the signing password never appear in the file, sync and signing still
// work, a credential written before the keychain is sealed at the next start, and another account cannot
// open them (a clear code, nothing half-read).
let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
const cores: Core[] = [];

beforeEach(async () => {
  central = await startCentralFixture();
  temp = makeTempDir();
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.stop();
  await central.close();
  temp.remove();
});

function counter(secrets?: SecretBox): Core {
  const core = createTestCore(temp.dir, { syncIntervalMs: 3_600_000, calendarDir: null, ...(secrets ? { secrets } : {}) });
  cores.push(core);
  return core;
}
const storedCredential = (core: Core) => readSyncState(core.storage.db()).credential!;
const storedReceiptSettings = (core: Core) => (core.storage.db().prepare('SELECT value FROM receipt_settings WHERE id = 1').get() as { value: string }).value;
const intake = (core: Core) => callCore(core, 'dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Đỗ Thị Hoa' } });

test('with a keychain the credential and the signing password are sealed in the file, and sync and signing work', async () => {
  const keychain = testKeychain();
  const core = counter(keychain);
  await central.enrol(core);
  const stored = storedCredential(core);
  expect(stored).toMatch(/^sealed:v1:/);
  const credential = keychain.open(stored);
  expect(stored).not.toContain(credential.split('.')[1]!);

  await intake(core);
  expect(await callCore<SyncStatus>(core, 'sync.now')).toMatchObject({ state: 'online', pending: 0 });
  await callCore(core, 'sync.rotateCredential');
  expect(storedCredential(core)).toMatch(/^sealed:v1:/);
  expect(keychain.open(storedCredential(core))).not.toBe(credential);

  const cert = makeTestCertificate(path.join(temp.dir, 'cert'));
  await callCore(core, 'receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: cert.password } });
  expect(storedReceiptSettings(core)).not.toContain(cert.password);
  expect(await callCore(core, 'receipts.settings')).toMatchObject({ signer: { kind: 'pkcs12', hasSecret: true } });
});

test('a credential written before the keychain is sealed at the next start, and another account cannot open it', async () => {
  const before = counter();
  await central.enrol(before);
  const plain = storedCredential(before);
  expect(plain).not.toMatch(/^sealed:/);
  before.stop();
  cores.length = 0;

  const keychain = testKeychain();
  const after = counter(keychain);
  after.start();
  expect(storedCredential(after)).toMatch(/^sealed:v1:/);
  expect(keychain.open(storedCredential(after))).toBe(plain);
  await intake(after);
  expect(await callCore<SyncStatus>(after, 'sync.now')).toMatchObject({ state: 'online', pending: 0 });
  after.stop();
  cores.length = 0;

  // Another Windows account (another keychain): nothing is sent with a garbled credential, the dossier waits.
  const stranger = counter(testKeychain());
  await intake(stranger);
  await stranger.dispatch('sync.now', {});
  expect(await callCore<SyncStatus>(stranger, 'sync.status')).toMatchObject({ pending: 1, state: 'paused', problem: 'credential-refused' });
  expect(Number((await central.server.sql.query<{ n: string }>('SELECT count(*) AS n FROM dossiers'))[0]!.n)).toBe(1);
});
