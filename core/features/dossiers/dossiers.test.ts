import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { DOSSIER_ACTIONS, DOSSIER_STATUS_NAMES, type DossierAction, type DossierStatus } from '../../../shared/domain/dossiers/status.ts';
import type { Core } from '../../app/create-core.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { hashPassword } from '../auth/password.ts';
import { replaceClerks } from '../auth/repo.ts';

// Monday 23 November 2026, 09:00 in Vietnam (24/11 is Ngày Văn hóa Việt Nam, a holiday from 2026).
let now = new Date('2026-11-23T02:00:00Z');
let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(async () => {
  now = new Date('2026-11-23T02:00:00Z');
  temp = makeTempDir();
  core = createTestCore(temp.dir, { clock: { now: () => now } });
  await call('settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

async function call<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<string> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error.code;
}

const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '+84 912 345 678' } as const;

function intake(overrides: Record<string, unknown> = {}): Promise<Dossier> {
  // 1.001193 đăng ký khai sinh: same day, next working day after the 15:00 cut-off.
  return call<Dossier>('dossiers.intake', { procedureCode: '1.001193', applicant, papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }], ...overrides });
}

function sqlite(): Database.Database {
  return new Database(path.join(temp.dir, 'profiles', 'default.sqlite'), { readonly: true });
}

describe('intake', () => {
  test('writes the dossier, its papers, an audit entry and an outbox job, and returns code, due date and PIN', async () => {
    const dossier = await intake();
    expect(dossier).toMatchObject({
      code: '000.00.12.H12-261123-6100',
      status: 'received',
      statusCode: 2,
      receivedAt: '2026-11-23T09:00:00+07:00',
      papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1, required: true }],
      overdue: false,
      version: 1,
    });
    expect(dossier.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(dossier.lookupPin).toMatch(/^\d{6}$/);
    const expectedDue = await call<{ dueAt: string }>('calendar.dueDate', { receivedAt: dossier.receivedAt, limit: dossier.procedure.timeLimit });
    expect(dossier.dueAt).toBe(expectedDue.dueAt);
    const db = sqlite();
    expect(db.prepare('SELECT kind, aggregate_id FROM outbox').all()).toEqual([{ kind: 'dossier.upserted', aggregate_id: dossier.id }]);
    expect(db.prepare('SELECT action, entity_id FROM audit_log').all()).toEqual([{ action: 'dossier.received', entity_id: dossier.id }]);
    db.close();
    expect(await call('sync.status', {})).toMatchObject({ pending: 1 });
  });

  test('a retried intake with the same client id returns the same dossier and writes nothing more', async () => {
    const id = '01a20a2e-fc43-7813-ac9f-5b600aad9d39';
    const first = await intake({ id });
    const again = await intake({ id });
    expect(again).toEqual(first);
    expect(await call('sync.status', {})).toMatchObject({ pending: 1 });
  });

  test('a failed intake leaves nothing behind: no number, no audit entry, no outbox job', async () => {
    await call('settings.update', { counter: { slot: null } });
    expect(await failure('dossiers.intake', { procedureCode: '1.001193', applicant })).toBe('counter-not-configured');
    const db = sqlite();
    expect(db.prepare('SELECT (SELECT count(*) FROM dossiers) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_log) AS n').get()).toEqual({ n: 0 });
    db.close();
  });

  test('an unknown procedure is not-found; a counter without agency code is counter-not-configured', async () => {
    expect(await failure('dossiers.intake', { procedureCode: '9.999999', applicant })).toBe('not-found');
    // In the catalogue, but its time limit is unconfirmed: a different answer, so IT knows what to fix.
    expect(await failure('dossiers.intake', { procedureCode: '1.001776', applicant })).toBe('procedure-incomplete');
    await call('settings.update', { counter: { agencyCode: null } });
    expect(await failure('dossiers.intake', { procedureCode: '1.001193', applicant })).toBe('counter-not-configured');
  });
});

// Written out by hand from the one-stop practice (not derived from TRANSITIONS), so the two check each other.
const LEGAL: Readonly<Record<DossierStatus, readonly DossierAction[]>> = {
  received: ['startProcessing', 'requestSupplement', 'refuse', 'withdraw', 'markResultReady'],
  processing: ['requestSupplement', 'withdraw', 'stop', 'markResultReady'],
  'supplement-requested': ['supplement', 'withdraw', 'stop'],
  'result-ready': ['returnResult'],
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: [],
};

/** How to bring a new dossier to each state. */
const PATH_TO: Readonly<Record<DossierStatus, readonly DossierAction[]>> = {
  received: [],
  processing: ['startProcessing'],
  'supplement-requested': ['requestSupplement'],
  'result-ready': ['markResultReady'],
  refused: ['refuse'],
  withdrawn: ['withdraw'],
  stopped: ['startProcessing', 'stop'],
  returned: ['markResultReady', 'returnResult'],
};

const INPUT_FOR: Readonly<Record<DossierAction, Record<string, unknown>>> = {
  startProcessing: {},
  requestSupplement: { reason: 'Thiếu bản sao giấy tờ tùy thân', items: ['Bản sao CCCD của người đi khai sinh'] },
  supplement: {},
  refuse: { reason: 'Không thuộc thẩm quyền giải quyết' },
  withdraw: { reason: 'Công dân xin rút hồ sơ' },
  stop: { reason: 'Quá hạn bổ sung' },
  markResultReady: {},
  returnResult: { to: 'applicant', receiverName: 'Nguyễn Văn An' },
};

describe('lifecycle: every transition from every state', () => {
  const cases = DOSSIER_STATUS_NAMES.flatMap((status) => DOSSIER_ACTIONS.map((action) => [status, action] as const));
  test.each(cases)('%s → %s', async (status, action) => {
    const dossier = await intake();
    for (const step of PATH_TO[status]) await call(`dossiers.${step}`, { id: dossier.id, ...INPUT_FOR[step] });
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).status).toBe(status);
    const result = await core.dispatch(`dossiers.${action}`, { id: dossier.id, ...INPUT_FOR[action] });
    if (LEGAL[status].includes(action)) {
      expect(result.ok).toBe(true);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-state', details: { status, action } } });
    }
  });

  test('every step is in the audit timeline, and the chain verifies', async () => {
    const dossier = await intake();
    await call('dossiers.startProcessing', { id: dossier.id });
    await call('dossiers.markResultReady', { id: dossier.id });
    await call('dossiers.returnResult', { id: dossier.id, to: 'post', postalTrackingCode: 'EB123456789VN' });
    const { entries } = await call<{ entries: { action: string; details: Record<string, unknown> }[] }>('audit.timeline', { entity: 'dossier', entityId: dossier.id });
    expect(entries.map((entry) => entry.action)).toEqual(['dossier.received', 'dossier.startProcessing', 'dossier.markResultReady', 'dossier.returnResult']);
    expect(entries[3]?.details).toMatchObject({ to: 'post', postalTrackingCode: 'EB123456789VN', from: 'result-ready', status: 'returned' });
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, entries: 4 });
    expect(await call('sync.status', {})).toMatchObject({ pending: 4 });
  });

  test('a stale expectedVersion is a conflict and changes nothing', async () => {
    const dossier = await intake();
    await call('dossiers.startProcessing', { id: dossier.id, expectedVersion: 1 });
    expect(await failure('dossiers.markResultReady', { id: dossier.id, expectedVersion: 1 })).toBe('conflict');
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).status).toBe('processing');
  });
});

describe('reopen (supervisor): a returned dossier back to result-ready', () => {
  const reason = 'Sai họ tên trên giấy khai sinh';

  async function returned(): Promise<Dossier> {
    const dossier = await intake();
    await call('dossiers.markResultReady', { id: dossier.id });
    return call<Dossier>('dossiers.returnResult', { id: dossier.id, ...INPUT_FOR.returnResult });
  }

  function counts(db: Database.Database): { audit: number; outbox: number } {
    return db.prepare('SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM outbox) AS outbox').get() as { audit: number; outbox: number };
  }

  test('goes back to result-ready (code 9) with its return date cleared, then can be returned again', async () => {
    const dossier = await returned();
    expect(dossier.returnedAt).not.toBeNull();
    now = new Date('2026-11-23T04:00:00Z');
    const reopened = await call<Dossier>('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, reason: `  ${reason}  ` });
    expect(reopened).toMatchObject({ status: 'result-ready', statusCode: 9, returnedAt: null, overdue: false, version: dossier.version + 1 });
    const again = await call<Dossier>('dossiers.returnResult', { id: dossier.id, expectedVersion: reopened.version, to: 'applicant' });
    expect(again).toMatchObject({ status: 'returned', statusCode: 10, returnedAt: '2026-11-23T11:00:00+07:00' });
  });

  test('the audit entry (reason, previous return date) and the outbox job commit with the change', async () => {
    const dossier = await returned();
    const reopened = await call<Dossier>('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, reason: `  ${reason}  ` });
    const { entries } = await call<{ entries: { action: string; details: Record<string, unknown> }[] }>('audit.timeline', { entity: 'dossier', entityId: dossier.id });
    expect(entries.at(-1)).toMatchObject({
      action: 'dossier.reopen',
      details: { reason, from: 'returned', status: 'result-ready', version: reopened.version, previousReturnedAt: dossier.returnedAt },
    });
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, entries: 4 });
    const db = sqlite();
    const last = db.prepare("SELECT kind, aggregate_id, payload FROM outbox ORDER BY rowid DESC LIMIT 1").get() as { kind: string; aggregate_id: string; payload: string };
    expect(last).toMatchObject({ kind: 'dossier.upserted', aggregate_id: dossier.id });
    expect(JSON.parse(last.payload)).toMatchObject({ status: 'result-ready', statusCode: 9, version: reopened.version });
    db.close();
  });

  test('one transaction: when the outbox job cannot be written, the dossier stays returned and no audit entry is left', async () => {
    const dossier = await returned();
    const db = core.storage.db();
    const before = counts(db);
    db.exec("CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON main.outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END");
    expect((await core.dispatch('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, reason })).ok).toBe(false);
    db.exec('DROP TRIGGER temp.no_outbox');
    expect(counts(db)).toEqual(before);
    expect(await call<Dossier>('dossiers.get', { id: dossier.id })).toMatchObject({ status: 'returned', version: dossier.version, returnedAt: dossier.returnedAt });
  });

  test.each(DOSSIER_STATUS_NAMES.filter((status) => status !== 'returned'))('a dossier that is %s cannot be re-opened', async (status) => {
    const dossier = await intake();
    for (const step of PATH_TO[status]) await call(`dossiers.${step}`, { id: dossier.id, ...INPUT_FOR[step] });
    const current = await call<Dossier>('dossiers.get', { id: dossier.id });
    expect(await core.dispatch('dossiers.reopen', { id: dossier.id, expectedVersion: current.version, reason })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', details: { status, action: 'reopen' } },
    });
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).version).toBe(current.version);
  });

  test.each([
    ['missing', undefined],
    ['blank', '      '],
    ['shorter than 5 characters once trimmed', '  abcd  '],
    ['longer than 500 characters', 'x'.repeat(501)],
  ])('a reason %s is invalid-input', async (_label, bad) => {
    const dossier = await returned();
    expect(await failure('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, ...(bad === undefined ? {} : { reason: bad }) })).toBe('invalid-input');
    expect(await failure('dossiers.reopen', { id: dossier.id, reason })).toBe('invalid-input'); // the version is required too
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).status).toBe('returned');
  });

  test('a stale version is a conflict and writes nothing', async () => {
    const dossier = await returned();
    const db = core.storage.db();
    const before = counts(db);
    expect(await failure('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version - 1, reason })).toBe('conflict');
    expect(counts(db)).toEqual(before);
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).status).toBe('returned');
  });

  test('with clerk accounts, a plain clerk is refused with forbidden-role and a supervisor re-opens (the audit names them)', async () => {
    const dossier = await returned();
    const db = core.storage.db();
    const clerk = (username: string, password: string, roles: ('clerk' | 'supervisor')[], n: number) =>
      hashPassword(password, 1024).then((passwordHash) => ({
        id: `0190c0de-0000-7000-8000-00000000000${n}`,
        username,
        displayName: username,
        passwordHash,
        roles,
        disabled: false,
        updatedAt: '2026-11-20T01:00:00.000Z',
      }));
    const clerks = [await clerk('lan', 'mật khẩu của Lan', ['clerk'], 1), await clerk('minh', 'minh-giam-sat', ['clerk', 'supervisor'], 2)];
    db.transaction(() => replaceClerks(db, clerks))();
    await call('auth.signIn', { username: 'lan', password: 'mật khẩu của Lan' });
    expect(await failure('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, reason })).toBe('forbidden-role');
    expect((await call<Dossier>('dossiers.get', { id: dossier.id })).status).toBe('returned');
    await call('auth.signIn', { username: 'minh', password: 'minh-giam-sat' });
    expect(await call<Dossier>('dossiers.reopen', { id: dossier.id, expectedVersion: dossier.version, reason })).toMatchObject({ status: 'result-ready' });
    const { entries } = await call<{ entries: { action: string; actor: string }[] }>('audit.timeline', { entity: 'dossier', entityId: dossier.id });
    expect(entries.at(-1)).toMatchObject({ action: 'dossier.reopen', actor: 'clerk:minh' });
  });
});

describe('supplement pause', () => {
  test('the due date moves by the working time between the request and the supplement', async () => {
    const dossier = await intake();
    now = new Date('2026-11-25T02:00:00Z'); // Wed 25/11 09:00
    const paused = await call<Dossier>('dossiers.requestSupplement', { id: dossier.id, ...INPUT_FOR.requestSupplement });
    expect(paused.pausedAt).toBe('2026-11-25T09:00:00+07:00');
    now = new Date('2026-11-27T02:00:00Z'); // Fri 27/11 09:00: two working days later
    const resumed = await call<Dossier>('dossiers.supplement', { id: dossier.id });
    const minutes = 2 * 8 * 60; // 07:00–11:30 + 13:30–17:00 = 8 h a working day
    expect(resumed.pausedWorkingMinutes).toBe(minutes);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.status).toBe('processing');
    const expected = await call<{ dueAt: string }>('calendar.dueDate', { receivedAt: dossier.dueAt, limit: { unit: 'workingDays', value: 2 } });
    expect(resumed.dueAt).toBe(expected.dueAt);
  });
});

describe('late and due-soon dossiers', () => {
  test('a dossier past its due date is overdue until it has a result; paused ones are not', async () => {
    const late = await intake();
    const paused = await intake();
    await call('dossiers.requestSupplement', { id: paused.id, ...INPUT_FOR.requestSupplement });
    now = new Date(Date.parse(late.dueAt) + 60_000);
    const overdue = await call<{ dossiers: { id: string; overdue: boolean }[] }>('dossiers.list', { filter: 'overdue' });
    expect(overdue.dossiers.map((dossier) => dossier.id)).toEqual([late.id]);
    expect((await call<Dossier>('dossiers.get', { id: late.id })).overdue).toBe(true);
    await call('dossiers.markResultReady', { id: late.id });
    expect((await call<{ dossiers: unknown[] }>('dossiers.list', { filter: 'overdue' })).dossiers).toEqual([]);
  });

  test('due soon lists open dossiers due within the next working days, soonest first', async () => {
    const sameDay = await call<Dossier>('dossiers.intake', { procedureCode: '2.000815', applicant }); // chứng thực: due today
    const later = await intake({ procedureCode: '1.004222' }); // đăng ký thường trú: 7 working days
    const soon = await call<{ dossiers: { id: string }[] }>('dossiers.list', { filter: 'dueSoon', withinWorkingDays: 0 });
    expect(soon.dossiers.map((dossier) => dossier.id)).toEqual([sameDay.id]);
    const wider = await call<{ dossiers: { id: string }[] }>('dossiers.list', { filter: 'dueSoon', withinWorkingDays: 30 });
    expect(wider.dossiers.map((dossier) => dossier.id)).toEqual([sameDay.id, later.id]);
  });

  test('lateness counts the working days after the due day, skipping weekends and holidays', async () => {
    const dossier = await intake();
    expect(await call('dossiers.lateness', { id: dossier.id })).toMatchObject({ overdue: false, workingDaysLate: 0 });
    // Due on a working day; three calendar weeks later, counted on the real calendar (not 21 days).
    const due = new Date(dossier.dueAt);
    now = new Date(due.getTime() + 21 * 86_400_000);
    const lateness = await call<{ overdue: boolean; workingDaysLate: number; workingMinutesLate: number }>('dossiers.lateness', { id: dossier.id });
    expect(lateness.overdue).toBe(true);
    let expected = 0;
    for (let t = due.getTime() + 86_400_000; t <= now.getTime() + 7 * 3_600_000; t += 86_400_000) {
      const day = await call<{ working: boolean }>('calendar.day', { date: new Date(t + 7 * 3_600_000).toISOString().slice(0, 10) });
      if (day.working) expected += 1;
    }
    expect(lateness.workingDaysLate).toBe(expected);
    expect(expected).toBeLessThan(21);
    expect(lateness.workingMinutesLate).toBeGreaterThan(0);
  });

  test('today lists what was received since midnight in Vietnam, newest first', async () => {
    const first = await intake();
    now = new Date('2026-11-23T03:00:00Z');
    const second = await intake();
    now = new Date('2026-11-25T01:00:00Z');
    const third = await intake();
    const today = await call<{ dossiers: { id: string }[] }>('dossiers.list', { filter: 'today' });
    expect(today.dossiers.map((dossier) => dossier.id)).toEqual([third.id]);
    const all = await call<{ dossiers: { id: string }[] }>('dossiers.list', { filter: 'all' });
    expect(all.dossiers.map((dossier) => dossier.id)).toEqual([third.id, second.id, first.id]);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await intake();
    await intake({ applicant: { kind: 'citizen', fullName: 'Trần Minh Đức', idNumber: '079201004321', phone: '0987 654 321' } });
    await intake({ applicant: { kind: 'citizen', fullName: 'Nguyễn Thị Anh Thư', idNumber: '001305001111' } });
    await intake({ applicant: { kind: 'business', fullName: 'Công ty TNHH Đại Phát', idNumber: '0101234567' } });
  });

  async function names(query: string): Promise<string[]> {
    const { dossiers } = await call<{ dossiers: { applicantName: string }[] }>('dossiers.search', { query });
    return dossiers.map((dossier) => dossier.applicantName).sort();
  }

  test.each([
    ['nguyen van an', ['Nguyễn Văn An']],
    ['Nguyễn Văn An', ['Nguyễn Văn An']],
    ['duc', ['Trần Minh Đức']],
    ['ĐỨC', ['Trần Minh Đức']],
    // The last word is a prefix (type-ahead): "an" also begins "Anh".
    ['nguyen an', ['Nguyễn Thị Anh Thư', 'Nguyễn Văn An']],
    ['nguyen anh thu', ['Nguyễn Thị Anh Thư']],
    ['nguyen an thu', []],
    ['nguyen', ['Nguyễn Thị Anh Thư', 'Nguyễn Văn An']],
    ['nguyen thi a', ['Nguyễn Thị Anh Thư']],
    ['dai phat', ['Công ty TNHH Đại Phát']],
    ['079201004321', ['Trần Minh Đức']],
    ['0792010', ['Trần Minh Đức']],
    ['0987654321', ['Trần Minh Đức']],
    ['+84912345678', ['Nguyễn Văn An']],
    ['le van tam', []],
  ])('%s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  test('by dossier code, its yyMMdd-NNNN tail, and look-up PIN', async () => {
    const dossier = await intake({ applicant: { kind: 'citizen', fullName: 'Hoàng Thị Lan' } });
    expect(await names(dossier.code)).toEqual(['Hoàng Thị Lan']);
    expect(await names(dossier.code.slice(-11))).toEqual(['Hoàng Thị Lan']);
    expect(await names(dossier.lookupPin)).toContain('Hoàng Thị Lan');
  });
});
