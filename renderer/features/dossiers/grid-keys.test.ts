import { describe, expect, test } from 'vitest';
import { gridMove, PAGE_ROWS } from './grid-keys.ts';

const at = (row: number, col: number) => ({ row, col });
const to = (row: number, col: number) => ({ kind: 'cell', cell: { row, col } });

describe('the results grid keys (APG data grid)', () => {
  test('ArrowDown and ArrowUp move one row in the same column and stop at the last row', () => {
    expect(gridMove('ArrowDown', false, at(0, 0), 3, 5)).toEqual(to(1, 0));
    expect(gridMove('ArrowDown', false, at(2, 3), 3, 5)).toEqual(to(2, 3));
    expect(gridMove('ArrowUp', false, at(2, 3), 3, 5)).toEqual(to(1, 3));
  });

  test('ArrowUp on the first row goes back to the search field', () => {
    expect(gridMove('ArrowUp', false, at(0, 2), 3, 5)).toEqual({ kind: 'exit-top' });
  });

  test('ArrowLeft/Right move along the row and stop at its ends; Home/End go to its first/last cell', () => {
    expect(gridMove('ArrowRight', false, at(1, 0), 3, 5)).toEqual(to(1, 1));
    expect(gridMove('ArrowRight', false, at(1, 4), 3, 5)).toEqual(to(1, 4));
    expect(gridMove('ArrowLeft', false, at(1, 0), 3, 5)).toEqual(to(1, 0));
    expect(gridMove('Home', false, at(1, 3), 3, 5)).toEqual(to(1, 0));
    expect(gridMove('End', false, at(1, 1), 3, 5)).toEqual(to(1, 4));
  });

  test('Ctrl+Home/End go to the first/last cell of the grid; PageUp/PageDown move a page of rows, clamped', () => {
    expect(gridMove('Home', true, at(2, 3), 3, 5)).toEqual(to(0, 0));
    expect(gridMove('End', true, at(0, 0), 3, 5)).toEqual(to(2, 4));
    expect(gridMove('PageDown', false, at(0, 1), 25, 5)).toEqual(to(PAGE_ROWS, 1));
    expect(gridMove('PageDown', false, at(20, 1), 25, 5)).toEqual(to(24, 1));
    expect(gridMove('PageUp', false, at(5, 1), 25, 5)).toEqual(to(0, 1));
  });

  test('other keys (Enter, Tab, letters) and an empty grid are left alone', () => {
    for (const key of ['Enter', 'Tab', ' ', 'a']) expect(gridMove(key, false, at(0, 0), 3, 5)).toBeNull();
    expect(gridMove('ArrowDown', false, at(0, 0), 0, 5)).toBeNull();
  });
});
