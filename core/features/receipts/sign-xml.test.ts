import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildInvoiceXml, type InvoiceData } from '../../../shared/domain/receipts/invoice-xml.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createPkcs11ToolSigner } from '../../adapters/pkcs11-tool-signer.ts';
import { createPkcs12Signer } from '../../adapters/pkcs12-signer.ts';
import { signReceiptXml, verifyReceiptXml } from './sign-xml.ts';
import { makeSoftHsmToken, makeTestCertificate, softHsmAvailable, xmlsecVerifies, type TestCertificate } from './testing/certificates.ts';

let temp: ReturnType<typeof makeTempDir>;
let cert: TestCertificate;
let other: TestCertificate;

const DATA: InvoiceData = {
  dataId: 'DL-0194f1d2-0000-7000-8000-000000000001',
  title: 'Biên lai thu phí, lệ phí',
  template: '1',
  symbol: 'K26TAA',
  number: 105,
  date: '2026-11-23',
  method: 'cash',
  seller: { name: 'UBND phường Hoàn Kiếm', taxCode: '0101234567', address: '126 Hàng Trống, Hoàn Kiếm, Hà Nội' },
  buyer: { name: 'Trần Thị Ngọc Ánh & "Bình" <con>', address: 'Số 5 ngõ 12 Hàng Bạc', reference: '000.00.12.H12-261123-0001' },
  lines: [
    { name: 'Lệ phí đăng ký khai sinh', unit: 'hồ sơ', quantity: 1, amount: 0, exemptReason: 'Đăng ký đúng hạn' },
    { name: 'Phí cấp bản sao trích lục', unit: 'bản', quantity: 3, amount: 24_000, exemptReason: null },
  ],
  total: 24_000,
  lookupCode: 'K7M2QX9PA4',
};

function file(name: string, xml: string): string {
  const target = path.join(temp.dir, name);
  fs.writeFileSync(target, xml);
  return target;
}

beforeAll(() => {
  temp = makeTempDir();
  cert = makeTestCertificate(path.join(temp.dir, 'a'));
  other = makeTestCertificate(path.join(temp.dir, 'b'), '/C=VN/CN=Someone else');
});
afterAll(() => temp.remove());

describe('XMLDSig of receipts (RSA-SHA256, enveloped, Reference to the DLHDon Id)', () => {
  test('verifies with xmlsec1 against the signing certificate, not against another one', () => {
    const signed = signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, createPkcs12Signer(cert.p12, cert.password));
    expect(signed).toContain('<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>');
    expect(signed).toContain('<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>');
    expect(signed).toMatch(/<DSCKS><NBan><Signature xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#">[\s\S]*<X509Certificate>/);
    const target = file('signed.xml', signed);
    expect(xmlsecVerifies(target, cert.certFile)).toBe(true);
    expect(xmlsecVerifies(target, other.certFile)).toBe(false);
    expect(verifyReceiptXml(signed, fs.readFileSync(cert.certFile, 'utf8'))).toBe(true);
  });

  test('any changed byte of the signed data makes xmlsec1 refuse it', () => {
    const signed = signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, createPkcs12Signer(cert.p12, cert.password));
    const start = signed.indexOf('<TTChung>');
    const end = signed.indexOf('</DLHDon>');
    // Every character of the data's text (each digit of the amount, the number, each letter of the names),
    // sampled to keep xmlsec1 runs bounded: one changed byte at a time, including inside multi-byte letters.
    const bytes = Buffer.from(signed, 'utf8');
    const from = Buffer.byteLength(signed.slice(0, start));
    const to = Buffer.byteLength(signed.slice(0, end));
    const positions = new Set<number>();
    for (let at = from; at < to; at += 5) positions.add(at);
    for (const marker of ['<SHDon>', '<TgTTTBSo>', '<KHHDon>', '<Ten>Trần']) positions.add(bytes.indexOf(marker) + Buffer.byteLength(marker) - 1 + 1);
    let checked = 0;
    for (const at of positions) {
      const changed = Buffer.from(bytes);
      const original = changed[at] ?? 0;
      // Stay well-formed where possible (a letter for a letter, a digit for a digit), so it is the signature that fails.
      changed[at] = original >= 0x30 && original <= 0x39 ? ((original - 0x30 + 1) % 10) + 0x30 : original >= 0x61 && original <= 0x7a ? ((original - 0x61 + 1) % 26) + 0x61 : original ^ 0x01;
      const target = path.join(temp.dir, `tampered-${at}.xml`);
      fs.writeFileSync(target, changed);
      expect(xmlsecVerifies(target, cert.certFile), `byte ${at - from} of the data changed`).toBe(false);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(150);
  }, 120_000);

  test('the number or the amount swapped for another valid value is refused too', () => {
    const signed = signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, createPkcs12Signer(cert.p12, cert.password));
    for (const [from, to] of [
      ['<SHDon>105</SHDon>', '<SHDon>106</SHDon>'],
      ['<TgTTTBSo>24000</TgTTTBSo>', '<TgTTTBSo>2400</TgTTTBSo>'],
      ['<SignatureValue>', '<SignatureValue>A'],
    ] as const) {
      expect(xmlsecVerifies(file('swapped.xml', signed.replace(from, to)), cert.certFile), from).toBe(false);
    }
  });

  test.skipIf(!softHsmAvailable())('a PKCS#11 token (SoftHSM2 through pkcs11-tool) signs; xmlsec1 verifies; same bytes as the key in a file', () => {
    const token = makeSoftHsmToken(path.join(temp.dir, 'hsm'), cert);
    const previous = process.env['SOFTHSM2_CONF'];
    process.env['SOFTHSM2_CONF'] = token.conf;
    try {
      const signer = createPkcs11ToolSigner({ module: token.module, tokenLabel: token.label, keyId: token.keyId, pin: token.pin, certificateFile: token.certFile });
      const signed = signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, signer);
      expect(xmlsecVerifies(file('token.xml', signed), cert.certFile)).toBe(true);
      // RSA PKCS#1 v1.5 is deterministic: the token and the PKCS#12 file hold the same key.
      expect(signed).toBe(signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, createPkcs12Signer(cert.p12, cert.password)));
      const wrongPin = createPkcs11ToolSigner({ module: token.module, tokenLabel: token.label, keyId: token.keyId, pin: '000000', certificateFile: token.certFile });
      expect(() => signReceiptXml(buildInvoiceXml(DATA), DATA.dataId, wrongPin)).toThrow(/did not sign/);
    } finally {
      if (previous === undefined) delete process.env['SOFTHSM2_CONF'];
      else process.env['SOFTHSM2_CONF'] = previous;
    }
  });
});
