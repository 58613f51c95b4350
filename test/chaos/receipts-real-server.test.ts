import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { makeTestCertificate, xmlsecVerifies } from '../../core/features/receipts/testing/certificates.ts';
import type { DailyReport, FeeQuote, Payment, Receipt } from '../../shared/contract/receipts.ts';
import type { DeadLetter } from '../../shared/contract/sync.ts';
import { callCore as call, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';

// Receipts against the real central server (PGlite) through the fault proxy: locally signed receipts are
// pushed and stored; the `server` provider is idempotent by the receipt id when answers are lost.
let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let now = Date.parse('2026-11-23T02:00:00Z');

beforeEach(async () => {
  central = await startCentralFixture();
  temp = makeTempDir();
  now = Date.now();
  core = createTestCore(temp.dir, { syncIntervalMs: 3_600_000, syncRequestTimeoutMs: 1_000, clock: { now: () => new Date(now) }, random: () => 0.5 });
  await central.enrol(core);
});
afterEach(async () => {
  core.stop();
  await central.close();
  temp.remove();
});

async function pay(): Promise<{ payment: Payment; receipt: Receipt }> {
  const dossier = await call<{ id: string }>(core, 'dossiers.intake', { procedureCode: '2.000884', applicant: { kind: 'citizen', fullName: 'Phạm Quốc Bảo', address: 'Hà Nội' } });
  const { total } = await call<FeeQuote>(core, 'fees.quote', { dossierId: dossier.id });
  return call(core, 'payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total });
}

const serverReceipts = () => central.server.sql.query<{ id: string; status: string; number: number; origin: string }>('SELECT id, status, number, origin FROM receipts ORDER BY number');

describe('local-signed receipts reach the central server', () => {
  test('pushed with the dossiers, stored once; a cancellation updates the stored copy', async () => {
    const cert = makeTestCertificate(path.join(temp.dir, 'cert'));
    expect(await central.trustSigner(cert.certFile)).toContain('trusted');
    await call(core, 'receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: cert.password } });
    const { receipt } = await pay();
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0, state: 'online' });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'issued', number: 1, origin: 'counter' }]);
    await call(core, 'receipts.cancel', { id: receipt.id, reason: 'Thu nhầm' });
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'cancelled', number: 1, origin: 'counter' }]);
  });
});

describe('the server checks what counters sign', () => {
  test('a certificate the administrator has not trusted: dead letter with the reason, the receipt kept; trusted, then retried through cut answers, it is stored once', async () => {
    const cert = makeTestCertificate(path.join(temp.dir, 'untrusted'), '/C=VN/O=UBND phuong Thu Nghiem/CN=Quay 1');
    await call(core, 'receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: cert.password } });
    const { receipt } = await pay();
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 1 });
    const { items } = await call<{ items: DeadLetter[] }>(core, 'sync.deadLetters', {});
    expect(items).toEqual([expect.objectContaining({ kind: 'receipt.issued', outcome: 'rejected', reasonCode: 'receipt-signer-untrusted' })]);
    expect(items[0]!.message).toContain('chưa được tin cậy');
    expect(await serverReceipts()).toEqual([]);
    // Nothing is lost at the counter: the signed receipt is still there, and xmlsec1 verifies it.
    const kept = await call<Receipt>(core, 'receipts.get', { id: receipt.id });
    const file = path.join(temp.dir, 'kept.xml');
    fs.writeFileSync(file, kept.xml ?? '');
    expect(xmlsecVerifies(file, cert.certFile)).toBe(true);

    await central.trustSigner(cert.certFile);
    // The first answers are cut after the server applied the batch: the retry must not store a second copy.
    central.proxy.severAll(); // new connections from here, so the chooser sees them
    const base = Object.values(central.proxy.stats()).reduce((sum, n) => sum + n, 0);
    central.proxy.setChooser((index) => (index < base + 2 ? { kind: 'cutResponse', afterBytes: 20 } : { kind: 'pass' }));
    await call(core, 'sync.retry', { ids: items.map((item) => item.id) });
    const cutBefore = central.proxy.stats().cutResponse;
    for (let round = 0; round < 5; round += 1) {
      now += 11 * 60_000;
      if ((await call<{ pending: number }>(core, 'sync.now')).pending === 0) break;
    }
    expect(central.proxy.stats().cutResponse).toBeGreaterThan(cutBefore);
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'issued', number: 1, origin: 'counter' }]);
    const stored = await central.server.sql.query<{ xml: string }>('SELECT xml FROM receipts WHERE id = $1', [receipt.id]);
    expect(stored[0]!.xml).toBe(kept.xml);
    // A replacement signed at the counter names the original in its XML (TTHDLQuan): checked and accepted.
    const { replacement } = await call<{ replacement: Receipt }>(core, 'receipts.replace', { id: receipt.id, reason: 'Sai tên người nộp', payerName: 'Phạm Quốc Bảo Anh' });
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(await serverReceipts()).toEqual([
      { id: receipt.id, status: 'replaced', number: 1, origin: 'counter' },
      { id: replacement.id, status: 'issued', number: 2, origin: 'counter' },
    ]);
  }, 30_000);
});

describe('the server provider', () => {
  beforeEach(async () => {
    await call(core, 'receipts.setSettings', { provider: 'server' });
  });

  test('online: the server issues at once under its certificate; xmlsec1 verifies it', async () => {
    const { receipt } = await pay();
    expect(receipt).toMatchObject({ provider: 'server', status: 'issued', number: 1, template: '1' });
    expect(receipt.symbol).toMatch(/^K\d{2}TSV$/);
    const file = path.join(temp.dir, 'server.xml');
    fs.writeFileSync(file, receipt.xml ?? '');
    expect(xmlsecVerifies(file, path.join(central.server.dataDir, 'receipt-signing', 'cert.pem'))).toBe(true);
    // Its cancellation travels back with the server's own XML: checked like any pushed receipt, and applied.
    await call(core, 'receipts.cancel', { id: receipt.id, reason: 'Thu nhầm' });
    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'cancelled', number: 1, origin: 'server' }]);
  });

  test('offline: a provisional receipt (no number) now, the official one when the network returns', async () => {
    await central.proxy.down();
    const { receipt } = await pay();
    expect(receipt).toMatchObject({ status: 'provisional', number: null, xml: null });
    const report = await call<DailyReport>(core, 'receipts.dailyReport', {});
    expect(report.provisional).toMatchObject({ count: 1 });
    await central.proxy.up();
    now += 11 * 60_000; // past any backoff
    expect(await core.receipts.issuePending()).toBe(1);
    expect(await call<Receipt>(core, 'receipts.get', { id: receipt.id })).toMatchObject({ status: 'issued', number: 1, provider: 'server' });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'issued', number: 1, origin: 'server' }]);
  });

  test('answers lost after the server issued (cut responses, timeouts): looked up before every retry, issued exactly once', async () => {
    // The first connections deliver the request but cut or stall the answer: the server has issued, the
    // counter does not know.
    central.proxy.severAll();
    const base = Object.values(central.proxy.stats()).reduce((sum, n) => sum + n, 0);
    // fetch (undici) itself resends a request whose connection died on a fresh connection, so the server sees
    // the same issue request several times: only its idempotency by id keeps that to one receipt.
    central.proxy.setChooser((index) => (index < base + 6 ? (index % 2 === 0 ? { kind: 'cutResponse', afterBytes: 20 } : { kind: 'delay', ms: 3_000 }) : { kind: 'pass' }));
    const { receipt } = await pay();
    expect(['provisional', 'issued']).toContain(receipt.status);
    for (let round = 0; round < 5; round += 1) {
      now += 11 * 60_000;
      await core.receipts.issuePending();
      if ((await call<Receipt>(core, 'receipts.get', { id: receipt.id })).status === 'issued') break;
    }
    const issued = await call<Receipt>(core, 'receipts.get', { id: receipt.id });
    expect(issued).toMatchObject({ status: 'issued', number: 1 });
    expect(await serverReceipts()).toEqual([{ id: receipt.id, status: 'issued', number: 1, origin: 'server' }]);
    const series = await central.server.sql.query<{ last_number: number }>('SELECT last_number FROM receipt_series');
    expect(series.map((row) => Number(row.last_number))).toEqual([1]);
    expect(central.proxy.stats().cutResponse + central.proxy.stats().delay).toBeGreaterThanOrEqual(1);
    // The next payment takes the next number: nothing was consumed twice.
    central.proxy.setFault({ kind: 'pass' });
    expect((await pay()).receipt).toMatchObject({ status: 'issued', number: 2 });
  }, 30_000);
});
