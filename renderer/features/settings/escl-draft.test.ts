import { describe, expect, test } from 'vitest';
import { dayOf, esclIdFor, groupFingerprint } from './escl-draft.ts';

describe('network scanner draft', () => {
  test('a fingerprint reads in sixteen groups of four upper-case hex digits', () => {
    const grouped = groupFingerprint('0123456789abcdef'.repeat(4));
    expect(grouped.split(' ')).toHaveLength(16);
    expect(grouped.startsWith('0123 4567 89AB CDEF 0123')).toBe(true);
  });

  test('ids come from the Vietnamese name, fit the setting and do not collide', () => {
    expect(esclIdFor('Máy quét tầng 2', [])).toBe('may-quet-tang-2');
    expect(esclIdFor('Máy quét tầng 2', ['may-quet-tang-2'])).toBe('may-quet-tang-2-2');
    expect(esclIdFor('Đ'.repeat(60), [])).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(esclIdFor('***', [])).toBe('may-quet');
  });

  test('validity dates are shown as day/month/year', () => {
    expect(dayOf('2026-11-25T03:00:00.000Z')).toBe('25/11/2026');
  });
});
