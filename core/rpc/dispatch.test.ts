import { describe, expect, test } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch.ts';
import { CoreError } from './core-error.ts';
import { METHOD_NAMES } from '../../shared/contract/names.ts';
import type { Logger } from '../ports/logger.ts';

function recordingLogger() {
  const entries: { level: string; message: string; context?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (message, context) => entries.push({ level: 'info', message, context }),
    warn: (message, context) => entries.push({ level: 'warn', message, context }),
    error: (message, context) => entries.push({ level: 'error', message, context }),
  };
  return { logger, entries };
}

const status = { state: 'online', problem: null, pending: 0, scansPending: 0, auditPending: 0, deadLetters: 0, lastSyncAt: null, lastError: null, checkedAt: null, clockSkewSeconds: null } as const;

/** Every method of the contract answers "not used" unless the test gives it a handler. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(METHOD_NAMES.map((name) => [name, unused])) as unknown as Handlers;
  return { ...all, 'sync.status': () => status, ...overrides };
}

describe('dispatcher', () => {
  test('a CoreError reaches the caller with its code, message and details', async () => {
    const dispatch = createDispatcher(handlersWith({ 'sync.status': () => { throw new CoreError('conflict', 'changed elsewhere', { id: 'd-1' }); } }), recordingLogger().logger);
    expect(await dispatch('sync.status', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'changed elsewhere', details: { id: 'd-1' } } });
  });

  test('any other error is logged with its stack and reaches the caller as `internal`, without internals', async () => {
    const { logger, entries } = recordingLogger();
    const dispatch = createDispatcher(handlersWith({ 'sync.status': () => { throw new Error('SQLITE_ERROR near "SELEC": /home/clerk/secret/path'); } }), logger);
    const result = await dispatch('sync.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(entries).toEqual([{ level: 'error', message: 'handler failed', context: expect.objectContaining({ method: 'sync.status', stack: expect.stringContaining('dispatch.test.ts') }) }]);
  });

  test('a handler whose output breaks the contract is an internal error, not a malformed answer', async () => {
    const { logger, entries } = recordingLogger();
    const dispatch = createDispatcher(handlersWith({ 'sync.status': () => ({ ...status, pending: -1 }) }), logger);
    expect(await dispatch('sync.status', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(entries[0]?.message).toBe('handler output breaks the contract');
  });

  test('input problems name the path but never echo the rejected value', async () => {
    const dispatch = createDispatcher(handlersWith({}), recordingLogger().logger);
    const result = await dispatch('settings.update', { counter: { centreName: 'x'.repeat(500) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'counter.centreName' }] } } });
    expect(JSON.stringify(result)).not.toContain('x'.repeat(50));
  });

  test('methods inherited from Object.prototype are not methods', async () => {
    const dispatch = createDispatcher(handlersWith({}), recordingLogger().logger);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });
});
