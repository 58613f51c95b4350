import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { buildInvoiceXml, type InvoiceData } from '../../../shared/domain/receipts/invoice-xml.ts';
import { loadOrCreateSigningKey, signXml, type ServerSigningKey } from './signing.ts';
import { checkSignedReceiptXml, factMismatches, readSigningCertificate } from './verify-signed-xml.ts';

const ID = '0194f1d2-0000-7000-8000-0000000000a1';

const DATA: InvoiceData = {
  dataId: `DL-${ID}`,
  title: 'Biên lai thu phí, lệ phí',
  template: '1',
  symbol: 'K26TAA',
  number: 105,
  date: '2026-11-23',
  method: 'cash',
  seller: { name: 'UBND phường Hoàn Kiếm', taxCode: '0101234567', address: '126 Hàng Trống' },
  buyer: { name: 'Trần Thị Ngọc Ánh & "Bình" <con>', address: 'Số 5 ngõ 12 Hàng Bạc', reference: '000.00.12.H12-261123-0001' },
  lines: [
    { name: 'Lệ phí đăng ký khai sinh', unit: 'hồ sơ', quantity: 1, amount: 0, exemptReason: 'Đăng ký đúng hạn' },
    { name: 'Phí cấp bản sao trích lục', unit: 'bản', quantity: 3, amount: 24_000, exemptReason: null },
  ],
  total: 24_000,
  lookupCode: 'K7M2QX9PA4',
};

const RECEIPT: Omit<Receipt, 'xml'> = {
  id: ID,
  version: 1,
  provider: 'local-signed',
  status: 'issued',
  dossierId: 'd-1',
  dossierCode: DATA.buyer.reference,
  paymentId: 'p-1',
  agencyCode: '000.00.12.H12',
  template: '1',
  symbol: 'K26TAA',
  number: 105,
  issuedAt: '2026-11-23T09:15:00+07:00',
  method: 'cash',
  amount: 24_000,
  payerName: DATA.buyer.name,
  lines: DATA.lines.map((line) => ({ ...line })),
  lookupCode: DATA.lookupCode,
  replaces: null,
  replacedBy: null,
  cancelledAt: null,
  cancelReason: null,
};

let dir: string;
let key: ServerSigningKey;
let other: ServerSigningKey;
let signed: string;

function xmlsecVerifies(xml: string, certPem: string): boolean {
  const file = path.join(dir, 'doc.xml');
  const cert = path.join(dir, 'cert-under-test.pem');
  fs.writeFileSync(file, xml);
  fs.writeFileSync(cert, certPem);
  try {
    execFileSync('xmlsec1', ['--verify', '--id-attr:Id', 'DLHDon', '--pubkey-cert-pem', cert, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-receipt-'));
  key = loadOrCreateSigningKey(path.join(dir, 'a'), 'Quay 1 UBND phuong Hoan Kiem');
  other = loadOrCreateSigningKey(path.join(dir, 'b'), 'Someone else');
  signed = signXml(buildInvoiceXml(DATA), DATA.dataId, key);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkSignedReceiptXml', () => {
  it('accepts a signed receipt, reads its facts from the signed data and names the certificate', () => {
    expect(xmlsecVerifies(signed, key.certPem)).toBe(true); // the independent verifier agrees it is valid
    const checked = checkSignedReceiptXml(signed, ID);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.facts).toMatchObject({ symbol: 'K26TAA', number: 105, amount: 24_000, buyerName: DATA.buyer.name, lookupCode: 'K7M2QX9PA4', method: 'cash', date: '2026-11-23' });
    expect(checked.facts.lines.map((line) => line.note)).toEqual(['Miễn: Đăng ký đúng hạn', null]);
    expect(checked.certificate.fingerprint).toBe(new X509Certificate(key.certPem).fingerprint256.replace(/:/g, '').toLowerCase());
    expect(factMismatches({ ...RECEIPT, xml: signed }, checked.facts)).toEqual([]);
  });

  it('refuses any changed byte of the signed data, and a changed signature value', () => {
    const start = signed.indexOf('<TTChung>');
    const end = signed.indexOf('</DLHDon>');
    const positions = [signed.indexOf('<SHDon>') + 7, signed.indexOf('<TgTTTBSo>') + 10, signed.indexOf('<KHHDon>') + 9, signed.indexOf('<MTCuu>') + 8];
    for (let at = start + 9; at < end; at += 37) positions.push(at);
    let refused = 0;
    for (const at of positions) {
      const original = signed.charAt(at);
      const replacement = /[0-9]/.test(original) ? String((Number(original) + 1) % 10) : /[a-z]/.test(original) ? (original === 'z' ? 'a' : String.fromCharCode(original.charCodeAt(0) + 1)) : original === 'X' ? 'Y' : 'X';
      const tampered = signed.slice(0, at) + replacement + signed.slice(at + 1);
      const checked = checkSignedReceiptXml(tampered, ID);
      expect(checked.ok, `character ${at - start} of the data changed (${original} → ${replacement})`).toBe(false);
      refused += 1;
    }
    expect(refused).toBeGreaterThan(20);
    const value = signed.indexOf('<SignatureValue>') + 20;
    const flipped = signed.slice(0, value) + (signed.charAt(value) === 'A' ? 'B' : 'A') + signed.slice(value + 1);
    expect(checkSignedReceiptXml(flipped, ID)).toMatchObject({ ok: false });
  });

  it('refuses a certificate in KeyInfo that is not the signing key’s', () => {
    const base64 = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const swapped = signed.replace(base64(key.certPem), base64(other.certPem));
    expect(swapped).not.toBe(signed);
    expect(checkSignedReceiptXml(swapped, ID)).toMatchObject({ ok: false, reason: expect.stringContaining('does not verify') });
  });

  it('refuses another receipt’s id, a second data copy, a DOCTYPE, a comment and a weaker profile', () => {
    expect(checkSignedReceiptXml(signed, '0194f1d2-0000-7000-8000-0000000000a2')).toMatchObject({ ok: false, reason: expect.stringContaining('Id must be') });
    const dataCopy = signed.slice(signed.indexOf('<DLHDon'), signed.indexOf('</DLHDon>') + 9).replace(`Id="${DATA.dataId}"`, 'Id="DL-x"').replace('<TgTTTBSo>24000', '<TgTTTBSo>1');
    expect(checkSignedReceiptXml(signed.replace('<DSCKS>', `${dataCopy}<DSCKS>`), ID)).toMatchObject({ ok: false, reason: expect.stringContaining('nothing else') });
    expect(checkSignedReceiptXml(signed.replace('<HDon>', '<!DOCTYPE HDon [<!ENTITY x "y">]><HDon>'), ID)).toMatchObject({ ok: false });
    expect(checkSignedReceiptXml(signed.replace('<NMua>', '<!-- c --><NMua>'), ID)).toMatchObject({ ok: false });
    expect(checkSignedReceiptXml(signed.replace('xmldsig-more#rsa-sha256', 'xmldsig#rsa-sha1'), ID)).toMatchObject({ ok: false, reason: expect.stringContaining('SignatureMethod') });
    expect(checkSignedReceiptXml('not xml at all', ID)).toMatchObject({ ok: false });
  });

  it('lists every fact where the record differs from what was signed', () => {
    const checked = checkSignedReceiptXml(signed, ID);
    if (!checked.ok) throw new Error(checked.reason);
    expect(factMismatches({ ...RECEIPT, amount: 240_000, xml: signed }, checked.facts)).toEqual(['amount']);
    expect(factMismatches({ ...RECEIPT, number: 106, payerName: 'Người khác', xml: signed }, checked.facts)).toEqual(['number', 'payerName']);
    const lines = RECEIPT.lines.map((line, index) => (index === 1 ? { ...line, amount: 1 } : line));
    expect(factMismatches({ ...RECEIPT, lines, xml: signed }, checked.facts)).toEqual(['lines[1]']);
    expect(factMismatches({ ...RECEIPT, replaces: '0194f1d2-0000-7000-8000-0000000000a0', xml: signed }, checked.facts)).toEqual(['replaces']);
    const replacement = signXml(buildInvoiceXml({ ...DATA, related: { kind: 'replacement', template: '1', symbol: 'K26TAA', number: 104, date: '2026-11-22', reason: 'Sai tên' } }), DATA.dataId, key);
    const replacing = checkSignedReceiptXml(replacement, ID);
    if (!replacing.ok) throw new Error(replacing.reason);
    expect(replacing.facts.related).toEqual({ kind: 1, template: '1', symbol: 'K26TAA', number: 104 });
    expect(factMismatches({ ...RECEIPT, xml: replacement }, replacing.facts)).toEqual(['replaces']);
    expect(factMismatches({ ...RECEIPT, replaces: '0194f1d2-0000-7000-8000-0000000000a0', xml: replacement }, replacing.facts)).toEqual([]);
  });
});

describe('readSigningCertificate', () => {
  it('reads PEM, and refuses what is not an RSA ≥ 2048 certificate', () => {
    expect(readSigningCertificate(key.certPem).subject).toContain('Quay 1');
    expect(() => readSigningCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toThrow(/not an X.509/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyFile = path.join(dir, 'ec.pem');
    fs.writeFileSync(keyFile, ec.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const certFile = path.join(dir, 'ec-cert.pem');
    execFileSync('openssl', ['req', '-x509', '-new', '-key', keyFile, '-out', certFile, '-subj', '/CN=ec', '-days', '2'], { stdio: 'ignore' });
    expect(() => readSigningCertificate(fs.readFileSync(certFile))).toThrow(/RSA key of at least 2048/);
  });
});
