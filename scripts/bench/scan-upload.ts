// Scan upload throughput (issue 5 target: ≥ 80 % of raw loopback), both measured in the same run: the same
// bytes written over a plain TCP connection to a process that discards them, then uploaded by the counter's
// sync (POST, PATCH chunks with Upload-Offset, SHA-256 verified by the server) to the real central server.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { createNodeHttpClient } from '../../core/adapters/node-http-client.ts';
import type { Core } from '../../core/app/create-core.ts';
import type { HttpClient } from '../../core/ports/http-client.ts';
import { CENTRAL_PATHS } from '../../shared/contract/central-api.ts';
import { ms } from './measure.ts';

type Unwrap = <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) => Promise<T>;

/** A scanned A4 page as a PDF around one large noisy JPEG (kept byte for byte by documents.import). */
async function scannedPdf(seed: number, bytesWanted: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytesWanted / 1.6));
  const canvas = createCanvas(side, side);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(side, side);
  let state = seed >>> 0;
  for (let i = 0; i < pixels.data.length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    pixels.data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  context.putImageData(pixels, 0, 0);
  const jpeg = canvas.encodeSync('jpeg', 92);
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.image(jpeg, 0, 0, { fit: [595, 842] });
  doc.end();
  await done;
  return Buffer.concat(parts);
}

/** A process on 127.0.0.1 that takes one file per connection, discarding it or writing it to disk and syncing. */
const SINK = {
  discard: "require('net').createServer((s)=>{s.resume();s.on('end',()=>s.end('ok'))}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})",
  durable:
    "const fs=require('fs'),p=require('path'),d=fs.mkdtempSync(p.join(require('os').tmpdir(),'sink-'));let n=0;process.on('SIGTERM',()=>{fs.rmSync(d,{recursive:true,force:true});process.exit(0)});" +
    "require('net').createServer((s)=>{const fd=fs.openSync(p.join(d,String(n++)),'w');s.on('data',(b)=>fs.writeSync(fd,b));s.on('end',()=>{fs.fsyncSync(fd);fs.closeSync(fd);s.end('ok')})}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})",
  // What the upload protocol asks of the two ends at the least: the sender hashes what it sends (its copy is
  // checked), the receiver hashes what it writes, writes and syncs it, and compares with the 64 hex digits
  // that come first. No HTTP, no database, no resuming.
  verified:
    "const fs=require('fs'),p=require('path'),c=require('crypto'),d=fs.mkdtempSync(p.join(require('os').tmpdir(),'sink-'));let n=0;process.on('SIGTERM',()=>{fs.rmSync(d,{recursive:true,force:true});process.exit(0)});" +
    "require('net').createServer((s)=>{const fd=fs.openSync(p.join(d,String(n++)),'w'),h=c.createHash('sha256');let head=Buffer.alloc(0);s.on('data',(b)=>{if(head.length<64){const t=64-head.length;head=Buffer.concat([head,b.subarray(0,t)]);b=b.subarray(t)}h.update(b);fs.writeSync(fd,b)});s.on('end',()=>{fs.fsyncSync(fd);fs.closeSync(fd);s.end(h.digest('hex')===head.toString()?'ok':'bad')})}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})",
};

/**
 * MB/s of plain TCP writes of `files` (one connection each, in turn) to another process on 127.0.0.1: the
 * `discard` sink reads and drops the bytes (the wire alone); the `durable` sink writes each file and syncs it to
 * disk before answering (the least any receiver that keeps a file safely must do); the `verified` one also
 * checks a SHA-256 the sender computed, as the upload protocol does.
 */
async function rawLoopback(files: readonly Buffer[], sink: keyof typeof SINK): Promise<number> {
  const child = spawn(process.execPath, ['-e', SINK[sink]], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (line: Buffer) => resolve(Number(String(line).trim()))));
    const start = performance.now();
    for (const file of files) {
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port }, () => {
          if (sink === 'verified') socket.write(createHash('sha256').update(file).digest('hex'));
          socket.end(file);
        });
        socket.on('data', (answer) => (String(answer) === 'ok' ? resolve() : reject(new Error(`the ${sink} sink answered ${String(answer)}`))));
        socket.on('error', reject);
      });
    }
    return files.reduce((sum, file) => sum + file.length, 0) / 1e6 / ((performance.now() - start) / 1000);
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * The counter's real HTTP client, noting when the first upload request left and the last upload answer came
 * back: the upload's own window, without the dossier changes the same sync round pushes first (a scan is
 * sent only once the server holds its dossier's latest version).
 */
export function createUploadClock(): Readonly<{ http: HttpClient; reset(): void; windowMs(): number }> {
  const inner = createNodeHttpClient();
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  return {
    http: {
      async request(request) {
        const isUpload = new URL(request.url).pathname.includes(CENTRAL_PATHS.uploads);
        if (isUpload) first = Math.min(first, performance.now());
        try {
          return await inner.request(request);
        } finally {
          if (isUpload) last = Math.max(last, performance.now());
        }
      },
    },
    reset() {
      first = Number.POSITIVE_INFINITY;
      last = 0;
    },
    windowMs: () => last - first,
  };
}

export async function benchScanUpload(
  core: Core,
  unwrap: Unwrap,
  counterDir: string,
  clock: ReturnType<typeof createUploadClock>,
  options: Readonly<{ files: number; megabytesEach: number }>,
): Promise<void> {
  const drop = path.join(counterDir, 'import');
  fs.mkdirSync(drop, { recursive: true });
  const dossiers: string[] = [];
  for (let index = 0; index < options.files; index += 1) {
    const dossier = await unwrap<{ id: string }>(core.dispatch('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An' }, papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }] }));
    dossiers.push(dossier.id);
  }
  // The dossiers reach the server first (a scan is uploaded once the server has its dossier); the core is not
  // started, so nothing moves between calls and only the scans' own drain is timed.
  await unwrap(core.dispatch('sync.now', {}));
  let total = 0;
  const shas: string[] = [];
  const files: Buffer[] = [];
  for (const [index, dossierId] of dossiers.entries()) {
    const file = path.join(drop, `ho-so-${index}.pdf`);
    files.push(await scannedPdf(index + 1, options.megabytesEach * 1e6));
    fs.writeFileSync(file, files.at(-1)!);
    const document = await unwrap<{ sha256: string; size: number }>(core.dispatch('documents.import', { paths: [file], dossierId, paperIndex: 0 }));
    total += document.size;
    shas.push(document.sha256);
  }
  clock.reset();
  const start = performance.now();
  let left = shas.length;
  while (left > 0 && performance.now() - start < 300_000) {
    await unwrap(core.dispatch('sync.now', {}));
    const states = await Promise.all(shas.map((sha256) => unwrap<{ confirmedAt: string | null }>(core.dispatch('documents.get', { sha256 }))));
    left = states.filter((state) => state.confirmedAt === null).length;
  }
  const seconds = (performance.now() - start) / 1000;
  const upload = total / 1e6 / (clock.windowMs() / 1000);
  const raw = await rawLoopback(files, 'discard');
  const durable = await rawLoopback(files, 'durable');
  const verified = await rawLoopback(files, 'verified');
  const share = (of: number) => `${((upload / of) * 100).toFixed(0)} %`;
  console.log(`scan upload: ${options.files} files, ${(total / 1e6).toFixed(1)} MB, first upload request to last answer ${ms(clock.windowMs())} → ${upload.toFixed(1)} MB/s${left > 0 ? `; ${left} NOT CONFIRMED` : ''}`);
  console.log(`  (the sync rounds that carried them, with the dossier changes pushed first: ${ms(seconds * 1000)} → ${(total / 1e6 / seconds).toFixed(1)} MB/s)`);
  console.log(`  raw loopback, same bytes, a connection per file, in turn:`);
  console.log(`    discarded by the receiver       ${raw.toFixed(1).padStart(7)} MB/s → upload is ${share(raw)} of it (issue 5 target ≥ 80 %)`);
  console.log(`    written and synced to disk      ${durable.toFixed(1).padStart(7)} MB/s → upload is ${share(durable)} of it`);
  console.log(`    + SHA-256 at both ends, checked ${verified.toFixed(1).padStart(7)} MB/s → upload is ${share(verified)} of it (the least the protocol asks)`);
}
