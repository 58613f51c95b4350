import { describe, expect, test } from 'vitest';
import { receiptDay } from '../dossiers/dossier-code.ts';
import { startOfVietnamDay, toVietnamIso, vietnamDate } from './vietnam-time.ts';

describe('Vietnam time for records', () => {
  test('instants are written in +07:00 to the second, whatever the machine zone', () => {
    expect(toVietnamIso(new Date('2026-11-23T01:15:42.987Z'))).toBe('2026-11-23T08:15:42+07:00');
  });

  test('the local date and the receipt day turn at midnight in Vietnam, not in UTC', () => {
    const justBefore = new Date('2026-11-23T16:59:59Z'); // 23:59:59 on the 23rd in Vietnam
    const justAfter = new Date('2026-11-23T17:00:00Z'); // 00:00 on the 24th
    expect([vietnamDate(justBefore), vietnamDate(justAfter)]).toEqual(['2026-11-23', '2026-11-24']);
    expect([receiptDay(justBefore), receiptDay(justAfter)]).toEqual(['261123', '261124']);
    expect(startOfVietnamDay('2026-11-24').toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });
});
