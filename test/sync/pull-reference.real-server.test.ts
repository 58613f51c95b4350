import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { hashPassword } from '../../server/features/clerks/password.ts';
import { setClerkDisabled, upsertClerk } from '../../server/features/clerks/repo.ts';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { loadCalendars, loadCatalogue } from '../../server/features/reference/load.ts';
import { putReferenceDocument } from '../../server/features/reference/repo.ts';
import type { Session } from '../../shared/contract/auth.ts';
import { callCore, startCentralFixture, TEST_AGENCY_CODE, type CentralFixture } from '../harness/central-fixture.ts';
import { recordingHttpClient, type Exchange } from '../harness/recording-http.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';

// A counter core (real SQLite file) enrolled with the real central server (PGlite): clerk accounts with the
// server's own scrypt hashes, the catalogue and the calendars come down with versions and 304s.
const REPO = path.resolve(import.meta.dirname, '../..');

let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let exchanges: Exchange[];

beforeEach(async () => {
  central = await startCentralFixture();
  const agency = await findAgencyByCode(central.server.sql, TEST_AGENCY_CODE);
  await upsertClerk(central.server.sql, { agencyId: agency!.id, username: 'lan', displayName: 'Nguyễn Thị Lan', passwordHash: await hashPassword('Lan@2026'), roles: ['clerk'] });
  await upsertClerk(central.server.sql, { agencyId: agency!.id, username: 'minh', displayName: 'Trần Văn Minh', passwordHash: await hashPassword('Minh@2026'), roles: ['clerk', 'supervisor'] });
  await loadCatalogue(central.server.sql, path.join(REPO, 'resources', 'catalogue'));
  await loadCalendars(central.server.sql, path.join(REPO, 'resources', 'calendar', 'schedule-2026.json'));

  temp = makeTempDir();
  const recording = recordingHttpClient();
  exchanges = recording.exchanges;
  // No shipped schedules: whatever the calendar knows of 2026 then comes from the pull.
  core = createTestCore(temp.dir, { http: recording.http, syncIntervalMs: 3_600_000, calendarDir: null });
  await central.enrol(core, { direct: true });
});
afterEach(async () => {
  core.stop();
  await central.close();
  temp.remove();
});

const call = <T = unknown>(method: string, input: unknown = {}) => callCore<T>(core, method, input);
async function failure(method: string, input: unknown = {}): Promise<string> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error.code;
}

const versions = () => core.storage.db().prepare('SELECT kind, version, pulled_at AS pulledAt FROM reference_versions ORDER BY kind').all() as { kind: string; version: string; pulledAt: string }[];
const referencePaths = ['/api/v1/clerks', '/api/v1/catalogue', '/api/v1/calendars'];
const referenceExchanges = () => exchanges.filter((exchange) => referencePaths.includes(exchange.path));

describe('reference pull from the real server', () => {
  test('clerks come down and sign in offline with the server-made hashes; setup mode ends', async () => {
    expect((await call<Session>('auth.session')).mode).toBe('setup');
    await call('sync.now');
    expect(await call<Session>('auth.session')).toMatchObject({ mode: 'signed-out', accounts: 2 });
    expect(versions().map((row) => row.kind)).toEqual(['calendars', 'catalogue', 'clerks']);

    // Offline: the server is gone, the hash on the counter is enough.
    await central.server.close(); // closing it again in afterEach is a no-op
    expect(await failure('auth.signIn', { username: 'lan', password: 'wrong' })).toBe('sign-in-failed');
    expect(await call<Session>('auth.signIn', { username: 'lan', password: 'Lan@2026' })).toMatchObject({ mode: 'signed-in', clerk: { displayName: 'Nguyễn Thị Lan', roles: ['clerk'] } });
  });

  test('an unchanged server costs one 304 per kind and writes nothing', async () => {
    await call('sync.now');
    const before = versions();
    const catalogueLoadedAt = core.catalogue.status().origins.find((origin) => origin.origin === 'server')?.loadedAt;
    exchanges.length = 0;
    await call('sync.now');
    expect(referenceExchanges()).toEqual(referencePaths.map((p) => ({ path: p, status: 304 })));
    expect(versions()).toEqual(before);
    expect(core.catalogue.status().origins.find((origin) => origin.origin === 'server')?.loadedAt).toBe(catalogueLoadedAt);
  });

  test('a changed catalogue replaces the local copy; a document the counter cannot use keeps the old one', async () => {
    await call('sync.now');
    const release = JSON.parse(fs.readFileSync(path.join(REPO, 'resources', 'catalogue', 'ho-tich.json'), 'utf8')) as { versions: { code: string; name: string }[] };
    const khaiSinh = release.versions.find((version) => version.code === '1.001193')!;
    const file = path.join(temp.dir, 'release.json');
    fs.writeFileSync(file, JSON.stringify({ revision: 42, publishedAt: '2026-12-01', versions: [{ ...khaiSinh, name: 'Đăng ký khai sinh (bản mới)' }] }));
    const loaded = await loadCatalogue(central.server.sql, file);
    await call('sync.now');
    expect(core.catalogue.status().origins.find((origin) => origin.origin === 'server')).toMatchObject({ revision: 42, versions: 1 });
    expect(versions().find((row) => row.kind === 'catalogue')?.version).toBe(loaded.version);
    expect(await call('catalogue.get', { code: '1.001193' })).toMatchObject({ origin: 'server', catalogueRevision: 42, version: { name: 'Đăng ký khai sinh (bản mới)' } });

    // Two versions of one code in force at once: refused whole, the revision-42 copy stays.
    await putReferenceDocument(central.server.sql, 'catalogue', '', 'broken-1', { revision: 43, publishedAt: '2026-12-02', versions: [khaiSinh, { ...khaiSinh, name: 'x' }] });
    await call('sync.now');
    expect(core.catalogue.status().origins.find((origin) => origin.origin === 'server')).toMatchObject({ revision: 42 });
    expect(versions().find((row) => row.kind === 'catalogue')?.version).toBe(loaded.version);
  });

  test('calendars are written to DATA/calendar and used at once', async () => {
    // Saturday 10/01/2026 is a make-up working day only by the 2026 schedule (Công văn 12729/VPCP-KGVX).
    expect((await call<{ working: boolean }>('calendar.day', { date: '2026-01-10' })).working).toBe(false);
    await call('sync.now');
    expect(fs.existsSync(path.join(temp.dir, 'calendar', 'schedule-2026.json'))).toBe(true);
    expect((await call<{ working: boolean }>('calendar.day', { date: '2026-01-10' })).working).toBe(true);
  });

  test('a clerk disabled on the server is disabled on the counter at the next pull, open session included', async () => {
    await call('sync.now');
    await call('auth.signIn', { username: 'lan', password: 'Lan@2026' });
    const agency = await findAgencyByCode(central.server.sql, TEST_AGENCY_CODE);
    await setClerkDisabled(central.server.sql, agency!.id, 'lan', true);
    await call('sync.now');
    expect((await call<Session>('auth.session')).mode).toBe('signed-out');
    expect(await failure('auth.signIn', { username: 'lan', password: 'Lan@2026' })).toBe('account-disabled');
    await call('auth.signIn', { username: 'minh', password: 'Minh@2026' });
  });
});
