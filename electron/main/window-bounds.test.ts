import { describe, expect, it } from 'vitest';
import { restorableBounds } from './window-bounds.ts';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('restorableBounds', () => {
  it('restores sane bounds on a present screen', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 1280, height: 800, maximized: true }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1280,
      height: 800,
      maximized: true,
    });
  });

  it('forgets a window whose title strip is on a screen that is gone', () => {
    expect(restorableBounds({ x: 2000, y: 0, width: 1280, height: 800 }, screen)).toBeNull();
    expect(restorableBounds({ x: 100, y: -700, width: 1280, height: 800 }, screen)).toBeNull();
  });

  it('keeps it when a second monitor holds it', () => {
    const two = [...screen, { x: 1920, y: 0, width: 1280, height: 1024 }];
    expect(restorableBounds({ x: 2000, y: 0, width: 1100, height: 800 }, two)?.x).toBe(2000);
  });

  it.each([undefined, null, 'x', {}, { x: 0, y: 0, width: 300, height: 200 }, { x: Number.NaN, y: 0, width: 1280, height: 800 }])(
    'ignores %j',
    (saved) => {
      expect(restorableBounds(saved, screen)).toBeNull();
    },
  );
});
