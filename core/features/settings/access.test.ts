import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Settings } from '../../../shared/contract/settings.ts';
import type { Core } from '../../app/create-core.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { hashPassword } from '../auth/password.ts';
import { replaceClerks, type PulledClerk } from '../auth/repo.ts';

// Who may change the counter's settings (shared/contract/access.ts), through the one dispatcher on a real core.
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const hashes: Record<string, string> = {};

beforeAll(async () => {
  hashes.lan = await hashPassword('Lan@2026', 1024);
  hashes.minh = await hashPassword('Minh@2026', 1024);
});

const account = (username: 'lan' | 'minh'): PulledClerk => ({
  id: username === 'lan' ? '0190c0de-0000-7000-8000-000000000001' : '0190c0de-0000-7000-8000-000000000002',
  username,
  displayName: username === 'lan' ? 'Nguyễn Thị Lan' : 'Trần Văn Minh',
  passwordHash: hashes[username]!,
  roles: username === 'minh' ? ['clerk', 'supervisor'] : ['clerk'],
  disabled: false,
  updatedAt: '2026-11-20T01:00:00.000Z',
});

beforeEach(() => {
  temp = makeTempDir();
  core = createTestCore(temp.dir);
});
afterEach(() => {
  core.stop();
  temp.remove();
});

function seedAccounts(): void {
  const db = core.storage.db();
  db.transaction(() => replaceClerks(db, [account('lan'), account('minh')]))();
}

const identity = { counter: { centreName: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm', counterName: 'Quầy số 2', agencyCode: '000.00.12.H12', slot: 2 } };

describe('settings access', () => {
  test('setup mode (no accounts yet): IT configures the counter without signing in', async () => {
    const result = await core.dispatch('settings.update', { ...identity, serverUrl: 'https://motcua.example.vn' });
    expect(result).toMatchObject({ ok: true, value: { counter: identity.counter, serverUrl: 'https://motcua.example.vn' } });
  });

  test('a plain clerk may change the language but not the identity or the server address; nothing of it is saved', async () => {
    await core.dispatch('settings.update', identity);
    seedAccounts();
    expect(await core.dispatch('settings.update', { serverUrl: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    await core.dispatch('auth.signIn', { username: 'lan', password: 'Lan@2026' });
    expect(await core.dispatch('settings.update', { serverUrl: 'https://evil.example', counter: { slot: 9 } })).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
    expect(await core.dispatch('settings.update', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
    const changed = await core.dispatch('settings.setLanguage', { language: 'en' });
    expect(changed).toMatchObject({ ok: true, value: { language: 'en' } });
    const after = await core.dispatch('settings.get', {});
    expect(after.ok && (after.value as Settings)).toEqual({ language: 'en', counter: identity.counter, serverUrl: null });
    // Printers, scanners and enrolment are configuration too.
    expect(await core.dispatch('printers.save', { id: 'p1', name: 'Máy in', connection: { kind: 'tcp', host: '127.0.0.1' } })).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
    expect(await core.dispatch('scanning.updateSettings', { retentionDays: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
  });

  test('a supervisor changes the identity; setLanguage takes the language only', async () => {
    seedAccounts();
    await core.dispatch('auth.signIn', { username: 'minh', password: 'Minh@2026' });
    expect(await core.dispatch('settings.update', { ...identity, idleLockMinutes: 5 })).toMatchObject({ ok: true, value: { counter: identity.counter, idleLockMinutes: 5 } });
    expect(await core.dispatch('settings.setLanguage', { language: 'en', serverUrl: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.dispatch('settings.setLanguage', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
