import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeHttpClient } from '../../adapters/node-http-client.ts';
import { systemClock } from '../../ports/clock.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { probeServer } from './connectivity.ts';

// A real HTTP server on loopback stands in for the central server's health endpoint.
let answer = 200;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.writeHead(request.url === '/api/v1/health' ? answer : 404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const http_ = createNodeHttpClient();

describe('connectivity from real requests', () => {
  test.each([
    [200, 'online', null],
    [401, 'paused', 'credential-refused'],
    [503, 'offline', 'server-error'],
  ] as const)('HTTP %i → %s', async (status, state, problem) => {
    answer = status;
    expect(await probeServer(http_, systemClock, base, 2_000)).toMatchObject({ state, problem });
  });

  test('a refused connection is offline, with the reason', async () => {
    const result = await probeServer(http_, systemClock, 'http://127.0.0.1:9', 2_000);
    expect(result).toMatchObject({ state: 'offline', problem: 'server-unreachable' });
    expect(result.lastError).toMatch(/No connection to the server/);
  });

  test('no address is not-configured, without a request', async () => {
    expect(await probeServer(http_, systemClock, null, 2_000)).toEqual({ state: 'not-configured', problem: null, checkedAt: null, lastError: null });
  });

  test('setting a server address is checked at once and raises sync.stateChanged online', async () => {
    answer = 200;
    const temp = makeTempDir();
    const core = createTestCore(temp.dir);
    const states: string[] = [];
    core.subscribe('sync.stateChanged', (status) => states.push(status.state));
    await core.dispatch('settings.update', { serverUrl: base });
    await expect.poll(() => states).toContain('online');
    expect(await core.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { state: 'online', lastError: null } });
    core.stop();
    temp.remove();
  });
});
