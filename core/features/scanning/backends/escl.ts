import type { ScannerInfo } from '../../../../shared/contract/scanning.ts';
import { ScannerError, type RawPage, type ScannerBackend } from '../../../ports/scanner.ts';
import type { EsclDiscovery } from '../discovery/escl-discovery.ts';
import { esclRequest, type EsclHttpRequest, type EsclHttpResponse } from './escl-http.ts';
import { capabilitiesToInfo, parseCapabilities, parseStatus, scanSettingsXml } from './escl-xml.ts';

/** `certSha256`: the https scanner's certificate a supervisor trusted (every request checks it is exactly this one). */
export type EsclScannerAddress = Readonly<{ id: string; name: string; url: string; certSha256?: string }>;

export type EsclOptions = Readonly<{
  /** The addresses configured in the scanning settings (read at every call: settings can change). */
  scanners: () => readonly EsclScannerAddress[];
  /** Network scanners announced by DNS-SD (`_uscan._tcp`, `_uscans._tcp`), listed after the configured ones. */
  discovery?: EsclDiscovery;
  requestTimeoutMs?: number;
  /** How often and how long to wait while the scanner answers 503 (busy, or page not ready yet). */
  busyRetries?: number;
  busyDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}>;

// Pages as images (every eSCL device offers JPEG): the pipeline normalises and assembles them itself.
const FORMAT_PREFERENCE = ['image/jpeg', 'image/png'];
const FORMAT_KIND: Readonly<Record<string, RawPage['format']>> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: EsclHttpResponse, fallback: number): number {
  const seconds = Number(response.header('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 10_000) : fallback;
}

/**
 * eSCL / AirScan over HTTP or HTTPS (Mopria eSCL; HTTPS pinned to the certificate a supervisor trusted, see
 * escl-http.ts): GET ScannerCapabilities; POST ScanJobs → 201 with Location;
 * GET <job>/NextDocument until 404 (no more pages); 503 means busy (job creation) or not ready (a page):
 * wait and ask again; DELETE <job> on cancel. Scanners come from the settings by address, and from DNS-SD
 * discovery when it is given (ids `mdns-<uuid>`; docs/SCANNING.md).
 */
export function createEsclBackend(options: EsclOptions): ScannerBackend {
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const busyRetries = options.busyRetries ?? 20;
  const busyDelayMs = options.busyDelayMs ?? 1000;
  const sleep = options.sleep ?? defaultSleep;

  async function address(id: string): Promise<EsclScannerAddress> {
    const found = options.scanners().find((scanner) => scanner.id === id) ?? options.discovery?.known(id) ?? (options.discovery && id.startsWith('mdns-') ? (await options.discovery.scanners()).find((scanner) => scanner.id === id) : undefined);
    if (!found) throw new ScannerError('scanner-not-found', `No eSCL scanner ${id.slice(0, 50)} in the scanning settings or on the network`);
    return found;
  }
  const base = (url: string) => (url.endsWith('/') ? url : `${url}/`);
  const ok = (response: EsclHttpResponse) => response.status >= 200 && response.status < 300;

  /** A request to this scanner, checked against its pinned certificate when it has one. */
  const request = (scanner: EsclScannerAddress, url: string, init: Omit<EsclHttpRequest, 'timeoutMs' | 'certSha256'> = {}, timeout = timeoutMs) =>
    esclRequest(url, { ...init, timeoutMs: timeout, ...(scanner.certSha256 ? { certSha256: scanner.certSha256 } : {}) });

  async function capabilities(scanner: EsclScannerAddress) {
    const response = await request(scanner, new URL('ScannerCapabilities', base(scanner.url)).toString());
    if (!ok(response)) throw new ScannerError('scanner-unavailable', `ScannerCapabilities answered HTTP ${response.status}`);
    try {
      return parseCapabilities(response.body.toString('utf8'));
    } catch (error) {
      throw new ScannerError('scanner-unavailable', `The scanner's capabilities are not eSCL: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function describe(id: string): Promise<ScannerInfo> {
    const scanner = await address(id);
    return capabilitiesToInfo(id, scanner.name, await capabilities(scanner));
  }

  // Discovered https scanners whose certificate no authority vouches for, as of the last list.
  let untrusted: { name: string; url: string }[] = [];

  return {
    kind: 'escl',
    untrusted: () => untrusted,
    async list() {
      const configured = options.scanners();
      const found: ScannerInfo[] = [];
      for (const scanner of configured) found.push(await describe(scanner.id));
      if (!options.discovery) return found;
      // A discovered scanner already configured by hand (same address) is listed once, under its configured id.
      const known = new Set(configured.map((scanner) => base(scanner.url)));
      const discovered = (await options.discovery.scanners()).filter((scanner) => !known.has(base(scanner.url)));
      // One that announces itself but does not answer (switched off since) is left out rather than failing the list.
      const described = await Promise.allSettled(discovered.map(async (scanner) => capabilitiesToInfo(scanner.id, scanner.name, await capabilities(scanner))));
      const waiting: { name: string; url: string }[] = [];
      described.forEach((result, index) => {
        if (result.status === 'fulfilled') found.push(result.value);
        // An HTTPS-only device (`_uscans`) with its own certificate: listed for a supervisor to trust, not used.
        else if (result.reason instanceof ScannerError && result.reason.code === 'scanner-certificate-untrusted') waiting.push({ name: discovered[index]!.name, url: discovered[index]!.url });
      });
      untrusted = waiting;
      return found;
    },
    describe,
    async scan(id, scanRequest, sink, signal) {
      const scanner = await address(id);
      const caps = await capabilities(scanner);
      if (!caps.sources.includes(scanRequest.source) || (scanRequest.duplex && !caps.duplex)) {
        throw new ScannerError('scanner-option-unsupported', `The scanner offers no ${scanRequest.duplex ? 'two-sided feeder' : scanRequest.source}`);
      }
      const format = FORMAT_PREFERENCE.find((candidate) => caps.formats.includes(candidate)) ?? 'image/jpeg';
      const mode = caps.modes.includes(scanRequest.mode) ? scanRequest.mode : 'grey';
      const dpi = caps.resolutions.includes(scanRequest.dpi) || caps.resolutions.length === 0 ? scanRequest.dpi : (caps.resolutions.find((value) => value >= scanRequest.dpi) ?? caps.resolutions.at(-1)!);
      const body = scanSettingsXml({ ...scanRequest, mode, dpi }, format);

      let job: string | null = null;
      for (let attempt = 0; job === null; attempt += 1) {
        const response = await request(scanner, new URL('ScanJobs', base(scanner.url)).toString(), { method: 'POST', headers: { 'content-type': 'text/xml' }, body, signal });
        if (response.status === 201) {
          const location = response.header('location');
          if (!location) throw new ScannerError('scan-failed', 'The scanner created a job without a Location');
          job = new URL(location, base(scanner.url)).toString();
        } else if (response.status === 503 && attempt < busyRetries) {
          await sleep(retryAfterMs(response, busyDelayMs));
        } else if (response.status === 503) {
          throw new ScannerError('scanner-busy', 'The scanner stayed busy');
        } else if (response.status === 409 && scanRequest.source === 'feeder') {
          const status = await request(scanner, new URL('ScannerStatus', base(scanner.url)).toString()).then((answer) => parseStatus(answer.body.toString('utf8')), () => null);
          throw new ScannerError(status?.adfState === 'ScannerAdfEmpty' ? 'scanner-feeder-empty' : 'scanner-option-unsupported', `The scanner refused the job (HTTP 409${status?.adfState ? `, ${status.adfState}` : ''})`);
        } else {
          throw new ScannerError(response.status === 409 || response.status === 400 ? 'scanner-option-unsupported' : 'scan-failed', `The scanner refused the job (HTTP ${response.status})`);
        }
      }

      const jobUrl = job;
      const cancelJob = () => void request(scanner, jobUrl, { method: 'DELETE' }, 5000).catch(() => undefined);
      signal.addEventListener('abort', cancelJob, { once: true });
      try {
        let pages = 0;
        let waits = 0;
        for (;;) {
          const response = await request(scanner, `${jobUrl.replace(/\/$/, '')}/NextDocument`, { signal });
          if (response.status === 404) break; // no more pages: the job is done
          if (response.status === 503 && waits < busyRetries * 5) {
            waits += 1;
            await sleep(retryAfterMs(response, busyDelayMs / 4));
            continue;
          }
          if (!ok(response)) throw new ScannerError(pages === 0 && scanRequest.source === 'feeder' && response.status === 409 ? 'scanner-feeder-empty' : 'scan-failed', `NextDocument answered HTTP ${response.status}`);
          const type = (response.header('content-type') ?? format).split(';')[0]!.trim();
          const bytes = response.body;
          waits = 0;
          pages += 1;
          await sink({ format: FORMAT_KIND[type] ?? FORMAT_KIND[format] ?? 'jpeg', bytes, dpi });
        }
        if (pages === 0) throw new ScannerError(scanRequest.source === 'feeder' ? 'scanner-feeder-empty' : 'scan-failed', 'The scanner delivered no page');
      } catch (error) {
        if (!signal.aborted) cancelJob();
        throw signal.aborted ? new ScannerError('cancelled', 'the scan was cancelled') : error;
      } finally {
        signal.removeEventListener('abort', cancelJob);
      }
    },
  };
}
