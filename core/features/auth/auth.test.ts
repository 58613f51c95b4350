import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Session } from '../../../shared/contract/auth.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { Core } from '../../app/create-core.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { hashPassword } from './password.ts';
import { replaceClerks, type PulledClerk } from './repo.ts';

// Monday 23 November 2026, 09:00 in Vietnam.
let now = new Date('2026-11-23T02:00:00Z');
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const hashes: Record<string, string> = {};

// N = 1024 keeps the tests fast; the format and the verifier are the same as with the server's N = 32768
// (the real-server test in core/features/sync/pull-reference.test.ts uses the server's own hashes).
beforeAll(async () => {
  hashes.lan = await hashPassword('mật khẩu của Lan', 1024);
  hashes.minh = await hashPassword('minh-giam-sat', 1024);
});

const account = (username: string, overrides: Partial<PulledClerk> = {}): PulledClerk => ({
  id: username === 'lan' ? '0190c0de-0000-7000-8000-000000000001' : '0190c0de-0000-7000-8000-000000000002',
  username,
  displayName: username === 'lan' ? 'Nguyễn Thị Lan' : 'Trần Văn Minh',
  passwordHash: hashes[username]!,
  roles: username === 'minh' ? ['clerk', 'supervisor'] : ['clerk'],
  disabled: false,
  updatedAt: '2026-11-20T01:00:00.000Z',
  ...overrides,
});

function open(): Core {
  return createTestCore(temp.dir, { clock: { now: () => now } });
}

function seed(clerks: readonly PulledClerk[]): void {
  const db = core.storage.db();
  db.transaction(() => replaceClerks(db, clerks))();
}

beforeEach(async () => {
  now = new Date('2026-11-23T02:00:00Z');
  temp = makeTempDir();
  core = open();
  await call('settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

async function call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}

async function failure(method: string, input: unknown = {}): Promise<string> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error.code;
}

const intake = () =>
  call<Dossier>('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An' }, papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }] });
const lastEntry = async (id: string) => (await call<{ entries: { actor: string; actorName: string | null }[] }>('audit.timeline', { entity: 'dossier', entityId: id })).entries.at(-1);

describe('setup mode', () => {
  test('without clerk accounts nobody signs in and the audit names the counter profile', async () => {
    expect(await call<Session>('auth.session')).toMatchObject({ mode: 'setup', clerk: null, accounts: 0, idleLockMinutes: 10 });
    const dossier = await intake();
    expect(await lastEntry(dossier.id)).toMatchObject({ actor: 'counter:default', actorName: null });
    expect(await failure('auth.signIn', { username: 'lan', password: 'x' })).toBe('invalid-state');
  });
});

describe('sign-in', () => {
  beforeEach(() => seed([account('lan'), account('minh')]));

  test('dossier changes need a signed-in clerk, whose username the audit then records', async () => {
    expect(await call<Session>('auth.session')).toMatchObject({ mode: 'signed-out', accounts: 2 });
    expect(await failure('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'An' } })).toBe('sign-in-required');
    // Reads stay open: the UI hides them behind the sign-in screen, the core guards changes.
    await call('dossiers.list', { filter: 'today' });

    const session = await call<Session>('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    expect(session).toMatchObject({ mode: 'signed-in', clerk: { username: 'lan', displayName: 'Nguyễn Thị Lan', roles: ['clerk'] }, since: '2026-11-23T09:00:00+07:00', lockedAt: null });
    const dossier = await intake();
    // The timeline names the clerk, not the account id (the screen showed `clerk:lan`).
    expect(await lastEntry(dossier.id)).toMatchObject({ actor: 'clerk:lan', actorName: 'Nguyễn Thị Lan' });

    await call('auth.signOut');
    expect(await failure('dossiers.startProcessing', { id: dossier.id, expectedVersion: 1 })).toBe('sign-in-required');
  });

  test('a wrong password and an unknown username answer the same; the password is NFC-normalised', async () => {
    expect(await failure('auth.signIn', { username: 'lan', password: 'sai' })).toBe('sign-in-failed');
    expect(await failure('auth.signIn', { username: 'nobody', password: 'sai' })).toBe('sign-in-failed');
    // The same password typed in decomposed form (an IME may send it so) still matches.
    await call('auth.signIn', { username: 'LAN', password: 'mật khẩu của Lan'.normalize('NFD') });
  });

  test('five wrong passwords lock the account for five minutes, across a restart', async () => {
    for (let i = 0; i < 4; i += 1) expect(await failure('auth.signIn', { username: 'lan', password: 'sai' })).toBe('sign-in-failed');
    expect(await failure('auth.signIn', { username: 'lan', password: 'sai' })).toBe('sign-in-locked-out');
    core.stop();
    core = open();
    expect(await failure('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' })).toBe('sign-in-locked-out');
    // Another account is not affected.
    await call('auth.signIn', { username: 'minh', password: 'minh-giam-sat' });
    now = new Date(now.getTime() + 5 * 60_000 + 1);
    expect(await call<Session>('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' })).toMatchObject({ clerk: { username: 'lan' } });
  });

  test('a success clears the failure count', async () => {
    for (let i = 0; i < 4; i += 1) await failure('auth.signIn', { username: 'lan', password: 'sai' });
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    for (let i = 0; i < 4; i += 1) expect(await failure('auth.signIn', { username: 'lan', password: 'sai' })).toBe('sign-in-failed');
  });

  test('idle time locks the session; only activity the UI reports (or a guarded call) restarts the countdown', async () => {
    // The idle lock is a supervisor's setting once accounts exist.
    await call('auth.signIn', { username: 'minh', password: 'minh-giam-sat' });
    await call('settings.update', { idleLockMinutes: 1 });
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    now = new Date(now.getTime() + 50_000);
    await call('auth.touch');
    now = new Date(now.getTime() + 50_000);
    // Background reads are not activity.
    await call('dossiers.list', { filter: 'today' });
    expect((await call<Session>('auth.session')).mode).toBe('signed-in');
    now = new Date(now.getTime() + 11_000);
    expect(await call<Session>('auth.session')).toMatchObject({ mode: 'locked', lockedAt: '2026-11-23T09:01:50+07:00', clerk: { username: 'lan' } });
    expect(await failure('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'An' } })).toBe('session-locked');
    expect(await failure('auth.unlock', { password: 'sai' })).toBe('sign-in-failed');
    expect(await call<Session>('auth.unlock', { password: 'mật khẩu của Lan' })).toMatchObject({ mode: 'signed-in', lockedAt: null });
    await intake();
  });

  test('a locked session can be taken over by another clerk signing in (switch user)', async () => {
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    expect((await call<Session>('auth.lock')).mode).toBe('locked');
    expect(await call<Session>('auth.signIn', { username: 'minh', password: 'minh-giam-sat' })).toMatchObject({ mode: 'signed-in', clerk: { username: 'minh' } });
  });

  test('supervisor-only methods refuse a clerk with forbidden-role', async () => {
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    expect(await failure('printing.setFormValues', { placeName: 'Hoàn Kiếm' })).toBe('forbidden-role');
    await call('auth.signIn', { username: 'minh', password: 'minh-giam-sat' });
    await call('printing.setFormValues', { placeName: 'Hoàn Kiếm' });
  });

  test('a disabled account cannot sign in, and its open session ends when the change arrives', async () => {
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    seed([account('lan', { disabled: true }), account('minh')]);
    expect((await call<Session>('auth.session')).mode).toBe('signed-out');
    expect(await failure('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' })).toBe('account-disabled');
  });

  test('auth.changed tells the UI about sign-in, lock and sign-out', async () => {
    const seen: string[] = [];
    core.subscribe('auth.changed', (session) => seen.push(session.mode));
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    await call('auth.lock');
    await call('auth.lock');
    await call('auth.signOut');
    expect(seen).toEqual(['signed-in', 'locked', 'signed-out']);
  });
});
