import { z } from 'zod';
import type { Receipt } from '../../contract/receipts.ts';

/**
 * Counter forms as data. A template is an ordered list of blocks whose texts carry `{placeholders}`; the
 * builder (build.ts) fills them from a dossier, the centre's adjustable values and the time, and returns a
 * `FilledDocument` that every renderer (thermal raster, PDF, PNG preview) draws the same way.
 */

/** The forms a counter prints, by what they are for; the number on the paper depends on the set (TT 01/2018 or TT 03/2025). */
export const FORM_KINDS = ['appointment', 'supplement', 'refusal', 'apology', 'stop', 'control', 'register', 'receipt', 'handover'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const FormKindSchema = z.enum(FORM_KINDS);

export const FORM_SETS = ['tt01-2018', 'tt03-2025'] as const;
export type FormSet = (typeof FORM_SETS)[number];

export type QrRole = 'tt01-2023' | 'lookup' | 'vietqr' | 'receipt';

/** The state of the receipt a document prints: 'unpaid' when it has none (the fee slip from the dossier). */
export type ReceiptState = 'unpaid' | Receipt['status'];

export type SignatureColumn = Readonly<{ title: string; hint: string; name?: string }>;

/**
 * One piece of a template. `when` prints it only while the document's receipt is in one of these states (the
 * fee receipt's marks, number and VietQR); a block without it always prints. Forms other than the receipt
 * have no receipt, so for them only blocks without `when` (or with 'unpaid') print.
 */
export type Block = Readonly<{ when?: readonly ReceiptState[] }> &
  (
    /** Governing body and unit on the left, Quốc hiệu and Tiêu ngữ on the right. */
    | Readonly<{ kind: 'header' }>
    /** "<place>, ngày dd tháng MM năm yyyy" of the issue time. */
    | Readonly<{ kind: 'place-date' }>
    | Readonly<{ kind: 'title'; text: string; subtitle?: string }>
    /** "Liên 1: Lưu" / "Liên 2: Giao người nộp hồ sơ", only when the slip is printed in two copies. */
    | Readonly<{ kind: 'copy-label' }>
    | Readonly<{ kind: 'text'; text: string; style?: 'body' | 'emphasis' | 'note' | 'banner'; align?: 'left' | 'center' | 'right' }>
    /** A labelled value; `number` is the numbering on the official form ("1", "2" …). */
    | Readonly<{ kind: 'field'; number?: string; label: string; value: string }>
    /** A labelled list: the dossier's papers, the papers asked for, the fee items. */
    | Readonly<{ kind: 'list'; number?: string; label: string; source: 'papers' | 'items' | 'fees' }>
    /** The administrator's notes for this form, then the hotline. */
    | Readonly<{ kind: 'notes' }>
    /** 'receipt': the receipt's look-up data (qr-data.ts); nothing when there is no receipt. */
    | Readonly<{ kind: 'qr'; content: QrRole }>
    | Readonly<{ kind: 'signatures'; columns: readonly SignatureColumn[] }>
    | Readonly<{ kind: 'rule' }>
  );

export type FormTemplate = Readonly<{
  /** Stable id, e.g. 'tt03-2025/appointment@1'; printed jobs keep it so a reprint can name what it used. */
  id: string;
  kind: FormKind;
  set: FormSet;
  /** "Mẫu số 01" as the circular numbers it; null for local forms (receipt, handover, …) the circular lacks. */
  formNumber: string | null;
  /** First and last local date (YYYY-MM-DD) on which documents are issued with this template. */
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The title in full, for the TT 01/2023 QR and job lists. */
  title: string;
  blocks: readonly Block[];
}>;

/** What the centre's administrator adjusts (kept in the counter's file); every field has a safe default. */
export const FormValuesSchema = z.object({
  /** Cơ quan chủ quản, printed upper case, e.g. "UBND PHƯỜNG HOÀN KIẾM". */
  governingBody: z.string().trim().max(200).default(''),
  /** The receiving unit, e.g. "Bộ phận Tiếp nhận và Trả kết quả" or the centre's name. */
  unitName: z.string().trim().max(200).default('Bộ phận Tiếp nhận và Trả kết quả'),
  /** Địa danh for "<place>, ngày … tháng … năm …". */
  placeName: z.string().trim().max(100).default(''),
  hotline: z.string().trim().max(100).default(''),
  /** The issuing system named in the TT 01/2023 QR. */
  issuingSystem: z.string().trim().max(100).default('Một Cửa Desk'),
  /** Quyển số of the dossier register (Sổ theo dõi hồ sơ). */
  registerBook: z.string().trim().max(40).default(''),
  /** Print slips in two copies (liên 1 lưu, liên 2 giao người nộp). */
  twoCopies: z.boolean().default(false),
  /** Extra lines per form, printed in the notes block. */
  notes: z.partialRecord(FormKindSchema, z.array(z.string().trim().max(500)).max(10)).default({}),
  /** Where fees by transfer go (VietQR); no QR without it. */
  bank: z
    .object({ bin: z.string().regex(/^\d{6}$/), account: z.string().regex(/^[A-Za-z0-9]{1,19}$/), accountName: z.string().trim().max(100).default('') })
    .nullable()
    .default(null),
  /** Which set to use regardless of the date (a province that adopted the new forms late); null = by date. */
  forceSet: z.enum(FORM_SETS).nullable().default(null),
});
export type FormValues = z.infer<typeof FormValuesSchema>;
export const DEFAULT_FORM_VALUES: FormValues = FormValuesSchema.parse({});

export type HeaderLine = Readonly<{ text: string; bold: boolean; underline: boolean }>;
export type TextStyle = 'title' | 'subtitle' | 'body' | 'emphasis' | 'note' | 'banner';

/** One laid-out piece of a filled document, with its exact Vietnamese text. */
export type DocLine =
  | Readonly<{ kind: 'header'; left: readonly HeaderLine[]; right: readonly HeaderLine[] }>
  | Readonly<{ kind: 'text'; text: string; style: TextStyle; align: 'left' | 'center' | 'right' }>
  | Readonly<{ kind: 'field'; number: string | null; label: string; value: string }>
  | Readonly<{ kind: 'list'; number: string | null; label: string; items: readonly string[] }>
  | Readonly<{ kind: 'qr'; role: QrRole; data: string; caption: string | null }>
  | Readonly<{ kind: 'signatures'; columns: readonly Required<SignatureColumn>[] }>
  | Readonly<{ kind: 'rule' }>;

export type FilledDocument = Readonly<{
  templateId: string;
  kind: FormKind;
  title: string;
  formNumber: string | null;
  lines: readonly DocLine[];
  /** What its PDF says about itself (Info and XMP): "<form name> — <dossier code>" and the issuing agency. */
  meta: Readonly<{ title: string; author: string }>;
}>;
