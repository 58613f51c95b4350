/** Pure rules for restoring the window where the clerk left it (no electron import; unit-tested). */
export type Rect = Readonly<{ x: number; y: number; width: number; height: number }>;
export type WindowBounds = Readonly<Rect & { maximized: boolean }>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;
/** How much of the window's top strip must be on a screen for the clerk to grab and move it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;
const MAX_SIDE = 20_000;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, width, height } = value as Record<string, unknown>;
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_SIDE);
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

/**
 * The saved bounds, if they are sane and the window's title strip lands on a screen that exists now.
 * Counter PCs swap monitors; without this check a window can open entirely off-screen. Null → defaults.
 */
export function restorableBounds(saved: unknown, workAreas: readonly Rect[]): WindowBounds | null {
  if (!isRect(saved)) return null;
  if (saved.width < MIN_WINDOW_SIZE.width || saved.height < MIN_WINDOW_SIZE.height) return null;
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRAB_HEIGHT };
  const grabbable = workAreas.some((area) => {
    const shared = overlap(titleStrip, area);
    return shared.width >= GRAB_WIDTH && shared.height >= GRAB_HEIGHT / 2;
  });
  if (!grabbable) return null;
  const maximized = (saved as Record<string, unknown>)['maximized'] === true;
  return {
    x: Math.round(saved.x),
    y: Math.round(saved.y),
    width: Math.round(saved.width),
    height: Math.round(saved.height),
    maximized,
  };
}
