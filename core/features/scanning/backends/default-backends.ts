import type { ScannerBackend } from '../../../ports/scanner.ts';
import type { DocumentsService } from '../../documents/service.ts';
import { createEsclDiscovery } from '../discovery/escl-discovery.ts';
import { udpTransport } from '../discovery/mdns-browse.ts';
import { createEsclBackend } from './escl.ts';
import { createSaneBackend } from './sane.ts';
import { createNaps2Backend, createWiaBackend } from './windows.ts';

/**
 * The backends a counter PC offers: eSCL everywhere (addresses from the scanning settings, and scanners that
 * announce themselves by mDNS on the counter's network, browsed for 1.5 s and cached a minute); SANE where
 * scanimage exists (Linux, macOS); WIA and NAPS2 on Windows. A missing program shows up as a `problem` in
 * scanners.list, never as a crash.
 */
export function defaultScannerBackends(documents: Pick<DocumentsService, 'settings'>, platform: NodeJS.Platform = process.platform): ScannerBackend[] {
  const escl = createEsclBackend({ scanners: () => documents.settings().esclScanners, discovery: createEsclDiscovery({ transport: udpTransport() }) });
  if (platform === 'win32') return [escl, createWiaBackend(), createNaps2Backend(() => documents.settings().naps2Path)];
  return [createSaneBackend(), escl];
}
