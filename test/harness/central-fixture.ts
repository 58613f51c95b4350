import type { Core } from '../../core/app/create-core.ts';
import { COMMANDS } from '../../server/admin/commands.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { pgliteBackend, type Backend } from '../../server/testing/backends.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';

export const TEST_AGENCY_CODE = '000.00.12.H12';

/**
 * The real central server (PGlite, in this process) with one agency, and the fault proxy in front of it:
 * what every "counter against the real server" test starts from.
 */
export type CentralFixture = Readonly<{
  server: TestServer;
  proxy: FaultProxy;
  /** Enrols `core` with a fresh one-time code for `slot`, through the proxy unless `direct`. */
  enrol(core: Core, options?: Readonly<{ slot?: number; direct?: boolean }>): Promise<void>;
  /**
   * What the administrator does before counters push receipts they sign themselves: `server:admin -- signer
   * trust <agency> <cert.pem>` (the server refuses receipts signed with a certificate it does not trust).
   * Answers the command's output line.
   */
  trustSigner(certFile: string): Promise<string>;
  close(): Promise<void>;
}>;

export async function startCentralFixture(): Promise<CentralFixture> {
  const backend: Backend = pgliteBackend();
  const server = await startTestServer(backend);
  await server.addAgency(TEST_AGENCY_CODE, 'UBND phường Thử Nghiệm');
  const proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: Number(new URL(server.url).port) });
  return {
    server,
    proxy,
    async enrol(core, options = {}) {
      const slot = options.slot ?? 1;
      const { code } = await createEnrolmentCode(server.sql, { agencyCode: TEST_AGENCY_CODE, slot, counterName: `Quầy ${slot}`, now: new Date() });
      await callCore(core, 'sync.enroll', { serverUrl: options.direct ? server.url : proxy.url, code, deviceName: `pc-${slot}` });
    },
    async trustSigner(certFile) {
      const lines: string[] = [];
      await COMMANDS['signer trust']!(server.sql, [TEST_AGENCY_CODE, certFile], { out: (line) => lines.push(line), readPassword: () => Promise.resolve('') });
      return lines.join('\n');
    },
    async close() {
      await proxy.close();
      await server.close();
      await backend.dispose();
    },
  };
}

/** One contract call on an in-process core; a failure throws with its stable code (and details) attached. */
export async function callCore<T = unknown>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code, details: result.error.details });
  return result.value as T;
}
