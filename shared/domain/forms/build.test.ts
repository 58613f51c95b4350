import { describe, expect, test } from 'vitest';
import { sampleDossier, sampleReceipt, sampleValues } from '../../../test/harness/form-fixtures.ts';
import { parseVietQr } from '../payments/vietqr.ts';
import { buildDocument, documentText } from './build.ts';
import { FORM_KINDS, FormValuesSchema } from './model.ts';
import { lookupUrl, parseSlipQrData } from './qr-data.ts';
import { FORM_TEMPLATES, selectTemplate } from './templates.ts';

const ISSUED = '2026-11-23T09:02:00+07:00';

function slip(overrides: Partial<Parameters<typeof buildDocument>[0]> = {}) {
  const template = selectTemplate('appointment', '2026-11-23');
  if (!template) throw new Error('no template');
  return buildDocument({ template, dossier: sampleDossier(), values: sampleValues(), issuedAt: ISSUED, serverUrl: 'https://motcua.example.vn/', ...overrides });
}

describe('templates by effective date', () => {
  test('every form exists in both sets, and each date picks exactly one template', () => {
    for (const kind of FORM_KINDS) {
      expect(selectTemplate(kind, '2025-06-30')?.set, kind).toBe('tt01-2018');
      expect(selectTemplate(kind, '2025-07-01')?.set, kind).toBe('tt03-2025');
      expect(FORM_TEMPLATES.filter((t) => t.kind === kind && t.effectiveFrom <= '2026-01-01' && (t.effectiveTo ?? '9999') >= '2026-01-01')).toHaveLength(1);
    }
    expect(new Set(FORM_TEMPLATES.map((t) => t.id)).size).toBe(FORM_TEMPLATES.length);
  });

  test('the numbering follows the circular of the set: the register is Mẫu 06 before 7/2025 and Mẫu 07 after', () => {
    expect(selectTemplate('register', '2024-05-01')?.formNumber).toBe('Mẫu số 06');
    expect(selectTemplate('register', '2026-05-01')?.formNumber).toBe('Mẫu số 07');
    expect(selectTemplate('stop', '2024-05-01')?.formNumber).toBeNull();
    expect(selectTemplate('apology', '2026-05-01')?.title).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    expect(selectTemplate('apology', '2026-05-01', 'tt01-2018')?.title).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(selectTemplate('appointment', '2018-01-01')).toBeUndefined();
  });
});

describe('form 01, the appointment slip', () => {
  test('says exactly what the official form says, filled from the dossier', () => {
    const text = documentText(slip());
    expect(text).toEqual(
      expect.arrayContaining([
        'UBND PHƯỜNG HOÀN KIẾM',
        'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hoàn Kiếm, ngày 23 tháng 11 năm 2026',
        'Mã hồ sơ: 000.00.12.H12-261123-6100',
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        'Ông/Bà: Đặng Thị Ngọc Ánh',
        'Nội dung yêu cầu giải quyết: Thủ tục đăng ký khai sinh (mã thủ tục 1.001193)',
        '1. Thành phần hồ sơ nộp gồm:',
        '- Giấy tờ tùy thân của người đi đăng ký (Bản sao chứng thực: 02)',
        '2. Số lượng hồ sơ: 01 (bộ)',
        '3. Thời gian giải quyết hồ sơ theo quy định: Trong ngày (nhận sau 15:00 trả trong ngày làm việc tiếp theo)',
        '4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23 tháng 11 năm 2026',
        '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 23 tháng 11 năm 2026',
        '6. Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả',
        'Vào Sổ theo dõi hồ sơ, Quyển số: 03/2026, Số thứ tự: 6100',
        'NGƯỜI NỘP HỒ SƠ',
        '(Ký và ghi rõ họ tên)',
        'NGƯỜI TIẾP NHẬN HỒ SƠ',
        'Ông/Bà mang theo giấy này khi đến nhận kết quả.',
        'Đường dây nóng: 1900 1234',
      ]),
    );
    expect(text.join('\n')).not.toContain('BẢN IN LẠI');
    expect(text.join('\n')).not.toContain('Liên');
  });

  test('carries the TT 01/2023 QR first and the look-up link with the PIN', () => {
    const doc = slip();
    const [first] = doc.lines;
    expect(first?.kind).toBe('qr');
    const tt = parseSlipQrData(first?.kind === 'qr' ? first.data : '');
    expect(tt).toEqual({ v: '1', ma: '000.00.12.H12-261123-6100', tthc: '1.001193', dd: '001190012345', mau: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', ht: 'Một Cửa Desk', tg: '20261123090200' });
    const lookup = doc.lines.find((l) => l.kind === 'qr' && l.role === 'lookup');
    expect(lookup).toMatchObject({ data: 'https://motcua.example.vn/tra-cuu?ma=000.00.12.H12-261123-6100&pin=482915' });
    expect(lookupUrl(null, 'x', '1')).toBeNull();
    // Without a server the PIN is printed as text instead.
    expect(documentText(slip({ serverUrl: null }))).toContain('Mã tra cứu hồ sơ (PIN): 482915');
  });

  test('a fee by transfer adds a VietQR with the amount and the dossier code as purpose', () => {
    const doc = slip({ extra: { fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 8000 }] } });
    const qr = doc.lines.find((l) => l.kind === 'qr' && l.role === 'vietqr');
    const parsed = parseVietQr(qr?.kind === 'qr' ? qr.data : '');
    expect(parsed).toMatchObject({ ok: true, qr: { bin: '970415', account: '113000012345', amount: 8000, purpose: '000.00.12.H12-261123-6100' } });
    expect(documentText(doc)).toContain('Phí, lệ phí: 8.000 đồng');
    // No fee, or no bank account set: no VietQR.
    expect(slip().lines.some((l) => l.kind === 'qr' && l.role === 'vietqr')).toBe(false);
    expect(slip({ values: sampleValues({ bank: null }), extra: { fees: [{ name: 'x', amount: 8000 }] } }).lines.some((l) => l.kind === 'qr' && l.role === 'vietqr')).toBe(false);
  });

  test('a reprint says BẢN IN LẠI with the time; a two-copy slip names its copy', () => {
    const text = documentText(slip({ reprintedAt: '2026-11-24T14:05:00+07:00', copy: 2 }));
    expect(text[0]).toBe('BẢN IN LẠI — 14:05 ngày 24/11/2026');
    expect(text).toContain('(Liên 2: Giao người nộp hồ sơ)');
  });

  test('unknown values print as a dotted blank, never as "undefined"', () => {
    const dossier = sampleDossier({ applicant: { kind: 'citizen', fullName: 'Lê Văn Bình' } });
    const text = documentText(slip({ dossier, values: sampleValues({ placeName: '', registerBook: '' }) })).join('\n');
    expect(text).toContain('Địa chỉ: ……………');
    expect(text).toContain(', ngày 23 tháng 11 năm 2026');
    expect(text).not.toMatch(/undefined|null|\{/);
  });
});

describe('the fee receipt', () => {
  const FEES = { fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 8000 }] };
  function receiptDoc(overrides: Partial<Parameters<typeof buildDocument>[0]> = {}) {
    const template = selectTemplate('receipt', '2026-11-23');
    if (!template) throw new Error('no template');
    return buildDocument({ template, dossier: sampleDossier(), values: sampleValues(), issuedAt: ISSUED, serverUrl: null, extra: FEES, ...overrides });
  }
  const qrOf = (doc: ReturnType<typeof receiptDoc>, role: string) => doc.lines.flatMap((l) => (l.kind === 'qr' && l.role === role ? [l] : []))[0];

  test('an issued receipt prints its template, symbol, number, payer, lines, amount in figures and words, and its look-up QR', () => {
    const doc = receiptDoc({ receipt: sampleReceipt(), extra: { ...FEES, collectorName: 'Trần Văn Minh' } });
    expect(doc.templateId).toBe('tt03-2025/receipt@3');
    const text = documentText(doc);
    expect(text).toEqual(
      expect.arrayContaining([
        'BIÊN LAI THU PHÍ, LỆ PHÍ',
        'Mẫu số: 1',
        'Ký hiệu: K26TQ2',
        'Số: 123',
        'Người nộp: Đặng Thị Ngọc Ánh',
        '- Lệ phí đăng ký khai sinh: 8.000 đồng',
        '- Phí chứng thực bản sao (10 trang): 14.000 đồng',
        '- Phí cấp bản sao trích lục: 0 đồng — miễn: Người có công với cách mạng',
        'Tổng số tiền: 22.000 đồng',
        'Bằng chữ: Hai mươi hai nghìn đồng',
        'Hình thức thanh toán: Tiền mặt',
        'Mã tra cứu biên lai: K7M2QX9PA4',
      ]),
    );
    expect(qrOf(doc, 'receipt')).toMatchObject({ data: 'bl:1|mau:1|kh:K26TQ2|so:123|ngay:20261123|tien:22000|mtc:K7M2QX9PA4|ma:000.00.12.H12-261123-6100' });
    // Paid: no VietQR (even with a bank account and fixed fees), and no mark.
    expect(qrOf(doc, 'vietqr')).toBeUndefined();
    expect(text.join('\n')).not.toMatch(/PHIẾU THU TẠM|ĐÃ HỦY|THAY THẾ|undefined|……………/);
    // Both signature columns carry a name: the payer's and the collector's (who took the money).
    expect(doc.lines.find((line) => line.kind === 'signatures')).toMatchObject({
      columns: [{ title: 'NGƯỜI NỘP TIỀN', name: 'Đặng Thị Ngọc Ánh' }, { title: 'NGƯỜI THU TIỀN', name: 'Trần Văn Minh' }],
    });
  });

  test('with nobody known as the collector (setup mode), NGƯỜI THU TIỀN is a dotted blank to sign by hand', () => {
    const doc = receiptDoc({ receipt: sampleReceipt() });
    expect(doc.lines.find((line) => line.kind === 'signatures')).toMatchObject({ columns: [{ name: 'Đặng Thị Ngọc Ánh' }, { title: 'NGƯỜI THU TIỀN', name: '……………' }] });
  });

  test('with the server address known, the receipt QR is its look-up link, the code still printed as text', () => {
    const doc = receiptDoc({ receipt: sampleReceipt(), serverUrl: 'https://motcua.example.vn/' });
    expect(qrOf(doc, 'receipt')).toMatchObject({ data: 'https://motcua.example.vn/tra-cuu/bien-lai?ma=K7M2QX9PA4', caption: 'Mã tra cứu biên lai: K7M2QX9PA4' });
    expect(documentText(doc)).toContain('Mã tra cứu biên lai: K7M2QX9PA4');
  });

  test('a provisional receipt is headed by the PHIẾU THU TẠM mark, has no number, and keeps its look-up code', () => {
    const doc = receiptDoc({ receipt: sampleReceipt({ status: 'provisional', template: null, symbol: null, number: null, method: 'transfer' }) });
    const text = documentText(doc);
    expect(text).toContain('PHIẾU THU TẠM — chưa phải biên lai chính thức');
    expect(doc.lines.find((l) => l.kind === 'text' && l.text.startsWith('PHIẾU THU TẠM'))).toMatchObject({ style: 'banner' });
    expect(text).not.toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text.some((line) => /^(Số|Ký hiệu|Mẫu số):/.test(line))).toBe(false);
    expect(text).toContain('Hình thức thanh toán: Chuyển khoản');
    expect(qrOf(doc, 'receipt')).toMatchObject({ data: 'bl:1|mau:|kh:|so:|ngay:20261123|tien:22000|mtc:K7M2QX9PA4|ma:000.00.12.H12-261123-6100' });
    expect(parseSlipQrData(qrOf(doc, 'receipt')?.data ?? '')).toMatchObject({ bl: '1', so: '', mtc: 'K7M2QX9PA4' });
  });

  test('a cancelled or replaced receipt printed again says so, with the reason, and keeps its number', () => {
    const cancelled = documentText(receiptDoc({ receipt: sampleReceipt({ status: 'cancelled', cancelReason: 'Thu nhầm hồ sơ' }) }));
    expect(cancelled).toEqual(expect.arrayContaining(['BIÊN LAI ĐÃ HỦY — không còn giá trị', 'BIÊN LAI THU PHÍ, LỆ PHÍ', 'Số: 123', 'Lý do hủy: Thu nhầm hồ sơ']));
    const replaced = documentText(receiptDoc({ receipt: sampleReceipt({ status: 'replaced', cancelReason: 'Sai tên người nộp' }) }));
    expect(replaced).toEqual(expect.arrayContaining(['BIÊN LAI ĐÃ BỊ THAY THẾ — không còn giá trị', 'Lý do thay thế: Sai tên người nộp']));
    expect(replaced).not.toContain('BIÊN LAI ĐÃ HỦY — không còn giá trị');
  });

  test('without a receipt it is the unpaid fee slip: the fixed fees and the VietQR for a transfer, no number', () => {
    const doc = receiptDoc();
    const text = documentText(doc);
    expect(text).toEqual(expect.arrayContaining(['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Tổng số tiền: 8.000 đồng', 'Bằng chữ: Tám nghìn đồng', 'Hình thức thanh toán: Tiền mặt/Chuyển khoản']));
    expect(parseVietQr(qrOf(doc, 'vietqr')?.data ?? '')).toMatchObject({ ok: true, qr: { amount: 8000 } });
    expect(qrOf(doc, 'receipt')).toBeUndefined();
    expect(text.some((line) => /^(Số|Ký hiệu|Mẫu số|Mã tra cứu biên lai)/.test(line))).toBe(false);
  });
});

describe('the other forms', () => {
  test.each(FORM_KINDS)('%s fills without blanks where the data exists', (kind) => {
    const template = selectTemplate(kind, '2026-11-23');
    if (!template) throw new Error('no template');
    const doc = buildDocument({
      template,
      dossier: sampleDossier({ returnedAt: '2026-11-25T10:00:00+07:00' }),
      values: sampleValues(),
      issuedAt: ISSUED,
      serverUrl: null,
      extra: { reason: 'Thiếu bản sao Giấy chứng sinh', items: ['Bản chính Giấy chứng sinh'], fees: [{ name: 'Lệ phí', amount: 8000 }], newDueAt: '2026-11-27T17:00:00+07:00', lateDays: 2, receiverName: 'Đặng Thị Ngọc Ánh' },
    });
    const text = documentText(doc).join('\n');
    expect(text).toContain(template.blocks.find((b) => b.kind === 'title')?.kind === 'title' ? (template.blocks.find((b) => b.kind === 'title') as { text: string }).text : '');
    expect(text).not.toMatch(/undefined|\{[a-zA-Z]+\}/);
  });

  test('administrator values are checked by their schema, with defaults for what is left out', () => {
    expect(FormValuesSchema.parse({ placeName: 'Huế' })).toMatchObject({ placeName: 'Huế', unitName: 'Bộ phận Tiếp nhận và Trả kết quả', twoCopies: false, bank: null });
    expect(FormValuesSchema.safeParse({ bank: { bin: '12', account: 'x' } }).success).toBe(false);
  });
});
