import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { createNodeHostTransport, defaultBackoff, type Fetch, type OpenSocket, type SocketHandlers } from './node-host-transport.ts';

const BASE = 'http://127.0.0.1:4567/';
const STATUS: SyncStatus = { state: 'online', problem: null, pending: 1, scansPending: 0, auditPending: 0, deadLetters: 0, lastSyncAt: null, lastError: null, checkedAt: null, clockSkewSeconds: null };

type FakeSocket = { url: string; handlers: SocketHandlers; sent: unknown[]; closed: boolean };

/** Records every socket the transport opens; the test plays the server by calling the handlers. */
function socketRecorder() {
  const sockets: FakeSocket[] = [];
  const openSocket: OpenSocket = (url, handlers) => {
    const socket: FakeSocket = { url, handlers, sent: [], closed: false };
    sockets.push(socket);
    return {
      send: (text) => socket.sent.push(JSON.parse(text)),
      close: () => {
        socket.closed = true;
      },
    };
  };
  return { sockets, openSocket };
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('node host transport: calls', () => {
  it('POSTs JSON to /rpc/<method> and returns the envelope', async () => {
    const fetch = vi.fn<Fetch>(() => Promise.resolve(jsonResponse({ ok: true, value: STATUS })));
    const transport = createNodeHostTransport({ baseUrl: BASE, fetch });
    await expect(transport.invoke('sync.status', {})).resolves.toEqual({ ok: true, value: STATUS });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:4567/rpc/sync.status');
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  });

  it('passes an error envelope through, whatever the HTTP status', async () => {
    const envelope = { ok: false, error: { code: 'unsupported-media-type', message: 'Content-Type must be application/json' } };
    const transport = createNodeHostTransport({ baseUrl: BASE, fetch: () => Promise.resolve(jsonResponse(envelope, 415)) });
    await expect(transport.invoke('sync.status', {})).resolves.toEqual(envelope);
  });

  it('answers internal/unreachable when the host cannot be reached', async () => {
    const transport = createNodeHostTransport({ baseUrl: BASE, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(transport.invoke('sync.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'host-unreachable' },
    });
  });

  it('answers internal when the body is not an envelope', async () => {
    const html = createNodeHostTransport({ baseUrl: BASE, fetch: () => Promise.resolve(new Response('<html>', { status: 502 })) });
    await expect(html.invoke('sync.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    const odd = createNodeHostTransport({ baseUrl: BASE, fetch: () => Promise.resolve(jsonResponse({ ok: false, error: { code: 'brand-new-code', message: 'x' } })) });
    await expect(odd.invoke('sync.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('node host transport: events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one socket at /events on the first subscription and subscribes once it is open', () => {
    const { sockets, openSocket } = socketRecorder();
    const transport = createNodeHostTransport({ baseUrl: BASE, openSocket });
    expect(sockets).toHaveLength(0);

    transport.subscribe('sync.stateChanged', () => undefined);
    transport.subscribe('settings.changed', () => undefined);
    transport.subscribe('sync.stateChanged', () => undefined);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:4567/events');
    expect(sockets[0]?.sent).toEqual([]);

    sockets[0]?.handlers.onOpen();
    expect(sockets[0]?.sent).toEqual([
      { type: 'subscribe', event: 'sync.stateChanged' },
      { type: 'subscribe', event: 'settings.changed' },
    ]);
  });

  it('delivers event messages to the listeners of that event only, ignoring junk', () => {
    const { sockets, openSocket } = socketRecorder();
    const transport = createNodeHostTransport({ baseUrl: BASE, openSocket });
    const sync = vi.fn();
    const settings = vi.fn();
    transport.subscribe('sync.stateChanged', sync);
    transport.subscribe('settings.changed', settings);
    const server = sockets[0]?.handlers;
    server?.onOpen();

    server?.onMessage(JSON.stringify({ type: 'event', event: 'sync.stateChanged', payload: STATUS }));
    server?.onMessage('not json');
    server?.onMessage(JSON.stringify({ type: 'event', event: 'no.suchEvent', payload: {} }));
    server?.onMessage(new Uint8Array([1, 2]));
    expect(sync).toHaveBeenCalledExactlyOnceWith(STATUS);
    expect(settings).not.toHaveBeenCalled();
  });

  it('unsubscribes from the host when the last listener of an event leaves', () => {
    const { sockets, openSocket } = socketRecorder();
    const transport = createNodeHostTransport({ baseUrl: BASE, openSocket });
    const first = transport.subscribe('sync.stateChanged', () => undefined);
    const second = transport.subscribe('sync.stateChanged', () => undefined);
    sockets[0]?.handlers.onOpen();
    first();
    expect(sockets[0]?.sent).toHaveLength(1);
    second();
    second();
    expect(sockets[0]?.sent).toEqual([
      { type: 'subscribe', event: 'sync.stateChanged' },
      { type: 'unsubscribe', event: 'sync.stateChanged' },
    ]);
  });

  it('reconnects with backoff after the socket drops, re-subscribes and announces a resync', () => {
    const { sockets, openSocket } = socketRecorder();
    const transport = createNodeHostTransport({ baseUrl: BASE, openSocket });
    const resync = vi.fn();
    transport.onResync(resync);
    const listener = vi.fn();
    transport.subscribe('sync.stateChanged', listener);
    sockets[0]?.handlers.onOpen();
    expect(resync).toHaveBeenCalledTimes(1);

    sockets[0]?.handlers.onClose();
    vi.advanceTimersByTime(defaultBackoff(0) - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    // The host is still down: the next attempts wait longer.
    sockets[1]?.handlers.onClose();
    vi.advanceTimersByTime(defaultBackoff(1) - 1);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    sockets[2]?.handlers.onOpen();
    expect(sockets[2]?.sent).toEqual([{ type: 'subscribe', event: 'sync.stateChanged' }]);
    expect(resync).toHaveBeenCalledTimes(2);

    // Messages from a replaced socket are ignored; the new one delivers.
    sockets[0]?.handlers.onMessage(JSON.stringify({ type: 'event', event: 'sync.stateChanged', payload: STATUS }));
    expect(listener).not.toHaveBeenCalled();
    sockets[2]?.handlers.onMessage(JSON.stringify({ type: 'event', event: 'sync.stateChanged', payload: STATUS }));
    expect(listener).toHaveBeenCalledOnce();

    // A successful connection resets the backoff.
    sockets[2]?.handlers.onClose();
    vi.advanceTimersByTime(defaultBackoff(0));
    expect(sockets).toHaveLength(4);
  });

  it('caps the backoff at five seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(defaultBackoff)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('keeps retrying when opening the socket throws', () => {
    let attempts = 0;
    const transport = createNodeHostTransport({
      baseUrl: BASE,
      openSocket: () => {
        attempts += 1;
        throw new Error('blocked');
      },
    });
    transport.subscribe('sync.stateChanged', () => undefined);
    vi.advanceTimersByTime(defaultBackoff(0) + defaultBackoff(1));
    expect(attempts).toBe(3);
    transport.dispose();
    vi.advanceTimersByTime(60_000);
    expect(attempts).toBe(3);
  });

  it('stops for good on dispose', () => {
    const { sockets, openSocket } = socketRecorder();
    const transport = createNodeHostTransport({ baseUrl: BASE, openSocket });
    transport.subscribe('sync.stateChanged', () => undefined);
    sockets[0]?.handlers.onOpen();
    transport.dispose();
    expect(sockets[0]?.closed).toBe(true);
    sockets[0]?.handlers.onClose();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('uses wss: for an https: host', () => {
    const { sockets, openSocket } = socketRecorder();
    createNodeHostTransport({ baseUrl: 'https://desk.example/', openSocket }).subscribe('settings.changed', () => undefined);
    expect(sockets[0]?.url).toBe('wss://desk.example/events');
  });
});
