import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom, startFaultProxy, type FaultProxy } from './fault-proxy.ts';

// A real HTTP server behind the proxy counts what actually reached it.
let upstream: http.Server;
let proxy: FaultProxy;
const received: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`got ${body.length} bytes: ${'x'.repeat(2000)}`);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: (upstream.address() as AddressInfo).port });
});
afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});
afterEach(() => {
  received.length = 0;
  proxy.setFault({ kind: 'pass' });
});

/** A fresh connection per request, so each request meets the fault chosen for it. */
async function post(body: string, timeoutMs = 2_000): Promise<string> {
  const response = await fetch(`${proxy.url}/x`, { method: 'POST', body, headers: { connection: 'close' }, signal: AbortSignal.timeout(timeoutMs) });
  return response.text();
}

describe('fault proxy', () => {
  test('pass forwards both ways', async () => {
    expect(await post('hello')).toMatch(/^got 5 bytes/);
    expect(received).toEqual(['hello']);
  });

  test.each([['drop'], ['reset']] as const)('%s: the client fails and the server sees nothing', async (kind) => {
    proxy.setFault({ kind });
    await expect(post('hello')).rejects.toThrow();
    expect(received).toEqual([]);
  });

  test('cutRequest: the upload is cut mid-body; the server never gets a whole request', async () => {
    proxy.setFault({ kind: 'cutRequest', afterBytes: 150 });
    await expect(post('y'.repeat(10_000))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
  });

  test('cutResponse: the server acted, the client never learns it', async () => {
    proxy.setFault({ kind: 'cutResponse', afterBytes: 100 });
    await expect(post('order-1')).rejects.toThrow();
    expect(received).toEqual(['order-1']);
  });

  test('duplicate: the server receives the request twice, the client sees one answer', async () => {
    proxy.setFault({ kind: 'duplicate' });
    expect(await post('once')).toMatch(/^got 4 bytes/);
    await expect.poll(() => received.length).toBe(2);
    expect(received).toEqual(['once', 'once']);
  });

  test('delay: a client timeout shorter than the delay fails, the request still arrives', async () => {
    proxy.setFault({ kind: 'delay', ms: 300 });
    await expect(post('slow', 100)).rejects.toThrow();
    await expect.poll(() => received).toEqual(['slow']);
  });

  test('down refuses connections; up serves again on the same port', async () => {
    const { port } = proxy;
    await proxy.down();
    await expect(post('nobody home')).rejects.toThrow();
    await proxy.up();
    expect(proxy.port).toBe(port);
    expect(await post('back')).toMatch(/^got 4 bytes/);
  });

  test('a seeded chooser is reproducible and counted per fault', async () => {
    const pick = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => (random() < 0.5 ? 'pass' : 'drop'));
    };
    expect(pick(7)).toEqual(pick(7));
    expect(pick(7)).not.toEqual(pick(8));
    const before = proxy.stats();
    proxy.setChooser((index) => (index % 2 === 0 ? { kind: 'drop' } : { kind: 'pass' }));
    const outcomes = await Promise.allSettled([post('a'), post('b'), post('c'), post('d')].map((p) => p.then(() => 'ok')));
    const after = proxy.stats();
    expect(after.drop - before.drop + after.pass - before.pass).toBe(4);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(after.pass - before.pass);
  });
});
