/** The procedures this counter received most recently, newest first, kept in the browser profile. */
const STORAGE_KEY = 'mot-cua-desk.recent-procedures';
const MAX_RECENT = 8;

export function readRecentProcedures(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((code): code is string => typeof code === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function rememberProcedure(code: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string[] {
  const next = [code, ...readRecentProcedures(storage).filter((known) => known !== code)].slice(0, MAX_RECENT);
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the ordering hint; intake itself is unaffected.
  }
  return next;
}

/** Recent procedures first (most recent first), the rest in the search's own order. */
export function recentFirst<T extends Readonly<{ code: string }>>(items: readonly T[], recent: readonly string[]): T[] {
  const rank = (code: string) => {
    const index = recent.indexOf(code);
    return index === -1 ? recent.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.code) - rank(b.item.code) || a.index - b.index)
    .map(({ item }) => item);
}
