import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CENTRAL_PATHS, PushResponseSchema, type PushResult } from '../../shared/contract/central-api.ts';
import type { Receipt } from '../../shared/contract/receipts.ts';
import { buildInvoiceXml, type RelatedInvoice } from '../../shared/domain/receipts/invoice-xml.ts';
import { COMMANDS } from '../admin/commands.ts';
import { loadOrCreateSigningKey, signXml, type ServerSigningKey } from '../features/receipts/signing.ts';
import { readSigningCertificate } from '../features/receipts/verify-signed-xml.ts';
import type { EnrolledCounter, TestServer } from './harness.ts';

/** A receipt signed in the counter's XMLDSig profile with `key` (the server's signer makes the same profile). */
export function makeSignedReceipt(key: ServerSigningKey, agencyCode: string, number: number, overrides: Partial<Receipt> = {}, related: RelatedInvoice | null = null): Receipt {
  const id = randomUUID();
  const base: Receipt = {
    id,
    version: 1,
    provider: 'local-signed',
    status: 'issued',
    dossierId: randomUUID(),
    dossierCode: `${agencyCode}-261123-${String(number).padStart(4, '0')}`,
    paymentId: randomUUID(),
    agencyCode,
    template: '1',
    symbol: 'K26TQ1',
    number,
    // A moment after now: the test certificates are made just before and are valid from their creation.
    issuedAt: new Date(Date.now() + 2_000).toISOString(),
    method: 'cash',
    amount: 19_000,
    payerName: 'Phạm Quốc Bảo',
    lines: [
      { name: 'Lệ phí đăng ký tạm trú', unit: 'hồ sơ', quantity: 1, amount: 15_000, exemptReason: null },
      { name: 'Phí sao y', unit: 'trang', quantity: 2, amount: 4_000, exemptReason: null },
    ],
    lookupCode: `QK${String(number).padStart(8, '7')}`,
    replaces: null,
    replacedBy: null,
    cancelledAt: null,
    cancelReason: null,
    xml: null,
  };
  const receipt = { ...base, ...overrides, id };
  const dataId = `DL-${id}`;
  const xml = buildInvoiceXml({
    dataId,
    title: 'Biên lai thu phí, lệ phí',
    template: receipt.template!,
    symbol: receipt.symbol!,
    number: receipt.number!,
    date: receipt.issuedAt.slice(0, 10),
    method: receipt.method,
    seller: { name: 'UBND phường Ba Đình', taxCode: '', address: '' },
    buyer: { name: receipt.payerName, address: 'Hà Nội', reference: receipt.dossierCode },
    lines: receipt.lines,
    total: receipt.amount,
    lookupCode: receipt.lookupCode,
    related,
  });
  return { ...receipt, xml: signXml(xml, dataId, key) };
}

/** Pushed receipts are checked (signature, facts, trust) before anything is stored: part of the API suite. */
export function defineReceiptTrustTests(get: () => { t: TestServer; a1: EnrolledCounter; a2: EnrolledCounter; b1: EnrolledCounter; agencyA: string; agencyB: string }): void {
  const keys = new Map<string, ServerSigningKey>();
  const keyOf = (t: TestServer, name: string) => {
    if (!keys.has(name)) keys.set(name, loadOrCreateSigningKey(path.join(t.dataDir, 'test-signers', name), `Quay ${name}`));
    return keys.get(name)!;
  };
  const certFileOf = (t: TestServer, name: string) => path.join(t.dataDir, 'test-signers', name, 'receipt-signing', 'cert.pem');
  const admin = async (t: TestServer, ...args: string[]) => {
    const lines: string[] = [];
    await COMMANDS[`${args[0]} ${args[1]}`]!(t.sql, args.slice(2), { out: (line) => lines.push(line), readPassword: () => Promise.resolve('') });
    return lines.join('\n');
  };
  const pushReceipt = async (t: TestServer, counter: EnrolledCounter, receipt: Receipt, kind: 'receipt.issued' | 'receipt.cancelled' = 'receipt.issued'): Promise<PushResult> => {
    const answer = await t.request(CENTRAL_PATHS.push, { token: counter.credential, json: { items: [{ jobId: randomUUID(), kind, receipt }] } });
    expect(answer.status).toBe(200);
    return PushResponseSchema.parse(answer.body).results[0]!;
  };
  const stored = async (t: TestServer, id: string) => (await t.sql.query<{ status: string; number: number }>('SELECT status, number FROM receipts WHERE id = $1', [id]))[0] ?? null;

  it('refuses a receipt signed with a certificate nobody trusted, then accepts it once the administrator trusts it', async () => {
    const { t, a1, agencyA } = get();
    const key = keyOf(t, 'a1');
    const receipt = makeSignedReceipt(key, agencyA, 1);
    const refused = await pushReceipt(t, a1, receipt);
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'receipt-signer-untrusted' });
    expect(refused.message).toContain('chưa được tin cậy');
    expect(refused.message).toContain('not trusted for this agency');
    expect(await stored(t, receipt.id)).toBeNull();

    const certFile = certFileOf(t, 'a1');
    expect(await admin(t, 'signer', 'trust', agencyA, certFile)).toContain(readSigningCertificate(fs.readFileSync(certFile)).fingerprint);
    expect(await pushReceipt(t, a1, receipt)).toMatchObject({ outcome: 'applied' });
    expect(await stored(t, receipt.id)).toEqual({ status: 'issued', number: 1 });
    // Trusted for the agency: its other counter may sign with it too; another agency may not.
    expect(await pushReceipt(t, get().a2, makeSignedReceipt(key, agencyA, 2, { symbol: 'K26TQ2' }))).toMatchObject({ outcome: 'applied' });
    expect(await pushReceipt(t, get().b1, makeSignedReceipt(key, get().agencyB, 1))).toMatchObject({ outcome: 'rejected', code: 'receipt-signer-untrusted' });
  });

  it('refuses one changed byte of the signed XML, and a record whose facts differ from the signed ones', async () => {
    const { t, a1, agencyA } = get();
    const receipt = makeSignedReceipt(keyOf(t, 'a1'), agencyA, 3);
    const tampered = { ...receipt, xml: receipt.xml!.replace('<TgTTTBSo>19000', '<TgTTTBSo>19001') };
    expect(await pushReceipt(t, a1, tampered)).toMatchObject({ outcome: 'rejected', code: 'receipt-signature-invalid' });
    const mismatch = { ...receipt, amount: 1_900 };
    const refused = await pushReceipt(t, a1, mismatch);
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'receipt-xml-mismatch' });
    expect(refused.message).toMatch(/amount/);
    expect(await pushReceipt(t, a1, { ...receipt, xml: null })).toMatchObject({ outcome: 'rejected', code: 'receipt-signature-invalid' });
    expect(await stored(t, receipt.id)).toBeNull();
    expect(await pushReceipt(t, a1, receipt)).toMatchObject({ outcome: 'applied' });
  });

  it('a replacement names in its signed XML the receipt it replaces; the record cannot claim another one', async () => {
    const { t, a1, agencyA } = get();
    const key = keyOf(t, 'a1');
    const original = makeSignedReceipt(key, agencyA, 20);
    expect(await pushReceipt(t, a1, original)).toMatchObject({ outcome: 'applied' });
    const names = (number: number): RelatedInvoice => ({ kind: 'replacement', template: '1', symbol: 'K26TQ1', number, date: original.issuedAt.slice(0, 10), reason: 'Sai tên người nộp' });
    const wrongOne = makeSignedReceipt(key, agencyA, 21, { replaces: original.id }, names(19));
    const refused = await pushReceipt(t, a1, wrongOne);
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'receipt-xml-mismatch' });
    expect(refused.message).toContain('replaces');
    const unsaid = makeSignedReceipt(key, agencyA, 21, { replaces: original.id });
    expect(await pushReceipt(t, a1, unsaid)).toMatchObject({ outcome: 'rejected', code: 'receipt-xml-mismatch' });
    expect(await pushReceipt(t, a1, makeSignedReceipt(key, agencyA, 21, { replaces: original.id }, names(20)))).toMatchObject({ outcome: 'applied' });
  });

  it('after a revocation new receipts are refused, while the cancellation of one accepted before still goes through', async () => {
    const { t, a1, agencyA } = get();
    const key = keyOf(t, 'a1');
    const accepted = makeSignedReceipt(key, agencyA, 4);
    expect(await pushReceipt(t, a1, accepted)).toMatchObject({ outcome: 'applied' });
    const fingerprint = readSigningCertificate(key.certPem).fingerprint;
    expect(await admin(t, 'signer', 'revoke', agencyA, fingerprint)).toContain('revoked');
    expect(await pushReceipt(t, a1, makeSignedReceipt(key, agencyA, 5))).toMatchObject({ outcome: 'rejected', code: 'receipt-signer-untrusted' });
    const cancelled = { ...accepted, version: 2, status: 'cancelled' as const, cancelledAt: new Date().toISOString(), cancelReason: 'Thu nhầm' };
    expect(await pushReceipt(t, a1, cancelled, 'receipt.cancelled')).toMatchObject({ outcome: 'applied' });
    expect(await stored(t, accepted.id)).toEqual({ status: 'cancelled', number: 4 });
    expect(await admin(t, 'signer', 'list', agencyA)).toMatch(/revoked/);
    await admin(t, 'signer', 'trust', agencyA, certFileOf(t, 'a1'));
  });

  it('trust on first use (off by default) pins each counter’s first certificate; another one needs the administrator', async () => {
    const { t, b1, agencyB } = get();
    expect(await pushReceipt(t, b1, makeSignedReceipt(keyOf(t, 'b1'), agencyB, 10))).toMatchObject({ outcome: 'rejected', code: 'receipt-signer-untrusted' });
    expect(await admin(t, 'signer', 'first-use', agencyB, 'on')).toContain('on');
    expect(await pushReceipt(t, b1, makeSignedReceipt(keyOf(t, 'b1'), agencyB, 11))).toMatchObject({ outcome: 'applied' });
    expect(await pushReceipt(t, b1, makeSignedReceipt(keyOf(t, 'b1-second'), agencyB, 12))).toMatchObject({ outcome: 'rejected', code: 'receipt-signer-untrusted' });
    expect(await pushReceipt(t, b1, makeSignedReceipt(keyOf(t, 'b1'), agencyB, 13))).toMatchObject({ outcome: 'applied' });
    expect(await admin(t, 'signer', 'list', agencyB)).toMatch(/first use/);
    await admin(t, 'signer', 'first-use', agencyB, 'off');
    await expect(admin(t, 'signer', 'trust', agencyB, certFileOf(t, 'b1').replace('cert.pem', 'key.pem'))).rejects.toThrow(/not an RSA/);
  });
}
