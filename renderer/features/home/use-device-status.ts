import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../../core-client/core-client.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../core-client/use-core-query.ts';
import type { PrinterReading, ScannersList } from './device-state.ts';

/**
 * How often Home asks again. A status check opens a connection to the printer (port 9100 printers often take
 * one at a time), so at most every 30 s; listing scanners runs `scanimage -L` and network probes, so rarer.
 */
export const PRINTER_POLL_MS = 30_000;
export const SCANNER_POLL_MS = 5 * 60_000;

export type DeviceStatus = Readonly<{
  printer: Loadable<PrinterReading>;
  scanners: Loadable<ScannersList>;
  /** The printer is being asked (the first time, a poll, or the clerk's "Check again"); scanners show their own. */
  checking: boolean;
  /** Ask both again now (the clerk's "Check again"). */
  refresh: () => void;
}>;

/** The default printer, then what it says; "not set up" when the counter has no default printer. */
export async function readDefaultPrinter(core: CoreClient): Promise<PrinterReading> {
  const { printers } = await core.call('printers.list', {});
  const printer = printers.find((candidate) => candidate.isDefault);
  if (!printer) return { kind: 'not-set-up' };
  const status = await core.call('printers.status', { id: printer.id });
  return { kind: 'checked', name: printer.name, status };
}

type Polled<T> = Readonly<{ state: Loadable<T>; running: boolean; refresh: () => void }>;
type LastReading = Readonly<{ state: Loadable<unknown>; at: number }>;

/**
 * The last answer per core and method, kept across visits to Home: a clerk going back and forth with Alt+1
 * sees the last known state at once and does not make the printer answer again before its interval.
 */
const lastReadings = new WeakMap<CoreClient, Map<string, LastReading>>();

/** How long to wait before asking again, given when the last answer came (null: never asked). */
export function nextCheckDelay(lastAt: number | null, now: number, intervalMs: number): number {
  if (lastAt === null) return 0;
  return Math.min(intervalMs, Math.max(0, lastAt + intervalMs - now));
}

/**
 * Reads now, then again `intervalMs` after each answer (never two reads at once), after an event resync, and
 * whenever `refresh` is called. A read still in flight when a newer one starts no longer applies. Never throws:
 * a failure is a state, and Home renders while a slow device is still being asked.
 */
function usePolled<T>(key: string, read: () => Promise<T>, intervalMs: number): Polled<T> {
  const core = useCore();
  const remembered = () => lastReadings.get(core)?.get(key);
  // Only this hook writes `key`'s entry, always with a Loadable<T>.
  const [state, setState] = useState<Loadable<T>>(() => (remembered()?.state as Loadable<T> | undefined) ?? { status: 'loading' });
  const [running, setRunning] = useState(() => remembered() === undefined);
  const runRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const readings = lastReadings.get(core) ?? new Map<string, LastReading>();
    lastReadings.set(core, readings);
    const run = () => {
      clearTimeout(timer);
      const mine = ++generation;
      setRunning(true);
      void read()
        .then(
          (value): Loadable<T> => ({ status: 'ready', value }),
          (error: unknown): Loadable<T> => ({ status: 'failed', error: asCoreClientError(error) }),
        )
        .then((next) => {
          if (stopped || mine !== generation) return;
          readings.set(key, { state: next, at: Date.now() });
          setState(next);
          setRunning(false);
          timer = setTimeout(run, intervalMs);
        });
    };
    runRef.current = run;
    const first = nextCheckDelay(readings.get(key)?.at ?? null, Date.now(), intervalMs);
    if (first === 0) run();
    else timer = setTimeout(run, first);
    const stopResync = core.onResync(run);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopResync();
      runRef.current = () => undefined;
    };
  }, [core, key, read, intervalMs]);

  const refresh = useCallback(() => runRef.current(), []);
  return { state, running, refresh };
}

/** The printer and scanner state shown on Home, polled politely (see the intervals above). */
export function useDeviceStatus(): DeviceStatus {
  const core = useCore();
  const readPrinter = useCallback(() => readDefaultPrinter(core), [core]);
  const readScanners = useCallback(() => core.call('scanners.list', {}), [core]);
  const printer = usePolled('printer', readPrinter, PRINTER_POLL_MS);
  const scanners = usePolled('scanners', readScanners, SCANNER_POLL_MS);
  const refreshPrinter = printer.refresh;
  const refreshScanners = scanners.refresh;
  const refresh = useCallback(() => {
    refreshPrinter();
    refreshScanners();
  }, [refreshPrinter, refreshScanners]);
  return { printer: printer.state, scanners: scanners.state, checking: printer.running, refresh };
}
