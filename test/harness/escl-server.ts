import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCanvas } from '@napi-rs/canvas';

/**
 * An eSCL (AirScan) scanner on 127.0.0.1:0, speaking the protocol as the Mopria eSCL specification
 * describes it: GET /eSCL/ScannerCapabilities (scan:ScannerCapabilities XML with Platen and Adf), GET
 * /eSCL/ScannerStatus, POST /eSCL/ScanJobs (scan:ScanSettings XML) → 201 Created with a Location header,
 * GET <job>/NextDocument → one page (image/jpeg) per call, 404 when the job has no more pages, 503 when
 * the scanner is busy (job creation) or the page is not ready yet, DELETE <job> to cancel; 409 when the
 * feeder is empty. Failure switches let a test make it busy or slow. With `tls` it speaks HTTPS only (`_uscans`).
 * `connections` counts TCP connections; `requests` only the requests that got through to HTTP.
 */
export type EsclServerOptions = Readonly<{
  /** Sheets in the feeder (each gives two pages when duplex). */
  feederSheets?: number;
  /** The first N job creations answer 503 (busy). */
  busyJobs?: number;
  /** Every page answers 503 (not ready) this many times before it is delivered. */
  notReadyPerPage?: number;
  /** Pages carry an EXIF orientation (6 = stored turned: the viewer must rotate 90° clockwise). */
  exifOrientation?: number;
  /** Milliseconds before each page is answered (so a cancel can land mid-job). */
  pageDelayMs?: number;
  /** Serve over HTTPS with this key and certificate (PEM), as `_uscans` devices do (test/harness/test-certificates.ts). */
  tls?: Readonly<{ key: string; cert: string }>;
  /** Listen on this port (a scanner that comes back with a new certificate keeps its address). */
  port?: number;
}>;

export type EsclJobRecord = { id: string; settings: string; delivered: number; deleted: boolean };

export type EsclServer = Readonly<{ url: string; port: number; jobs: EsclJobRecord[]; requests: string[]; connections: () => number; close(): Promise<void> }>;

const CAPABILITIES = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>Test eSCL Scanner 3000</pwg:MakeAndModel>
  <pwg:SerialNumber>TEST0001</pwg:SerialNumber>
  <scan:Platen><scan:PlatenInputCaps>${'SETTINGS'}</scan:PlatenInputCaps></scan:Platen>
  <scan:Adf>
    <scan:AdfSimplexInputCaps>${'SETTINGS'}</scan:AdfSimplexInputCaps>
    <scan:AdfDuplexInputCaps>${'SETTINGS'}</scan:AdfDuplexInputCaps>
    <scan:FeederCapacity>50</scan:FeederCapacity>
  </scan:Adf>
</scan:ScannerCapabilities>`.replaceAll(
  'SETTINGS',
  `<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
        <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt></scan:DocumentFormats>
        <scan:SupportedResolutions><scan:DiscreteResolutions>
          ${[75, 150, 300, 600].map((dpi) => `<scan:DiscreteResolution><scan:XResolution>${dpi}</scan:XResolution><scan:YResolution>${dpi}</scan:YResolution></scan:DiscreteResolution>`).join('')}
        </scan:DiscreteResolutions></scan:SupportedResolutions>
      </scan:SettingProfile></scan:SettingProfiles>`,
);

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`).exec(xml)?.[1];
}

const pageCache = new Map<string, Buffer>();

/** A4 at the job's resolution, landscape-stored when an EXIF orientation 6 says "turn me". Made once per kind. */
function pageJpeg(number: number, dpi: number, orientation: number | undefined): Buffer {
  const key = `${number % 3}/${dpi}/${orientation ?? 1}`;
  const cached = pageCache.get(key) ?? makePageJpeg(number % 3, dpi, orientation);
  pageCache.set(key, cached);
  return cached;
}

function makePageJpeg(number: number, dpi: number, orientation: number | undefined): Buffer {
  const [w, h] = [Math.round((210 / 25.4) * dpi), Math.round((297 / 25.4) * dpi)];
  const [cw, ch] = orientation === 6 ? [h, w] : [w, h];
  const canvas = createCanvas(cw, ch);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, cw, ch);
  context.fillStyle = '#222';
  for (let line = 0; line < 20 + number; line += 1) context.fillRect(cw * 0.1, ch * 0.1 + line * ch * 0.035, cw * (0.5 + ((line * 7) % 30) / 100), ch * 0.012);
  const jpeg = canvas.encodeSync('jpeg', 80);
  if (!orientation) return jpeg;
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

export async function startEsclServer(options: EsclServerOptions = {}): Promise<EsclServer> {
  const jobs: EsclJobRecord[] = [];
  const requests: string[] = [];
  let busyLeft = options.busyJobs ?? 0;
  let sheets = options.feederSheets ?? 3;
  const pending = new Map<string, { pages: number; notReady: number; dpi: number }>();

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  let connections = 0;
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  server.on('connection', () => (connections += 1));
  // A client that refuses the certificate hangs up mid-handshake: not the server's problem.
  server.on('tlsClientError', () => undefined);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://scanner');
    requests.push(`${req.method} ${url.pathname}`);
    const xml = (status: number, text: string) => res.writeHead(status, { 'content-type': 'text/xml' }).end(text);
    if (req.method === 'GET' && url.pathname === '/eSCL/ScannerCapabilities') return void xml(200, CAPABILITIES);
    if (req.method === 'GET' && url.pathname === '/eSCL/ScannerStatus') {
      const busy = [...pending.values()].some((job) => job.pages > 0);
      return void xml(200, `<?xml version="1.0"?><scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"><pwg:Version>2.63</pwg:Version><pwg:State>${busy ? 'Processing' : 'Idle'}</pwg:State><scan:AdfState>${sheets > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty'}</scan:AdfState></scan:ScannerStatus>`);
    }
    if (req.method === 'POST' && url.pathname === '/eSCL/ScanJobs') {
      if (busyLeft > 0) {
        busyLeft -= 1;
        return void res.writeHead(503, { 'retry-after': '1' }).end();
      }
      const feeder = tag(body, 'InputSource') === 'Feeder';
      const duplex = tag(body, 'Duplex') === 'true';
      const dpi = Number(tag(body, 'XResolution') ?? 300);
      if (feeder && sheets === 0) return void res.writeHead(409).end();
      const pages = feeder ? sheets * (duplex ? 2 : 1) : 1;
      if (feeder) sheets = 0;
      const id = randomUUID();
      jobs.push({ id, settings: body, delivered: 0, deleted: false });
      pending.set(id, { pages, notReady: options.notReadyPerPage ?? 0, dpi });
      return void res.writeHead(201, { location: `/eSCL/ScanJobs/${id}` }).end();
    }
    const job = /^\/eSCL\/ScanJobs\/([\w-]+)(\/NextDocument)?$/.exec(url.pathname);
    const record = jobs.find((candidate) => candidate.id === job?.[1]);
    if (job && record && req.method === 'DELETE' && !job[2]) {
      record.deleted = true;
      pending.delete(record.id);
      return void res.writeHead(200).end();
    }
    if (job && record && req.method === 'GET' && job[2]) {
      const state = pending.get(record.id);
      if (!state || state.pages === 0) return void res.writeHead(404).end();
      if (state.notReady > 0) {
        state.notReady -= 1;
        return void res.writeHead(503).end();
      }
      if (options.pageDelayMs) await new Promise((resolve) => setTimeout(resolve, options.pageDelayMs));
      if (!pending.has(record.id)) return void res.writeHead(404).end(); // deleted while waiting
      state.pages -= 1;
      state.notReady = options.notReadyPerPage ?? 0;
      record.delivered += 1;
      return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(pageJpeg(record.delivered, state.dpi, options.exifOrientation));
    }
    res.writeHead(404).end();
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/eSCL`,
    port,
    jobs,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
