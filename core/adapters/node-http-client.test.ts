import http from 'node:http';
import net from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { HttpNetworkError } from '../ports/http-client.ts';
import { createNodeHttpClient } from './node-http-client.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The client keeps its connection alive: without this, close waits out the server's keep-alive timeout.
        if (server instanceof http.Server) server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

test('an answer given before the body was read resolves once the body has left, with the status', async () => {
  let received = 0;
  const base = await listen(
    http.createServer((req, res) => {
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"upload-offset-mismatch"}}');
      req.on('data', (piece: Buffer) => (received += piece.length));
    }),
  );
  const body = Buffer.alloc(8 * 1024 * 1024, 7);
  const answer = await createNodeHttpClient().request({ method: 'PATCH', url: `${base}/x`, body, timeoutMs: 10_000 });
  expect(answer.status).toBe(409);
  expect(JSON.parse(answer.body)).toEqual({ error: { code: 'upload-offset-mismatch' } });
  // The caller may now reuse the buffer: the request's bytes were all handed to the system (or dropped).
  expect(received).toBeLessThanOrEqual(body.length);
});

test('bytes come back as bytes for a 2xx and as text otherwise; headers are lower-case', async () => {
  const base = await listen(http.createServer((req, res) => res.writeHead(req.url === '/file' ? 200 : 404, { 'X-Upload-Offset': '12' }).end('PDF')));
  const client = createNodeHttpClient();
  const file = await client.request({ method: 'GET', url: `${base}/file`, timeoutMs: 5_000, responseType: 'bytes' });
  expect(Buffer.from(file.bytes!).toString()).toBe('PDF');
  expect(file.headers['x-upload-offset']).toBe('12');
  const missing = await client.request({ method: 'GET', url: `${base}/missing`, timeoutMs: 5_000, responseType: 'bytes' });
  expect(missing).toMatchObject({ status: 404, body: 'PDF' });
  expect(missing.bytes).toBeUndefined();
});

test('an answer cut mid-body, a refused connection and a server that never finishes are network errors', async () => {
  const client = createNodeHttpClient();
  const cut = await listen(
    net.createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"partial":'))),
  );
  await expect(client.request({ method: 'POST', url: `${cut}/`, body: '{}', timeoutMs: 5_000 })).rejects.toBeInstanceOf(HttpNetworkError);

  const slow = await listen(net.createServer((socket) => socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{'))));
  await expect(client.request({ method: 'GET', url: `${slow}/`, timeoutMs: 300 })).rejects.toThrow(/no complete answer within 300 ms/);

  const closed = await listen(net.createServer());
  await closers.pop()!();
  await expect(client.request({ method: 'GET', url: `${closed}/`, timeoutMs: 2_000 })).rejects.toBeInstanceOf(HttpNetworkError);
  await expect(client.request({ method: 'GET', url: 'ftp://example.org/', timeoutMs: 2_000 })).rejects.toBeInstanceOf(HttpNetworkError);
});

test('requests on one kept-alive connection follow each other (no connection per request)', async () => {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('connection', (socket) => sockets.add(socket));
  const base = await listen(server);
  const client = createNodeHttpClient();
  for (let i = 0; i < 5; i += 1) expect((await client.request({ method: 'GET', url: `${base}/`, timeoutMs: 2_000 })).body).toBe('ok');
  expect(sockets.size).toBe(1);
});
