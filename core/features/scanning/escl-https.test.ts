import path from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ScannerCertificate, ScannerInfo } from '../../../shared/contract/scanning.ts';
import { ERROR_MESSAGES } from '../../../shared/contract/errors.ts';
import type { Core } from '../../app/create-core.ts';
import { startEsclServer, type EsclServer, type EsclServerOptions } from '../../../test/harness/escl-server.ts';
import { startMdnsResponder, type MdnsResponder } from '../../../test/harness/mdns-responder.ts';
import { call, checkPdf, documentFile, failure, scanningCore, scanToEnd, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { authoritySignedCertificate, selfSignedCertificate, type TestCertificate } from '../../../test/harness/test-certificates.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createEsclBackend } from './backends/escl.ts';
import { createEsclDiscovery } from './discovery/escl-discovery.ts';
import { udpTransport } from './discovery/mdns-browse.ts';

// eSCL over HTTPS with the certificate the device made itself (`_uscans`): trust on first use, pinned by its
// SHA-256 (docs/SCANNING.md "HTTPS scanners"). Real TLS sockets on 127.0.0.1, certificates made by openssl.

let temp: ReturnType<typeof makeTempDir>;
let scanner: EsclServer | undefined;
let responder: MdnsResponder | undefined;
let core: Core;
let device: TestCertificate;

beforeAll(() => {
  device = selfSignedCertificate();
});

afterEach(async () => {
  core.stop();
  await scanner?.close();
  scanner = undefined;
  await responder?.close();
  responder = undefined;
  temp.remove();
});

const data = () => path.join(temp.dir, 'data');

/** `announce`: starts an mDNS responder for the scanner and answers its port (the browse is pointed at it). */
async function httpsCore(serverOptions: EsclServerOptions = {}, announce?: (url: string) => Promise<number>): Promise<Core> {
  temp = makeTempDir();
  scanner = await startEsclServer({ tls: device, ...serverOptions });
  const responderPort = announce ? await announce(scanner.url) : undefined;
  const discovery = responderPort === undefined ? undefined : createEsclDiscovery({ transport: udpTransport({ address: '127.0.0.1', port: responderPort }), browseMs: 1500 });
  core = await scanningCore(data(), {
    scannerBackends: (documents) => [createEsclBackend({ scanners: () => documents.settings().esclScanners, sleep: () => Promise.resolve(), busyRetries: 3, ...(discovery ? { discovery } : {}) })],
  });
  return core;
}

/** What the settings screen does: show the certificate, and on the supervisor's word store its fingerprint. */
async function trust(desk: Core, url: string): Promise<ScannerCertificate> {
  const certificate = await call<ScannerCertificate>(desk, 'scanners.inspectCertificate', { url });
  await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-2', name: 'Máy quét quầy 2', url, certSha256: certificate.sha256 }] });
  return certificate;
}

describe('eSCL over HTTPS, pinned to the certificate a supervisor trusted', () => {
  test('inspecting shows the certificate (fingerprint, subject, validity, self-signed) after a handshake only', async () => {
    const desk = await httpsCore();
    const certificate = await call<ScannerCertificate>(desk, 'scanners.inspectCertificate', { url: scanner!.url });
    expect(certificate).toEqual({
      sha256: device.sha256,
      subject: 'CN=HP LaserJet MFP M428 [A1B2C3], O=Test Scanner Maker',
      issuer: 'CN=HP LaserJet MFP M428 [A1B2C3], O=Test Scanner Maker',
      validFrom: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      validTo: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      selfSigned: true,
      caTrusted: false,
    });
    expect(Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)).toBe(2 * 24 * 3600 * 1000);
    expect(scanner!.requests).toEqual([]); // nothing but the handshake
    expect((await failure(desk, 'scanners.inspectCertificate', { url: 'http://127.0.0.1/eSCL' })).code).toBe('invalid-input');
    expect((await failure(desk, 'scanners.inspectCertificate', { url: 'https://127.0.0.1:9/eSCL' })).code).toBe('scanner-unavailable');
  });

  test('not trusted yet: refused, with a message saying what to do, and nothing is sent to the device', async () => {
    const desk = await httpsCore();
    await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-2', name: 'Máy quét quầy 2', url: scanner!.url }] });
    const refused = await failure(desk, 'scanners.test', { scannerId: 'escl:quay-2' });
    expect(refused.code).toBe('scanner-certificate-untrusted');
    expect(refused.message).toMatch(/supervisor must check and trust it/);
    expect(ERROR_MESSAGES['scanner-certificate-untrusted'].vi).toContain('Tin cậy chứng chỉ này');
    const { scanners, problems } = await call<{ scanners: ScannerInfo[]; problems: { backend: string; message: string }[] }>(desk, 'scanners.list');
    expect(scanners).toEqual([]);
    expect(problems).toEqual([{ backend: 'escl', message: expect.stringMatching(/DEPTH_ZERO_SELF_SIGNED_CERT/) }]);
    expect((await scanToEnd(desk, { scannerId: 'escl:quay-2', source: 'flatbed' })).final.error?.code).toBe('scanner-certificate-untrusted');
    expect(scanner!.requests).toEqual([]);
    expect(storedFiles(data())).toEqual([]);
  });

  test('trusted: a duplex feeder job over HTTPS (503 busy and not ready, Location, NextDocument until 404) becomes one PDF', async () => {
    const desk = await httpsCore({ feederSheets: 2, busyJobs: 1, notReadyPerPage: 1 });
    await trust(desk, scanner!.url);
    expect(await call(desk, 'scanning.settings', {})).toMatchObject({ esclScanners: [{ id: 'quay-2', certSha256: device.sha256 }] });
    const { scanners } = await call<{ scanners: ScannerInfo[] }>(desk, 'scanners.list');
    expect(scanners.map((item) => item.id)).toEqual(['escl:quay-2']);
    const { final, events } = await scanToEnd(desk, { scannerId: 'escl:quay-2', source: 'feeder', duplex: true, dpi: 75, mode: 'grey' });
    expect(final.state, JSON.stringify(final.error)).toBe('done');
    expect(events.filter((event) => event.page)).toHaveLength(4);
    expect(scanner!.requests.filter((line) => line === 'POST /eSCL/ScanJobs')).toHaveLength(2);
    expect(scanner!.requests.filter((line) => line.endsWith('/NextDocument'))).toHaveLength(9); // 4 pages, 4 not ready, 404
    expect(checkPdf(documentFile(data(), final.document!))).toEqual({ qpdfOk: true, pages: 4 });
  });

  test('trusted: cancel deletes the job over the pinned connection', async () => {
    const desk = await httpsCore({ feederSheets: 10, pageDelayMs: 30 });
    await trust(desk, scanner!.url);
    const { final } = await scanToEnd(desk, { scannerId: 'escl:quay-2', source: 'feeder', dpi: 75 }, (event, sessionId) => {
      if (event.page?.number === 1) void call(desk, 'scanning.cancel', { sessionId });
    });
    expect(final.state).toBe('cancelled');
    await expect.poll(() => scanner!.jobs[0]!.deleted).toBe(true);
    expect(storedFiles(data())).toEqual([]);
  });

  test('a different certificate at the same address is refused (scanner-certificate-changed): nothing sent, nothing kept', async () => {
    const desk = await httpsCore();
    await trust(desk, scanner!.url);
    expect(await call(desk, 'scanners.test', { scannerId: 'escl:quay-2' })).toMatchObject({ scanner: { duplex: true } });
    // The scanner was reset (or another device took its address): a new key and certificate on the same port.
    const port = scanner!.port;
    await scanner!.close();
    const impostor = selfSignedCertificate();
    scanner = await startEsclServer({ tls: impostor, port, feederSheets: 3 });

    const refused = await failure(desk, 'scanners.test', { scannerId: 'escl:quay-2' });
    expect(refused.code).toBe('scanner-certificate-changed');
    expect(refused.details).toEqual({ url: 'https://127.0.0.1:' + port + '/eSCL/ScannerCapabilities', expected: device.sha256, found: impostor.sha256 });
    const { final } = await scanToEnd(desk, { scannerId: 'escl:quay-2', source: 'feeder', dpi: 75 });
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('scanner-certificate-changed');
    expect(scanner.connections()).toBeGreaterThan(0); // it was reached, and refused at the handshake
    expect(scanner.requests).toEqual([]); // not even a request line went to it
    expect(scanner.jobs).toEqual([]);
    expect(storedFiles(data())).toEqual([]);
    expect(ERROR_MESSAGES['scanner-certificate-changed'].vi).toMatch(/xác nhận lại/);

    // The supervisor compares the new fingerprint with the device and confirms again: it works.
    expect((await trust(desk, scanner.url)).sha256).toBe(impostor.sha256);
    expect((await scanToEnd(desk, { scannerId: 'escl:quay-2', source: 'feeder', dpi: 75 })).final.state).toBe('done');
  });

  test('a certificate from an authority the system trusts works without pinning', async () => {
    const issued = authoritySignedCertificate();
    const defaults = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...defaults, issued.ca]);
    try {
      const desk = await httpsCore({ tls: issued });
      expect(await call(desk, 'scanners.inspectCertificate', { url: scanner!.url })).toMatchObject({ sha256: issued.sha256, selfSigned: false, caTrusted: true, issuer: 'CN=Test Centre IT Authority' });
      await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-3', name: 'Quầy 3', url: scanner!.url }] });
      expect((await scanToEnd(desk, { scannerId: 'escl:quay-3', source: 'flatbed', dpi: 75 })).final.state).toBe('done');
    } finally {
      tls.setDefaultCACertificates(defaults);
    }
  });

  test('discovered over _uscans only: listed for trust, not used; once trusted it is listed under its configured id', async () => {
    const desk = await httpsCore({}, async (url) => {
      const { port, pathname } = new URL(url);
      const txt = ['txtvers=1', `rs=${pathname.slice(1)}`, 'ty=Máy quét tầng 2', 'UUID=4509a320-00a0-008f-00b6-002507510eca'];
      responder = await startMdnsResponder([{ label: 'Máy quét tầng 2', type: '_uscans._tcp.local', host: 'may-quet-2.local', address: '127.0.0.1', port: Number(port), txt }]);
      return responder.port;
    });
    const listed = await call<{ scanners: ScannerInfo[]; untrusted?: { name: string; url: string }[] }>(desk, 'scanners.list');
    expect(listed).toEqual({ scanners: [], problems: [], untrusted: [{ name: 'Máy quét tầng 2', url: scanner!.url }] });
    await trust(desk, scanner!.url);
    const after = await call<{ scanners: ScannerInfo[]; untrusted?: unknown }>(desk, 'scanners.list');
    expect(after.scanners.map((item) => item.id)).toEqual(['escl:quay-2']);
    expect(after.untrusted).toBeUndefined();
  });
});
