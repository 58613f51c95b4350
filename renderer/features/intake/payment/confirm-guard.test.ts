import { describe, expect, test } from 'vitest';
import { CONFIRM_SETTLE_MS, confirmVerdict } from './confirm-guard.ts';

const SHOWN = 10_000; // the quote's first moment on screen, on the events' clock

describe('confirming a payment needs a fresh press after the amount was visible', () => {
  test('a press before the quote is on screen (or queued from before it) does not confirm', () => {
    expect(confirmVerdict({ at: 9_000, repeat: false }, null)).toBe('too-soon');
    expect(confirmVerdict({ at: SHOWN - 1, repeat: false }, SHOWN)).toBe('too-soon');
  });

  test('the second press of a double Ctrl+Enter, landing as the quote appears, does not confirm', () => {
    expect(confirmVerdict({ at: SHOWN, repeat: false }, SHOWN)).toBe('too-soon');
    expect(confirmVerdict({ at: SHOWN + CONFIRM_SETTLE_MS - 1, repeat: false }, SHOWN)).toBe('too-soon');
  });

  test('a held key (auto-repeat) never confirms, however long after', () => {
    expect(confirmVerdict({ at: SHOWN + 60_000, repeat: true }, SHOWN)).toBe('repeat');
  });

  test('a deliberate press once the amount has been on screen confirms', () => {
    expect(confirmVerdict({ at: SHOWN + CONFIRM_SETTLE_MS, repeat: false }, SHOWN)).toBe('accept');
    expect(confirmVerdict({ at: SHOWN + 5_000, repeat: false }, SHOWN)).toBe('accept');
  });
});
