import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { pgliteBackend, type Backend } from '../../testing/backends.ts';
import { startTestServer, type TestServer } from '../../testing/harness.ts';
import { findAgencyByCode } from '../agencies/repo.ts';
import { upsertReceipt } from '../receipts/repo.ts';

const A = '000.00.12.H12';

function receipt(number: number, overrides: Partial<Receipt> = {}): Receipt {
  return {
    id: randomUUID(),
    version: 1,
    provider: 'local-signed',
    status: 'issued',
    dossierId: randomUUID(),
    dossierCode: `${A}-261123-00${number}1`,
    paymentId: randomUUID(),
    agencyCode: A,
    template: '1',
    symbol: 'K26TQ1',
    number,
    issuedAt: '2026-11-23T09:15:00+07:00',
    method: 'cash',
    amount: 19_000,
    payerName: 'Phạm Quốc Bảo',
    lines: [{ name: 'Lệ phí đăng ký tạm trú', unit: 'hồ sơ', quantity: 1, amount: 19_000, exemptReason: null }],
    lookupCode: `K7M2QX9P${number}${number}`,
    replaces: null,
    replacedBy: null,
    cancelledAt: null,
    cancelReason: null,
    xml: '<HDon/>',
    ...overrides,
  };
}

describe('/tra-cuu/bien-lai', () => {
  let backend: Backend;
  let t: TestServer;
  let clock = Date.parse('2026-11-23T03:00:00Z');
  const issued = receipt(1, { payerName: 'Phạm <Quốc> Bảo' });
  const original = receipt(2);
  const replacement = receipt(3, { replaces: original.id, issuedAt: '2026-11-24T08:00:00+07:00', payerName: 'Lê Thị Hoa' });
  const cancelled = receipt(4, { status: 'cancelled', cancelledAt: '2026-11-23T10:00:00+07:00', cancelReason: 'Thu nhầm' });

  beforeAll(async () => {
    backend = pgliteBackend();
    t = await startTestServer(backend, { now: () => new Date(clock), limits: { lookupPerMinute: 8 } });
    await t.addAgency(A, 'UBND phường Ba Đình');
    const agency = (await findAgencyByCode(t.sql, A))!;
    for (const one of [issued, { ...original, status: 'replaced' as const, replacedBy: replacement.id, version: 2 }, replacement, cancelled]) {
      await upsertReceipt(t.sql, { agencyId: agency.id, counterId: null, origin: 'counter', receipt: one });
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await backend?.dispose();
  });

  const lookUp = (ma: string) => t.request(`/tra-cuu/bien-lai?ma=${encodeURIComponent(ma)}`);

  it('shows an accessible Vietnamese form without script or external assets', async () => {
    const page = await t.request('/tra-cuu/bien-lai');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).toMatch(/<label for="ma">[^<]+<\/label>\s*<input id="ma"/);
    expect(page.text).not.toMatch(/<script|src=|href="http/);
  });

  it('shows series, number, date, amount, status and issuer, with the payer masked and nothing else personal', async () => {
    const page = await lookUp(issued.lookupCode.toLowerCase());
    expect(page.status).toBe(200);
    expect(page.text).toContain('<section class="message ok"');
    for (const text of ['K26TQ1', '<dd>1</dd>', '23/11/2026', '19.000 đồng', 'Hợp lệ (đã phát hành)', 'UBND phường Ba Đình', 'P*** &lt;*** B***']) expect(page.text).toContain(text);
    expect(page.text).not.toContain('Quốc');
    expect(page.text).not.toContain(issued.dossierCode);
  });

  it('says which receipt replaced a replaced one, what a replacement replaced, and when one was cancelled', async () => {
    const replaced = await lookUp(original.lookupCode);
    expect(replaced.text).toContain('Đã bị thay thế bởi biên lai ký hiệu K26TQ1 số 3 ngày 24/11/2026');
    expect(replaced.text).toContain('<section class="message error"'); // not shown as a valid receipt
    const newer = await lookUp(replacement.lookupCode);
    expect(newer.text).toContain('Biên lai ký hiệu K26TQ1 số 2 ngày 23/11/2026');
    expect(newer.text).toContain('L*** T*** H***');
    expect((await lookUp(cancelled.lookupCode)).text).toContain('Đã hủy ngày 23/11/2026');
  });

  it('gives one answer for every code that matches nothing, and 400 for a malformed one', async () => {
    const wrong = await lookUp('K7M2QX9P99');
    const other = await lookUp('ZZZZZZZZZZ');
    expect(wrong.status).toBe(404);
    const strip = (html: string) => html.replace(/value="[^"]*"/, '');
    expect(strip(wrong.text)).toBe(strip(other.text));
    const malformed = await lookUp('<script>');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('&lt;script&gt;');
    expect(malformed.text).not.toContain('<script>');
  });

  it('limits look-ups per client with the dossier look-up’s limiter, with a Vietnamese 429 page', async () => {
    clock += 120_000;
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await lookUp('ZZZZZZZZZZ'));
    for (let i = 0; i < 3; i += 1) answers.push(await t.request('/tra-cuu?ma=000.00.12.H12-261123-0001&pin=000000'));
    const limited = await lookUp(issued.lookupCode);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.text).toContain('quá nhiều lần');
    clock += 60_000;
    expect((await lookUp(issued.lookupCode)).status).toBe(200);
  });
});
