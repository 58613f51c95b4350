import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../adapters/json-logger.ts';
import type { Core } from '../app/create-core.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { startNodeHost, type NodeHost } from './node-host.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let host: NodeHost;

beforeAll(async () => {
  temp = makeTempDir();
  const uiDir = path.join(temp.dir, 'ui');
  fs.mkdirSync(uiDir);
  fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>Một Cửa Desk</title>');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'outside the UI folder');
  core = createTestCore(temp.dir);
  host = await startNodeHost({ core, uiDir, port: 0, logger: silentLogger });
});

afterAll(async () => {
  await host.close();
  core.stop();
  temp.remove();
});

/** A raw request, so the test controls every header (fetch would add and normalise some). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const json = { 'Content-Type': 'application/json' };

async function stillServing(): Promise<void> {
  const response = await request({ method: 'POST', path: '/rpc/system.info', headers: json, body: '{}' });
  expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { storage: { state: 'ready' } } });
}

describe('Node host: bad requests get a clear code and the host keeps serving', () => {
  test('malformed JSON → 400 invalid-json', async () => {
    const response = await request({ method: 'POST', path: '/rpc/system.info', headers: json, body: '{"language": ' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
    await stillServing();
  });

  test('a body over 1 MiB → 413 payload-too-large', async () => {
    const response = await request({ method: 'POST', path: '/rpc/settings.update', headers: json, body: Buffer.alloc(2 * 1024 * 1024, 0x61) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
    await stillServing();
  });

  test('a declared length far past the limit is refused before reading', async () => {
    const response = await request({ method: 'POST', path: '/rpc/settings.update', headers: { ...json, 'Content-Length': String(512 * 1024 * 1024) } }).catch((error: Error) => ({ status: -1, body: error.message, headers: {} }));
    expect([413, -1]).toContain(response.status);
    await stillServing();
  });

  test('a form post (not JSON) → 415, so a web page cannot call us with a simple request', async () => {
    const response = await request({ method: 'POST', path: '/rpc/settings.update', headers: { 'Content-Type': 'text/plain' }, body: '{"language":"en"}' });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unsupported-media-type' } });
  });

  test('another site as Origin → 403 forbidden-origin; our own origin is fine', async () => {
    const evil = await request({ method: 'POST', path: '/rpc/settings.get', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ ok: false, error: { code: 'forbidden-origin' } });
    const own = await request({ method: 'POST', path: '/rpc/settings.get', headers: { ...json, Origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(JSON.parse(own.body)).toMatchObject({ ok: true });
  });

  test('a rebinding Host header → 403', async () => {
    const response = await request({ path: '/', headers: { Host: `attacker.example:${host.port}` } });
    expect(response.status).toBe(403);
  });

  test('GET on a method → 405 with an envelope', async () => {
    const response = await request({ path: '/rpc/system.info' });
    expect(response.status).toBe(405);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  test('an unknown method over HTTP → unknown-method', async () => {
    const response = await request({ method: 'POST', path: '/rpc/nope.nothing', headers: json, body: '{}' });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  test('the UI is served with a strict CSP; paths outside its folder are not', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Một Cửa Desk');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await request({ path: attempt });
      expect(response.body).not.toContain('outside the UI folder');
    }
    expect((await request({ path: '/missing.js' })).status).toBe(404);
  });

  test('the event socket refuses other origins and answers bad messages without closing', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/events`, { headers: { Origin: 'http://evil.example' } } as unknown as string[]);
    const refusedOutcome = await new Promise<string>((resolve) => {
      refused.addEventListener('open', () => resolve('open'));
      refused.addEventListener('error', () => resolve('error'));
    });
    expect(refusedOutcome).toBe('error');

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/events`);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    const messages: unknown[] = [];
    socket.addEventListener('message', (message) => messages.push(JSON.parse(String(message.data))));
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'subscribe', event: 'nope.happened' }));
    socket.send(JSON.stringify({ type: 'subscribe', event: 'settings.changed' }));
    await expect.poll(() => messages.length).toBe(3);
    expect(messages).toEqual([
      { type: 'error', code: 'invalid-json', message: expect.any(String) },
      { type: 'error', code: 'invalid-input', message: expect.stringContaining('nope.happened') },
      { type: 'subscribed', event: 'settings.changed' },
    ]);
    socket.close();
  });
});

describe('Node host: binding', () => {
  test.each(['0.0.0.0', '192.168.1.10', '::', 'example.com'])('refuses to listen on %s with non-loopback-bind', async (address) => {
    await expect(startNodeHost({ core, uiDir: temp.dir, port: 0, host: address, logger: silentLogger })).rejects.toMatchObject({ code: 'non-loopback-bind' });
  });
});
