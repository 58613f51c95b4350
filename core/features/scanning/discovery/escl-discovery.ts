import { createHash } from 'node:crypto';
import { browseEscl, type DiscoveredEscl, type MdnsTransport } from './mdns-browse.ts';

export type DiscoveredAddress = Readonly<{ id: string; name: string; url: string; announced: DiscoveredEscl }>;

export type EsclDiscoveryOptions = Readonly<{
  transport: MdnsTransport;
  /** How long one browse listens (scanners.list waits for it when the cache is stale). */
  browseMs?: number;
  /** How long a browse's answer is used before the next list asks the network again. */
  ttlMs?: number;
  now?: () => number;
}>;

/** A stable id for a discovered scanner: its UUID when it gives one, else a hash of its instance name. */
function idOf(scanner: DiscoveredEscl): string {
  if (scanner.uuid && /^[0-9a-f-]{8,64}$/.test(scanner.uuid)) return `mdns-${scanner.uuid}`;
  return `mdns-${createHash('sha256').update(scanner.instance).digest('hex').slice(0, 16)}`;
}

/**
 * eSCL scanners found by DNS-SD, cached: `scanners()` answers from the last browse while it is fresh, shares
 * one browse between callers, and never waits longer than one browse (≤ `browseMs`). A device announcing both
 * `_uscan` and `_uscans` (same UUID) is listed once, over HTTP: scanners' HTTPS certificates are self-signed and
 * must be trusted by a supervisor first (pinned, docs/SCANNING.md "HTTPS scanners").
 */
export function createEsclDiscovery(options: EsclDiscoveryOptions) {
  const browseMs = options.browseMs ?? 1500;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; scanners: DiscoveredAddress[] } | null = null;
  let running: Promise<DiscoveredAddress[]> | null = null;

  async function browse(): Promise<DiscoveredAddress[]> {
    const found = await browseEscl(options.transport, { timeoutMs: browseMs }).catch(() => []);
    const byId = new Map<string, DiscoveredAddress>();
    for (const scanner of found.sort((a, b) => Number(a.secure) - Number(b.secure))) {
      const id = idOf(scanner);
      if (!byId.has(id)) byId.set(id, { id, name: scanner.name, url: scanner.url, announced: scanner });
    }
    const scanners = [...byId.values()];
    cached = { at: now(), scanners };
    return scanners;
  }

  return {
    scanners(): Promise<DiscoveredAddress[]> {
      if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.scanners);
      running ??= browse().finally(() => {
        running = null;
      });
      return running;
    },
    /** A scanner of the last browse (a scan started from the list needs no new browse). */
    known: (id: string): DiscoveredAddress | undefined => cached?.scanners.find((scanner) => scanner.id === id),
  };
}

export type EsclDiscovery = ReturnType<typeof createEsclDiscovery>;
