import { describe, expect, it } from 'vitest';
import { nextCheckDelay, PRINTER_POLL_MS, SCANNER_POLL_MS } from './use-device-status.ts';

describe('nextCheckDelay', () => {
  it('asks at once when nothing was ever read', () => {
    expect(nextCheckDelay(null, 1_000_000, PRINTER_POLL_MS)).toBe(0);
  });

  it('coming back to Home soon after an answer waits out the rest of the interval', () => {
    expect(nextCheckDelay(1_000_000, 1_012_000, PRINTER_POLL_MS)).toBe(18_000);
    expect(nextCheckDelay(1_000_000, 1_000_000, PRINTER_POLL_MS)).toBe(PRINTER_POLL_MS);
  });

  it('asks at once when the last answer is older than the interval', () => {
    expect(nextCheckDelay(1_000_000, 1_000_000 + PRINTER_POLL_MS, PRINTER_POLL_MS)).toBe(0);
    expect(nextCheckDelay(1_000_000, 9_000_000, SCANNER_POLL_MS)).toBe(0);
  });

  it('never waits longer than the interval, even if the clock went back', () => {
    expect(nextCheckDelay(2_000_000, 1_000_000, PRINTER_POLL_MS)).toBe(PRINTER_POLL_MS);
  });

  it('asks the printer no more often than every 30 s, the scanners more rarely', () => {
    expect(PRINTER_POLL_MS).toBeGreaterThanOrEqual(30_000);
    expect(SCANNER_POLL_MS).toBeGreaterThan(PRINTER_POLL_MS);
  });
});
