import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core, CoreOptions } from '../../core/app/create-core.ts';
import { startStandIn, type StandIn } from '../../core/features/sync/testing/stand-in-server.ts';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import { makeTempDir } from './temp-dir.ts';
import { createTestCore } from './test-core.ts';

export const TEST_AGENCY = { agencyCode: '000.00.12.H12', agencyName: 'UBND phường Thử Nghiệm', counterName: 'Quầy 2', slot: 2 } as const;
const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '+84 912 345 678' } as const;

/**
 * A counter core on a real SQLite file, a contract-faithful stand-in central server, and one fake clock
 * shared by both (Monday 23 November 2026, 09:00 in Vietnam). The backoff's random draw is fixed at 0.5.
 */
export async function createSyncedCounter(overrides: Partial<CoreOptions> = {}) {
  const temp = makeTempDir();
  let now = new Date('2026-11-23T02:00:00Z');
  const clock = { now: () => now };
  const standIn: StandIn = await startStandIn(clock);
  const open = () => createTestCore(temp.dir, { clock, random: () => 0.5, syncIntervalMs: 3_600_000, probeIntervalMs: 3_600_000, ...overrides });
  let core: Core = open();

  async function call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
    return result.value as T;
  }

  return {
    standIn,
    get core() {
      return core;
    },
    call,
    async failure(method: string, input: unknown = {}): Promise<string> {
      const result = await core.dispatch(method, input);
      if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
      return result.error.code;
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    async enrol(code = 'ENROL-123456') {
      standIn.addEnrolmentCode(code, TEST_AGENCY);
      return call('sync.enroll', { serverUrl: standIn.url, code, deviceName: 'test-pc' });
    },
    intake: (n = 1): Promise<Dossier[]> =>
      Promise.all(Array.from({ length: n }, () => call<Dossier>('dossiers.intake', { procedureCode: '1.001193', applicant, papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }] }))),
    /** A separate connection to the counter's file, as IT's tools would open it. */
    sqlite: () => new Database(path.join(temp.dir, 'profiles', 'default.sqlite')),
    restart() {
      core.stop();
      core = open();
    },
    async close() {
      core.stop();
      await standIn.close();
      temp.remove();
    },
  };
}

export type SyncedCounter = Awaited<ReturnType<typeof createSyncedCounter>>;
