import type { DailyReport, PaymentMethod } from '../../contract/receipts.ts';
import type { RegisterReport, RegisterRow } from '../../contract/reports.ts';
import { formatVietnamInstant, parseInstant } from '../calendar/civil.ts';
import { DOSSIER_STATUSES } from '../dossiers/status.ts';

/**
 * A report as a neutral table model: the CSV writer and the PDF renderer both draw this, so the two files
 * always say the same thing. Texts are Vietnamese whatever the UI language: these are the centre's records.
 * A number cell stays a number (plain in the CSV, so Excel can sum it; "8.000" in the PDF).
 */
export type Cell = string | number;
export type ReportColumn = Readonly<{ label: string; weight: number; align: 'left' | 'right' | 'center' }>;
export type ReportTable = Readonly<{ heading: string; columns: readonly ReportColumn[]; rows: readonly (readonly Cell[])[]; total: readonly Cell[] | null; empty: string }>;
export type ReportDocument = Readonly<{
  /** File names start with it: so-theo-doi-ho-so-2026-11-23, bang-ke-bien-lai-2026-11-23. */
  fileStem: string;
  title: string;
  subtitle: string;
  /** Lines under the title: form number, book number. */
  meta: readonly string[];
  tables: readonly ReportTable[];
  /** Who signs the extract. */
  signer: string;
}>;

/** "23/11/2026 09:00" in Vietnam time. */
export function dateTimeCell(iso: string | null): string {
  if (iso === null) return '';
  const local = formatVietnamInstant(parseInstant(iso));
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** "23/11/2026" for a local date YYYY-MM-DD. */
export function dayText(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export function groupDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const col = (label: string, weight: number, align: ReportColumn['align'] = 'left'): ReportColumn => ({ label, weight, align });

/** The register's columns, numbered as on the form (DOMAIN.md, shared/domain/forms REGISTER_BODY). */
export const REGISTER_COLUMNS: readonly ReportColumn[] = [
  col('Số thứ tự', 4, 'center'),
  col('Mã hồ sơ', 19),
  col('Tên thủ tục hành chính', 14),
  col('Số lượng hồ sơ (bộ)', 5, 'center'),
  col('Tên cá nhân, tổ chức', 10),
  col('Địa chỉ, số điện thoại', 12),
  col('Cơ quan chủ trì giải quyết', 9),
  col('Ngày, tháng, năm nhận hồ sơ', 8, 'center'),
  col('Ngày, tháng, năm hẹn trả kết quả', 8, 'center'),
  col('Ngày, tháng, năm trả kết quả', 8, 'center'),
  col('Trạng thái', 11),
];

/** "12 Hàng Bạc; 0912 345 678": what the applicant gave, nothing invented. */
export function addressAndPhone(row: Pick<RegisterRow, 'address' | 'phone'>): string {
  return [row.address, row.phone].filter((part): part is string => part !== null && part !== '').join('; ');
}

function registerCells(row: RegisterRow): Cell[] {
  return [
    row.registerNumber,
    row.code,
    `${row.procedureName} (${row.procedureCode})`,
    row.sets,
    row.applicantName,
    addressAndPhone(row),
    row.agencyCode,
    dateTimeCell(row.receivedAt),
    dateTimeCell(row.dueAt),
    dateTimeCell(row.finishedAt),
    DOSSIER_STATUSES[row.status].vi,
  ];
}

export function registerDocument(report: RegisterReport): ReportDocument {
  const form = report.formNumber === null ? null : `${report.formNumber} ${report.formSet === 'tt01-2018' ? 'ban hành kèm theo Thông tư số 01/2018/TT-VPCP' : 'ban hành kèm theo Thông tư số 03/2025/TT-VPCP'}`;
  return {
    fileStem: `so-theo-doi-ho-so-${report.date}`,
    title: 'SỔ THEO DÕI HỒ SƠ',
    subtitle: `(Trích sổ ngày ${dayText(report.date)})`,
    meta: [...(form === null ? [] : [form]), `Quyển số: ${report.registerBook === '' ? '……………' : report.registerBook}`],
    tables: [
      {
        heading: `I. HỒ SƠ TIẾP NHẬN TRONG NGÀY (${report.received.length})`,
        columns: REGISTER_COLUMNS,
        rows: report.received.map(registerCells),
        total: null,
        empty: 'Không có hồ sơ nào được tiếp nhận trong ngày.',
      },
      {
        heading: `II. HỒ SƠ TRẢ KẾT QUẢ, TỪ CHỐI TIẾP NHẬN TRONG NGÀY (${report.finished.length})`,
        columns: REGISTER_COLUMNS,
        rows: report.finished.map(registerCells),
        total: null,
        empty: 'Không có hồ sơ nào được trả kết quả hoặc từ chối trong ngày.',
      },
    ],
    signer: 'NGƯỜI TRÍCH SỔ',
  };
}

export const PAYMENT_METHOD_TEXT: Readonly<Record<PaymentMethod, string>> = { cash: 'Tiền mặt', transfer: 'Chuyển khoản' };
const RECEIPT_STATUS_TEXT = { cancelled: 'Đã hủy', replaced: 'Đã bị thay thế', issued: 'Đã cấp', provisional: 'Phiếu thu tạm' } as const;

/** The day's close of fee receipts (receipts.dailyReport) as three tables. */
export function receiptsDocument(report: DailyReport): ReportDocument {
  const seriesRows: Cell[][] = report.series.map((s) => [s.template, s.symbol, s.first, s.last, s.count, s.total]);
  if (report.provisional.count > 0) seriesRows.push(['Phiếu thu tạm (chờ cấp số)', '', '', '', report.provisional.count, report.provisional.total]);
  return {
    fileStem: `bang-ke-bien-lai-${report.date}`,
    title: 'BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ',
    subtitle: `(Ngày ${dayText(report.date)})`,
    meta: ['Biên lai đã hủy hoặc bị thay thế không tính vào tổng; biên lai thay thế được tính.'],
    tables: [
      {
        heading: '1. BIÊN LAI HỢP LỆ THEO KÝ HIỆU',
        columns: [col('Mẫu số', 10), col('Ký hiệu', 12), col('Từ số', 8, 'right'), col('Đến số', 8, 'right'), col('Số biên lai', 8, 'right'), col('Số tiền (đồng)', 12, 'right')],
        rows: seriesRows,
        total: seriesRows.length === 0 ? null : ['Tổng cộng', '', '', '', report.total.count, report.total.total],
        empty: 'Không có biên lai nào trong ngày.',
      },
      {
        heading: '2. THEO HÌNH THỨC THANH TOÁN',
        columns: [col('Hình thức thanh toán', 30), col('Số biên lai', 14, 'right'), col('Số tiền (đồng)', 14, 'right')],
        rows: report.methods.map((m) => [PAYMENT_METHOD_TEXT[m.method], m.count, m.total]),
        total: report.methods.length === 0 ? null : ['Tổng cộng', report.total.count, report.total.total],
        empty: 'Không có khoản thu nào trong ngày.',
      },
      {
        heading: `3. BIÊN LAI ĐÃ HỦY, BỊ THAY THẾ (${report.cancelled.length})`,
        columns: [col('Ký hiệu', 10), col('Số', 6, 'right'), col('Số tiền (đồng)', 10, 'right'), col('Trạng thái', 10), col('Lý do', 28)],
        rows: report.cancelled.map((c) => [c.symbol ?? '', c.number ?? '', c.amount, RECEIPT_STATUS_TEXT[c.status], c.reason ?? '']),
        total: null,
        empty: 'Không có biên lai nào bị hủy hoặc thay thế.',
      },
    ],
    signer: 'NGƯỜI LẬP BẢNG KÊ',
  };
}
