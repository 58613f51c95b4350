import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import { pgliteBackend, type Backend } from '../../testing/backends.ts';
import { makeDossier, pushItem } from '../../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../testing/harness.ts';
import { escapeHtml, maskName } from './mask.ts';

const A = '000.00.12.H12';

describe('masking and escaping', () => {
  it('keeps only initials, with a fixed width', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N*** V*** A***');
    expect(maskName('  đặng   thị  Ánh ')).toBe('Đ*** T*** Á***');
    expect(maskName('Công ty TNHH <Hoà Bình>')).toBe('C*** T*** T*** <*** B***');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
  });
});

describe('/tra-cuu', () => {
  let backend: Backend;
  let t: TestServer;
  let clock = Date.parse('2026-11-23T03:00:00Z');
  const dossier = makeDossier(A, 42, {
    applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '0912345678' },
    procedure: { code: '2.000815', name: 'Chứng thực bản sao <từ> bản chính', version: '2025-07-01', timeLimit: { unit: 'workingDays', value: 3 } },
    dueAt: '2026-11-26T17:00:00+07:00',
    lookupPin: '654321',
  });

  beforeAll(async () => {
    backend = pgliteBackend();
    t = await startTestServer(backend, { now: () => new Date(clock), limits: { lookupPerMinute: 5 } });
    await t.addAgency(A, 'UBND phường Ba Đình');
    const counter = await t.enrolCounter(A, 1);
    await t.request(CENTRAL_PATHS.push, { token: counter.credential, json: { items: [pushItem(dossier)] } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await backend?.dispose();
  });

  const lookUp = (ma: string, pin: string) => t.request(`/tra-cuu?ma=${encodeURIComponent(ma)}&pin=${pin}`);

  it('shows an accessible Vietnamese form, without external assets', async () => {
    const page = await t.request('/tra-cuu');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).toMatch(/<label for="ma">[^<]+<\/label>\s*<input id="ma"/);
    expect(page.text).toMatch(/<label for="pin">[^<]+<\/label>\s*<input id="pin"/);
    expect(page.text).not.toMatch(/<script|src=|href="http/);
  });

  it('shows status, due date, where to collect and the masked name only', async () => {
    const page = await lookUp(dossier.code.toLowerCase(), '654321');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đã tiếp nhận');
    expect(page.text).toContain('26/11/2026');
    expect(page.text).toContain('Tại UBND phường Ba Đình');
    expect(page.text).toContain('N*** V*** A***');
    expect(page.text).toContain('Chứng thực bản sao &lt;từ&gt; bản chính');
    expect(page.text).not.toContain('Nguyễn');
    expect(page.text).not.toContain('001090012345');
    expect(page.text).not.toContain('0912345678');
  });

  it('gives the same answer for a wrong PIN and a code that does not exist', async () => {
    const wrongPin = await lookUp(dossier.code, '000000');
    const wrongCode = await lookUp(dossier.code.replace('0042', '0043'), '654321');
    expect(wrongPin.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    const strip = (html: string) => html.replace(/value="[^"]*"/, '');
    expect(strip(wrongPin.text)).toBe(strip(wrongCode.text));
  });

  it('limits look-ups per client, with a Vietnamese 429 page', async () => {
    clock += 120_000; // a fresh minute for this test
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push(await lookUp(dossier.code, '000000'));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
    const limited = answers[5]!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.text).toContain('quá nhiều lần');
    expect((await t.request('/tra-cuu')).status).toBe(200); // the form itself is not limited
    clock += 60_000;
    expect((await lookUp(dossier.code, '654321')).status).toBe(200);
  });
});
