import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { DailyReport, FeeQuote, Payment, Receipt } from '../../../shared/contract/receipts.ts';
import { parseVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';
import { xmlsecVerifies, type TestCertificate } from './testing/certificates.ts';
import { callOn, failureCode, setUpLocalSigning } from './testing/local-signing.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let cert: TestCertificate;

const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
const failure = (method: string, input: unknown) => failureCode(core, method, input);

const intake = (procedureCode: string) =>
  call<Dossier>('dossiers.intake', { procedureCode, applicant: { kind: 'citizen', fullName: 'Nguyễn Thị Lan', idNumber: '001190012345', address: '12 Hàng Bạc, Hoàn Kiếm' }, papers: [{ name: 'Tờ khai', form: 'original', count: 1 }] });
const record = (dossier: Dossier, amount: number, extra: Record<string, unknown> = {}) =>
  call<{ payment: Payment; receipt: Receipt }>('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount, ...extra });
const outboxKinds = () => (core.storage.db().prepare('SELECT kind FROM outbox ORDER BY rowid').all() as { kind: string }[]).map((row) => row.kind);

function writeXml(name: string, xml: string): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

beforeEach(async () => {
  temp = makeTempDir();
  core = createTestCore(temp.dir, { clock: { now: () => new Date('2026-11-23T02:00:00Z') } });
  cert = await setUpLocalSigning(core, temp.dir);
});
afterEach(() => {
  core.stop();
  temp.remove();
});

describe('fees.quote', () => {
  test('per-page tiers need the page count; tiers, copies, exemptions and extra services add up', async () => {
    await call('fees.setSettings', { services: [{ id: 'photocopy', name: 'Photo tài liệu', amount: 500, unit: 'trang' }] });
    const dossier = await intake('2.000815'); // chứng thực bản sao: 2 000 đ/page for pages 1–2, 1 000 đ from page 3, cap 200 000 đ a copy
    const bare = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    expect(bare.missing).toEqual(['phi-chung-thuc-ban-sao:quantity']);
    const priced = await call<FeeQuote>('fees.quote', { dossierId: dossier.id, quantities: [{ feeId: 'phi-chung-thuc-ban-sao', quantity: 5, copies: 2 }], services: [{ serviceId: 'photocopy', quantity: 10 }] });
    expect(priced.lines.map((line) => [line.id, line.quantity, line.amount])).toEqual([
      ['phi-chung-thuc-ban-sao', 10, 14_000], // (2 × 2 000 + 3 × 1 000) × 2 copies
      ['service:photocopy', 10, 5_000],
    ]);
    expect(priced).toMatchObject({ total: 19_000, missing: [], vietqr: null });
    const capped = await call<FeeQuote>('fees.quote', { dossierId: dossier.id, quantities: [{ feeId: 'phi-chung-thuc-ban-sao', quantity: 500 }] });
    expect(capped.total).toBe(200_000);
    const exempt = await call<FeeQuote>('fees.quote', { dossierId: dossier.id, exemptions: [{ feeId: 'phi-chung-thuc-ban-sao', reason: 'Người có công với cách mạng' }] });
    expect(exempt).toMatchObject({ total: 0, missing: [], lines: [{ amount: 0, exemptReason: 'Người có công với cách mạng' }] });
    expect(await failure('fees.quote', { dossierId: dossier.id, exemptions: [{ feeId: 'khong-co', reason: 'nhầm' }] })).toBe('invalid-input');
  });

  test('with a bank account the quote carries the dynamic VietQR: amount, dossier code as purpose', async () => {
    await call('printing.setFormValues', { bank: { bin: '970436', account: '0071000123456', accountName: 'UBND PHUONG HOAN KIEM' } });
    const dossier = await intake('2.000884');
    const quote = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    const parsed = parseVietQr(quote.vietqr ?? '');
    expect(parsed).toMatchObject({ ok: true, qr: { method: 'dynamic', amount: quote.total, purpose: dossier.code, bin: '970436' } });
  });
});

describe('payments.record and local-signed receipts', () => {
  test('cash: change computed; the receipt is numbered, signed, verifiable by xmlsec1, and queued for sync in the same commit', async () => {
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    const { payment, receipt } = await record(dossier, total, { received: 50_000 });
    expect(payment).toMatchObject({ method: 'cash', amount: total, received: 50_000, change: 50_000 - total, payerName: 'Nguyễn Thị Lan' });
    expect(receipt).toMatchObject({ status: 'issued', provider: 'local-signed', template: '1', symbol: 'K26TQ2', number: 1, amount: total });
    expect(receipt.xml).toContain(`<SHDon>1</SHDon>`);
    expect(receipt.xml).toContain('<KHHDon>K26TQ2</KHHDon>');
    expect(receipt.xml).toContain(`<Reference URI="#DL-${receipt.id}">`);
    expect(xmlsecVerifies(writeXml('r1.xml', receipt.xml ?? ''), cert.certFile)).toBe(true);
    expect(outboxKinds()).toEqual(['dossier.upserted', 'receipt.issued']);
    const audit = await call<{ entries: { action: string }[] }>('audit.timeline', { entity: 'dossier', entityId: dossier.id });
    expect(audit.entries.map((entry) => entry.action)).toContain('receipt.issued');
  });

  test('a repeated call with the same clientTxId records one payment and one receipt', async () => {
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    const input = { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total };
    const first = await call<{ receipt: Receipt }>('payments.record', input);
    const second = await call<{ receipt: Receipt }>('payments.record', input);
    expect(second.receipt.id).toBe(first.receipt.id);
    expect((await call<{ payments: Payment[] }>('payments.list', { dossierId: dossier.id })).payments).toHaveLength(1);
  });

  test('wrong amount, too little cash, transfer without a bank account are refused and use no number', async () => {
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    expect(await failure('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total + 1 })).toBe('invalid-input');
    expect(await failure('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total, received: total - 1 })).toBe('invalid-input');
    expect(await failure('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'transfer', amount: total })).toBe('bank-account-missing');
    expect((await record(dossier, total)).receipt.number).toBe(1);
  });

  test('a signer that fails rolls the whole payment back: no number is lost', async () => {
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    await call('receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: 'wrong' } });
    expect(await failure('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total })).toBe('signer-unavailable');
    expect((await call<{ payments: Payment[] }>('payments.list', {})).payments).toHaveLength(0);
    await call('receipts.setSettings', { signer: { kind: 'pkcs12', file: cert.p12, password: cert.password } });
    expect((await record(dossier, total)).receipt.number).toBe(1);
  });

  test('transfer by VietQR; cancel keeps the original; reissue and replace take new numbers; the daily report adds up', async () => {
    await call('printing.setFormValues', { bank: { bin: '970436', account: '0071000123456', accountName: '' } });
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    const cash = await record(dossier, total);
    const transfer = await record(dossier, total, { method: 'transfer', bankReference: 'FT2632700001' });
    expect(parseVietQr(transfer.payment.vietqr ?? '')).toMatchObject({ ok: true, qr: { amount: total, purpose: dossier.code } });

    const cancelled = await call<Receipt>('receipts.cancel', { id: cash.receipt.id, reason: 'Thu nhầm người nộp' });
    expect(cancelled).toMatchObject({ status: 'cancelled', number: 1, cancelReason: 'Thu nhầm người nộp', xml: cash.receipt.xml });
    expect(await failure('receipts.cancel', { id: cash.receipt.id, reason: 'lần hai' })).toBe('invalid-state');
    const reissued = await call<Receipt>('receipts.issue', { paymentId: cash.payment.id });
    expect(reissued.number).toBe(3);

    const { original, replacement } = await call<{ original: Receipt; replacement: Receipt }>('receipts.replace', { id: transfer.receipt.id, reason: 'Sai tên người nộp', payerName: 'Nguyễn Thị Lan Anh' });
    expect(original).toMatchObject({ status: 'replaced', number: 2, replacedBy: replacement.id, xml: transfer.receipt.xml });
    expect(replacement).toMatchObject({ status: 'issued', number: 4, replaces: original.id, payerName: 'Nguyễn Thị Lan Anh' });
    expect(replacement.xml).toContain('<TTHDLQuan><TCHDon>1</TCHDon><LHDCLQuan>1</LHDCLQuan><KHMSHDCLQuan>1</KHMSHDCLQuan><KHHDCLQuan>K26TQ2</KHHDCLQuan><SHDCLQuan>2</SHDCLQuan>');
    expect(xmlsecVerifies(writeXml('r4.xml', replacement.xml ?? ''), cert.certFile)).toBe(true);

    const report = await call<DailyReport>('receipts.dailyReport', { date: '2026-11-23' });
    expect(report.series).toEqual([{ template: '1', symbol: 'K26TQ2', count: 2, total: 2 * total, first: 3, last: 4 }]);
    expect(report.methods).toEqual([
      { method: 'cash', count: 1, total },
      { method: 'transfer', count: 1, total },
    ]);
    expect(report.cancelled.map((c) => [c.number, c.status])).toEqual([
      [1, 'cancelled'],
      [2, 'replaced'],
    ]);
    expect(report.total).toEqual({ count: 2, total: 2 * total });
    expect(outboxKinds().filter((kind) => kind.startsWith('receipt.'))).toEqual(['receipt.issued', 'receipt.issued', 'receipt.cancelled', 'receipt.issued', 'receipt.issued', 'receipt.cancelled']);
  });

  test('receipts are never deleted and their numbers never change', async () => {
    const dossier = await intake('2.000884');
    const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
    const { receipt } = await record(dossier, total);
    const db = core.storage.db();
    expect(() => db.prepare('DELETE FROM receipts WHERE id = ?').run(receipt.id)).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE receipts SET number = 7 WHERE id = ?').run(receipt.id)).toThrow(/never changes/);
  });
});
