import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../adapters/json-logger.ts';
import type { Core } from '../../app/create-core.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../../rpc/dispatch.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { calendarHandlers } from './handlers.ts';
import { createCalendarService } from './service.ts';

/** Only the calendar's handlers; any other method would be a test bug. */
function calendarOnly(): Handlers {
  const handlers: Record<string, unknown> = calendarHandlers(createCalendarService());
  return new Proxy(handlers, {
    get: (target, key: string) =>
      target[key] ??
      (() => {
        throw new Error(`not used in this test: ${key}`);
      }),
  }) as unknown as Handlers;
}

function suite(name: string, connect: () => { dispatch: Dispatch; close: () => void }) {
  describe(name, () => {
    let dispatch: Dispatch;
    let close: () => void;
    beforeAll(() => {
      ({ dispatch, close } = connect());
    });
    afterAll(() => close());

    test('calendar.dueDate: 5 working days across Tết 2026, answered in +07:00', async () => {
      expect(await dispatch('calendar.dueDate', { receivedAt: '2026-02-12T01:30:00Z', limit: { unit: 'workingDays', value: 5 } })).toEqual({
        ok: true,
        value: { dueAt: '2026-02-26T08:30:00+07:00' }, // 13/02, then 23, 24, 25, 26/02
      });
    });

    test('calendar.dueDate: same day with a 15:00 cut-off, received at 15:20 on the eve of Giỗ Tổ 2024', async () => {
      expect(await dispatch('calendar.dueDate', { receivedAt: '2024-04-17T15:20:00+07:00', limit: { unit: 'sameDay', value: 0, cutoff: '15:00' } })).toEqual({
        ok: true,
        value: { dueAt: '2024-04-19T17:00:00+07:00' },
      });
    });

    test('calendar.day: a holiday, a nghỉ bù, a make-up Saturday, an ordinary day', async () => {
      expect(await dispatch('calendar.day', { date: '2026-02-17' })).toEqual({ ok: true, value: { date: '2026-02-17', working: false, reason: 'Tết Nguyên Đán' } });
      expect(await dispatch('calendar.day', { date: '2026-04-27' })).toEqual({ ok: true, value: { date: '2026-04-27', working: false, reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' } });
      expect(await dispatch('calendar.day', { date: '2026-08-22' })).toEqual({ ok: true, value: { date: '2026-08-22', working: true, reason: 'Làm bù' } });
      expect(await dispatch('calendar.day', { date: '2026-03-03' })).toEqual({ ok: true, value: { date: '2026-03-03', working: true } });
    });

    test('bad dates get invalid-input with a clear message', async () => {
      expect(await dispatch('calendar.day', { date: '2026-02-30' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', details: { issues: [{ path: 'date', message: 'Not a calendar date (YYYY-MM-DD)' }] } },
      });
      expect(await dispatch('calendar.day', { date: '26-02-2026' })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'date' }] } } });
      expect(await dispatch('calendar.day', { date: '1850-01-01' })).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: 'Dates from 1900-01-01 to 2199-12-31 only: 1850-01-01' },
      });
      expect(await dispatch('calendar.dueDate', { receivedAt: '2026-02-12 08:30', limit: { unit: 'workingDays', value: 5 } })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', details: { issues: [{ path: 'receivedAt' }] } },
      });
      expect(await dispatch('calendar.dueDate', { receivedAt: '2026-02-12T08:30:00+07:00', limit: { unit: 'weeks', value: 5 } })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', details: { issues: [{ path: 'limit.unit' }] } },
      });
    });
  });
}

suite('calendar through the dispatcher', () => ({ dispatch: createDispatcher(calendarOnly(), silentLogger), close: () => {} }));

suite('calendar through core.dispatch', () => {
  const temp = makeTempDir();
  const core: Core = createTestCore(temp.dir);
  return {
    dispatch: core.dispatch,
    close: () => {
      core.stop();
      temp.remove();
    },
  };
});
