import type { Dossier } from '../../shared/contract/dossiers.ts';
import { buildDocument, type PrintedReceipt } from '../../shared/domain/forms/build.ts';
import { DEFAULT_FORM_VALUES, type FilledDocument, type FormKind, type FormValues } from '../../shared/domain/forms/model.ts';
import { selectTemplate } from '../../shared/domain/forms/templates.ts';

/** A received dossier with every field a slip prints, with the letters that break fonts and encoders. */
export function sampleDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: '019a0000-0000-7000-8000-000000000001',
    code: '000.00.12.H12-261123-6100',
    agencyCode: '000.00.12.H12',
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', version: '2026.1', timeLimit: { unit: 'sameDay', value: 0, cutoff: '15:00' } },
    applicant: {
      kind: 'citizen',
      fullName: 'Đặng Thị Ngọc Ánh',
      idNumber: '001190012345',
      address: 'Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
      phone: '0912 345 678',
      email: 'ngocanh@example.vn',
    },
    channel: 'direct',
    status: 'received',
    statusCode: 2,
    receivedAt: '2026-11-23T09:00:00+07:00',
    clockStartsAt: '2026-11-23T09:00:00+07:00',
    dueAt: '2026-11-23T17:00:00+07:00',
    papers: [
      { name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1, required: true },
      { name: 'Giấy chứng sinh', form: 'original', count: 1, required: true },
      { name: 'Giấy tờ tùy thân của người đi đăng ký', form: 'certified-copy', count: 2, required: true },
    ],
    sets: 1,
    resultDelivery: { method: 'counter' },
    notes: null,
    lookupPin: '482915',
    pausedAt: null,
    pausedWorkingMinutes: 0,
    returnedAt: null,
    overdue: false,
    version: 1,
    ...overrides,
  };
}

export function sampleValues(overrides: Partial<FormValues> = {}): FormValues {
  return {
    ...DEFAULT_FORM_VALUES,
    governingBody: 'UBND phường Hoàn Kiếm',
    unitName: 'Bộ phận Tiếp nhận và Trả kết quả',
    placeName: 'Hoàn Kiếm',
    hotline: '1900 1234',
    registerBook: '03/2026',
    notes: { appointment: ['Ông/Bà mang theo giấy này khi đến nhận kết quả.'] },
    bank: { bin: '970415', account: '113000012345', accountName: 'UBND PHUONG HOAN KIEM' },
    ...overrides,
  };
}

/** An issued fee receipt of sampleDossier(): a count, an exemption, and an amount whose words use "mươi". */
export function sampleReceipt(overrides: Partial<PrintedReceipt> = {}): PrintedReceipt {
  return {
    status: 'issued',
    template: '1',
    symbol: 'K26TQ2',
    number: 123,
    issuedAt: '2026-11-23T09:01:00+07:00',
    method: 'cash',
    amount: 22_000,
    payerName: 'Đặng Thị Ngọc Ánh',
    lines: [
      { name: 'Lệ phí đăng ký khai sinh', unit: 'hồ sơ', quantity: 1, amount: 8_000, exemptReason: null },
      { name: 'Phí chứng thực bản sao', unit: 'trang', quantity: 10, amount: 14_000, exemptReason: null },
      { name: 'Phí cấp bản sao trích lục', unit: 'bản', quantity: 1, amount: 0, exemptReason: 'Người có công với cách mạng' },
    ],
    lookupCode: 'K7M2QX9PA4',
    dossierCode: '000.00.12.H12-261123-6100',
    cancelReason: null,
    ...overrides,
  };
}

/**
 * One form of each kind filled from the samples, as printing tests render it: the supplement, refusal,
 * apology and handover parts are filled too (the golden pictures are made from exactly these values).
 */
export function sampleDocument(
  kind: FormKind,
  options: Readonly<{ issuedAt: string; copy?: 1 | 2 | null; reprintedAt?: string | null; receipt?: PrintedReceipt }>,
): FilledDocument {
  const template = selectTemplate(kind, '2026-11-23');
  if (!template) throw new Error(`no template for ${kind}`);
  return buildDocument({
    template,
    dossier: sampleDossier({ returnedAt: '2026-11-25T10:00:00+07:00' }),
    values: sampleValues(),
    issuedAt: options.issuedAt,
    serverUrl: 'https://motcua.example.vn',
    copy: options.copy ?? null,
    reprintedAt: options.reprintedAt ?? null,
    // The fee receipt prints an issued receipt unless told (its provisional and cancelled marks: build.test.ts).
    receipt: kind === 'receipt' ? (options.receipt ?? sampleReceipt()) : null,
    extra: {
      reason: 'Thiếu bản chính Giấy chứng sinh; tờ khai ghi sai ngày sinh',
      items: ['Bản chính Giấy chứng sinh', 'Tờ khai đăng ký khai sinh (ghi lại ngày sinh)'],
      fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 8000 }],
      newDueAt: '2026-11-27T17:00:00+07:00',
      lateDays: 2,
      receiverName: 'Đặng Thị Ngọc Ánh',
      collectorName: 'Trần Văn Minh',
    },
  });
}
