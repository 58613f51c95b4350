import { describe, expect, test } from 'vitest';
import { toBase64 } from './send-files.ts';
import { planEdit } from './PageStrip.tsx';

describe('page edits as the strip sends them', () => {
  test('turning keeps the order and turns only the chosen page', () => {
    expect(planEdit(3, 1, 'rotate')).toEqual({ pages: [{ index: 0, rotate: 0 }, { index: 1, rotate: 90 }, { index: 2, rotate: 0 }], selected: 1 });
  });
  test('moving swaps with the neighbour and follows the page; not past either end', () => {
    expect(planEdit(3, 2, 'earlier')?.pages.map((page) => page.index)).toEqual([0, 2, 1]);
    expect(planEdit(3, 2, 'earlier')?.selected).toBe(1);
    expect(planEdit(3, 0, 'later')?.pages.map((page) => page.index)).toEqual([1, 0, 2]);
    expect(planEdit(3, 0, 'earlier')).toBeNull();
    expect(planEdit(3, 2, 'later')).toBeNull();
  });
  test('deleting drops the page and selects its neighbour; the last page cannot go', () => {
    expect(planEdit(3, 2, 'delete')).toEqual({ pages: [{ index: 0, rotate: 0 }, { index: 1, rotate: 0 }], selected: 1 });
    expect(planEdit(1, 0, 'delete')).toBeNull();
  });
  test('bytes are sent as base64 the core decodes back', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, index) => (index * 37) % 256);
    expect(Uint8Array.from(atob(toBase64(bytes)), (char) => char.charCodeAt(0))).toEqual(bytes);
  });
});
