import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ScannerInfo } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { startEsclServer, type EsclServer } from '../../../test/harness/escl-server.ts';
import { startMdnsResponder, type AnnouncedService, type MdnsResponder } from '../../../test/harness/mdns-responder.ts';
import { call, checkPdf, documentFile, scanningCore, scanToEnd } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createEsclBackend } from './backends/escl.ts';
import { createEsclDiscovery } from './discovery/escl-discovery.ts';
import { decodeMessage, DnsFormatError, encodeQuery, RR } from './discovery/dns-wire.ts';
import { browseEscl, udpTransport } from './discovery/mdns-browse.ts';

const UUID = '4509A320-00A0-008F-00B6-00559A327D32';

describe('DNS wire format (RFC 1035 as mDNS uses it)', () => {
  test('a one-shot PTR question for _uscan._tcp.local with the unicast-response bit, byte for byte', () => {
    const expected = Buffer.concat([
      Buffer.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]), // id 0, flags 0, one question
      Buffer.from('\x06_uscan\x04_tcp\x05local\x00', 'latin1'),
      Buffer.from([0, 12, 0x80, 1]), // PTR, QU + IN
    ]);
    expect(encodeQuery([{ name: '_uscan._tcp.local', type: RR.PTR, unicastResponse: true }])).toEqual(expected);
  });

  test('a response written by hand with compression pointers: PTR, SRV, TXT and A are read back', () => {
    const rr = (type: number, data: Buffer, name: Buffer) => Buffer.concat([name, Buffer.from([0, type, 0x80, 1, 0, 0, 0x11, 0x94, data.length >> 8, data.length & 0xff]), data]);
    const head = Buffer.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 3]);
    const service = Buffer.from('\x06_uscan\x04_tcp\x05local\x00', 'latin1'); // at offset 12
    const ptrName = service;
    // The PTR data: label "Scan 1" then a pointer to _uscan._tcp.local (offset 12).
    const ptrData = Buffer.concat([Buffer.from('\x06Scan 1', 'latin1'), Buffer.from([0xc0, 12])]);
    const ptr = rr(RR.PTR, ptrData, ptrName);
    const instanceAt = 12 + service.length + 10; // where the PTR data (the instance name) starts
    const srvData = Buffer.concat([Buffer.from([0, 0, 0, 0, 0x1f, 0x90]), Buffer.from('\x04scan\x05local\x00', 'latin1')]);
    const srv = rr(RR.SRV, srvData, Buffer.from([0xc0, instanceAt]));
    const hostAt = 12 + ptr.length + 2 + 10 + 6;
    const txt = rr(RR.TXT, Buffer.from('\x09rs=/eSCL/\x08duplex=T\x00', 'latin1'), Buffer.from([0xc0, instanceAt]));
    const a = rr(RR.A, Buffer.from([192, 168, 1, 50]), Buffer.from([0xc0, hostAt]));
    const message = decodeMessage(Buffer.concat([head, ptr, srv, txt, a]));
    expect(message.response).toBe(true);
    expect(message.answers).toEqual([{ type: RR.PTR, name: '_uscan._tcp.local', ttl: 4500, target: 'Scan 1._uscan._tcp.local' }]);
    expect(message.additionals).toEqual([
      { type: RR.SRV, name: 'Scan 1._uscan._tcp.local', ttl: 4500, priority: 0, weight: 0, port: 8080, target: 'scan.local' },
      { type: RR.TXT, name: 'Scan 1._uscan._tcp.local', ttl: 4500, entries: ['rs=/eSCL/', 'duplex=T'] },
      { type: RR.A, name: 'scan.local', ttl: 4500, address: '192.168.1.50' },
    ]);
  });

  test('damaged packets are refused, never followed forever', () => {
    const loop = Buffer.concat([Buffer.from([0, 0, 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0]), Buffer.from([0xc0, 12, 0, 12, 0, 1])]);
    expect(() => decodeMessage(loop)).toThrow(DnsFormatError);
    expect(() => decodeMessage(Buffer.from([0, 0, 0x84, 0, 0, 1]))).toThrow(DnsFormatError);
    const truncated = encodeQuery([{ name: '_uscan._tcp.local', type: RR.PTR }]).subarray(0, 20);
    expect(() => decodeMessage(truncated)).toThrow(DnsFormatError);
  });
});

describe('eSCL scanners discovered by DNS-SD (_uscan._tcp, _uscans._tcp)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let scanner: EsclServer;
  let responder: MdnsResponder;
  let core: Core | undefined;

  afterEach(async () => {
    core?.stop();
    core = undefined;
    await responder?.close();
    await scanner?.close();
    temp?.remove();
  });

  function announce(url: string, overrides: Partial<AnnouncedService> = {}): AnnouncedService {
    const { port, pathname } = new URL(url);
    return {
      label: 'Máy quét tầng 1',
      type: '_uscan._tcp.local',
      host: 'may-quet-1.local',
      address: '127.0.0.1',
      port: Number(port),
      txt: ['txtvers=1', `rs=${pathname.slice(1)}`, 'ty=Test eSCL Scanner 3000', `UUID=${UUID}`, 'pdl=application/pdf,image/jpeg', 'cs=color,grayscale,binary', 'is=platen,adf', 'duplex=T'],
      ...overrides,
    };
  }

  async function discoveringCore(responderPort: number, browseMs = 1500): Promise<Core> {
    temp = makeTempDir();
    const discovery = createEsclDiscovery({ transport: udpTransport({ address: '127.0.0.1', port: responderPort }), browseMs });
    core = await scanningCore(path.join(temp.dir, 'data'), {
      scannerBackends: (documents) => [createEsclBackend({ scanners: () => documents.settings().esclScanners, discovery, sleep: () => Promise.resolve() })],
    });
    return core;
  }

  test('a scanner announced on the network is listed with the capabilities fetched from its address, and a feeder job runs on it', async () => {
    scanner = await startEsclServer({ feederSheets: 2 });
    // The same device over HTTPS too (one entry, over HTTP), and another device's chatter.
    responder = await startMdnsResponder([announce(scanner.url), announce(scanner.url, { type: '_uscans._tcp.local', port: 443 })], { noise: true });
    const desk = await discoveringCore(responder.port);
    const { scanners, problems } = await call<{ scanners: ScannerInfo[]; problems: unknown[] }>(desk, 'scanners.list');
    expect(problems).toEqual([]);
    expect(scanners).toEqual([{ id: `escl:mdns-${UUID.toLowerCase()}`, backend: 'escl', name: 'Test eSCL Scanner 3000', sources: ['flatbed', 'feeder'], duplex: true, modes: ['lineart', 'grey', 'colour'], resolutions: [75, 150, 300, 600] }]);
    expect(scanner.requests).toContain('GET /eSCL/ScannerCapabilities');
    expect(responder.questions.slice(0, 2)).toEqual([
      { text: 'PTR _uscan._tcp.local', unicastResponse: true },
      { text: 'PTR _uscans._tcp.local', unicastResponse: true },
    ]);

    const { final, events } = await scanToEnd(desk, { scannerId: scanners[0]!.id, source: 'feeder', dpi: 75, mode: 'grey' });
    expect(final.state, JSON.stringify(final.error)).toBe('done');
    expect(events.filter((event) => event.page)).toHaveLength(2);
    expect(scanner.jobs).toHaveLength(1);
    expect(checkPdf(documentFile(path.join(temp.dir, 'data'), final.document!))).toEqual({ qpdfOk: true, pages: 2 });
  });

  test('announced without its records: the browser asks for SRV, TXT and A itself; a scanner configured by hand is listed once', async () => {
    scanner = await startEsclServer();
    responder = await startMdnsResponder([announce(scanner.url, { txt: ['rs=/eSCL', 'ty=Máy quét tầng 1'] })], { additionals: false });
    const found = await browseEscl(udpTransport({ address: '127.0.0.1', port: responder.port }), { timeoutMs: 1500 });
    expect(found).toEqual([
      { instance: 'Máy quét tầng 1._uscan._tcp.local', secure: false, name: 'Máy quét tầng 1', uuid: null, url: scanner.url, formats: [], colourSpaces: [], inputSources: [], duplex: null },
    ]);
    expect(responder.questions.map((question) => question.text)).toEqual(
      expect.arrayContaining(['SRV Máy quét tầng 1._uscan._tcp.local', 'TXT Máy quét tầng 1._uscan._tcp.local', 'A may-quet-1.local']),
    );

    const desk = await discoveringCore(responder.port);
    await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-1', name: 'Quầy 1', url: scanner.url }] });
    const { scanners } = await call<{ scanners: ScannerInfo[] }>(desk, 'scanners.list');
    expect(scanners.map((item) => item.id)).toEqual(['escl:quay-1']);
  });

  test('the browse is short and cached: nobody answering costs one short wait, and a second list asks nobody', async () => {
    responder = await startMdnsResponder([]);
    const desk = await discoveringCore(responder.port, 400);
    const started = performance.now();
    expect(await call(desk, 'scanners.list')).toEqual({ scanners: [], problems: [] });
    const first = performance.now() - started;
    expect(first).toBeGreaterThanOrEqual(350);
    expect(first).toBeLessThan(2000);
    const asked = responder.questions.length;
    expect(asked).toBe(2);
    const again = performance.now();
    await call(desk, 'scanners.list');
    expect(performance.now() - again).toBeLessThan(200);
    expect(responder.questions).toHaveLength(asked);
  });
});
