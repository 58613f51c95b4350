import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { FeeQuote } from '../../../shared/contract/receipts.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { makeTestCertificate, xmlsecVerifies } from './testing/certificates.ts';
import { callOn } from './testing/local-signing.ts';

const TARGET = 1000;
const CHILD = path.resolve(import.meta.dirname, '../../../test/harness/receipt-issue-loop.ts');

let temp: ReturnType<typeof makeTempDir>;
let dossierId = '';
let amount = 0;

beforeAll(async () => {
  temp = makeTempDir();
  const cert = makeTestCertificate(path.join(temp.dir, 'cert'));
  fs.writeFileSync(path.join(temp.dir, 'cert.path'), cert.certFile);
  const core = createTestCore(temp.dir);
  const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
  await call('settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
  await call('receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: cert.password } });
  const dossier = await call<Dossier>('dossiers.intake', { procedureCode: '2.000884', applicant: { kind: 'citizen', fullName: 'Lê Văn Bình' } });
  dossierId = dossier.id;
  amount = (await call<FeeQuote>('fees.quote', { dossierId })).total;
  core.stop();
});
afterAll(() => temp.remove());

/** Runs the child until it exits or is killed `afterMs` after it said it was ready (null: never killed). */
function runChild(afterMs: number | null, crashRate: number): Promise<{ code: number | null; signal: string | null; numbers: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, temp.dir, dossierId, String(amount), String(TARGET)], { env: { ...process.env, CRASH_RATE: String(crashRate) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const numbers: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && afterMs !== null) setTimeout(() => child.kill('SIGKILL'), afterMs);
        else if (/^\d+$/.test(line)) numbers.push(Number(line));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== null && code !== 0) reject(new Error(`child failed (${code}): ${stderr.slice(0, 500)}`));
      else resolve({ code, signal, numbers });
    });
  });
}

test(`numbering under kill -9 at random points of ${TARGET} issues: no gap, no duplicate`, async () => {
  const reported: number[] = [];
  let kills = 0;
  for (let round = 0; round < 400; round += 1) {
    // Outside kills at any moment, plus the child killing itself inside the transaction after the number was
    // taken (while signing) — the crash between numbering and commit.
    const result = await runChild(100 + Math.floor(Math.random() * 900), 0.004);
    reported.push(...result.numbers);
    if (result.signal === 'SIGKILL') kills += 1;
    if (result.code === 0) break;
  }
  const db = new Database(path.join(temp.dir, 'profiles', 'default.sqlite'), { readonly: true });
  const numbers = (db.prepare('SELECT number FROM receipts ORDER BY number').all() as { number: number }[]).map((row) => row.number);
  const series = db.prepare('SELECT last_number AS last FROM receipt_series').all() as { last: number }[];
  const orphans = db.prepare('SELECT count(*) AS n FROM payments WHERE id NOT IN (SELECT payment_id FROM receipts)').get() as { n: number };
  const jobs = db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'receipt.issued'`).get() as { n: number };
  const last = db.prepare('SELECT xml FROM receipts ORDER BY number DESC LIMIT 1').get() as { xml: string };
  db.close();

  expect(kills).toBeGreaterThanOrEqual(3);
  expect(numbers).toHaveLength(TARGET);
  expect(numbers).toEqual(Array.from({ length: TARGET }, (_, index) => index + 1)); // 1…1000: no gap, no duplicate
  expect(series).toEqual([{ last: TARGET }]); // the counter never ran ahead of what was stored
  expect(orphans.n).toBe(0); // no payment without its receipt
  expect(jobs.n).toBe(TARGET); // every receipt queued for the central server
  // Every number a child printed was committed (printed after commit) and is the stored one.
  expect(new Set(reported).size).toBe(reported.length);
  expect(reported.every((n) => n >= 1 && n <= TARGET)).toBe(true);
  const file = path.join(temp.dir, 'last.xml');
  fs.writeFileSync(file, last.xml);
  expect(xmlsecVerifies(file, fs.readFileSync(path.join(temp.dir, 'cert.path'), 'utf8'))).toBe(true);
}, 240_000);
