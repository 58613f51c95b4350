import type { Dossier, Paper } from '../../contract/dossiers.ts';
import type { Receipt } from '../../contract/receipts.ts';
import { DOSSIER_STATUSES } from '../dossiers/status.ts';
import { amountInWords } from '../payments/money-words.ts';
import { buildVietQr } from '../payments/vietqr.ts';
import { BLANK, fill, longDate, longTime, shortDate, shortTime, timeLimitText, vnd } from './format.ts';
import type { Block, DocLine, FilledDocument, FormTemplate, FormValues, ReceiptState } from './model.ts';
import { lookupUrl, receiptLookupUrl, receiptQrData, slipQrData } from './qr-data.ts';

export type FeeLine = Readonly<{ name: string; amount: number }>;

/** What the fee receipt prints of a receipt (core/features/receipts); its lines replace the catalogue's fees. */
export type PrintedReceipt = Pick<
  Receipt,
  'status' | 'template' | 'symbol' | 'number' | 'issuedAt' | 'method' | 'amount' | 'payerName' | 'lines' | 'lookupCode' | 'dossierCode' | 'cancelReason'
>;

/** What a form may need beyond the dossier: the reason of a refusal, the papers asked for, fees, … */
export type DocumentExtra = Readonly<{
  reason?: string;
  items?: readonly string[];
  fees?: readonly FeeLine[];
  newDueAt?: string;
  lateDays?: number;
  receiverName?: string;
  /** Who took the money (a fee receipt's NGƯỜI THU TIỀN): the clerk's name, else the account id. */
  collectorName?: string;
}>;

export type DocumentInput = Readonly<{
  template: FormTemplate;
  dossier: Dossier;
  values: FormValues;
  /** When the document is issued (+07:00): its date line, its QR time, and which template was in force. */
  issuedAt: string;
  serverUrl: string | null;
  /** Which copy of a two-copy slip this is; null when printed once. */
  copy?: 1 | 2 | null;
  /** Set on a reprint: the slip says "BẢN IN LẠI" with this time. */
  reprintedAt?: string | null;
  extra?: DocumentExtra;
  /** The receipt a fee receipt prints; absent, the form is the unpaid fee slip from the dossier's fixed fees. */
  receipt?: PrintedReceipt | null;
}>;

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';
const COPY_LABELS = { 1: 'Liên 1: Lưu', 2: 'Liên 2: Giao người nộp hồ sơ' } as const;
const PAPER_FORMS: Readonly<Record<Paper['form'], string>> = { original: 'Bản chính', copy: 'Bản sao', 'certified-copy': 'Bản sao chứng thực' };

function paperLine(paper: Paper): string {
  return `${paper.name} (${PAPER_FORMS[paper.form]}: ${String(paper.count).padStart(2, '0')})${paper.note ? ` — ${paper.note}` : ''}`;
}

/** "Lệ phí đăng ký khai sinh: 8.000 đồng"; a count and unit when more than one; an exemption with its reason. */
function receiptLine(line: PrintedReceipt['lines'][number]): string {
  const count = line.quantity > 1 ? ` (${line.quantity} ${line.unit})` : '';
  return `${line.name}${count}: ${vnd(line.amount)}${line.exemptReason === null ? '' : ` — miễn: ${line.exemptReason}`}`;
}

function deliveryText(dossier: Dossier, unitName: string): string {
  const delivery = dossier.resultDelivery;
  return delivery.method === 'post' ? `Qua dịch vụ bưu chính công ích: ${delivery.address}` : unitName;
}

/** Everything a template's `{placeholder}` can name (downloaded templates are checked against this list). */
export const PLACEHOLDER_NAMES = [
  'code', 'agencyCode', 'procedureCode', 'procedureName', 'applicantName', 'applicantId', 'applicantAddress',
  'applicantPhone', 'applicantEmail', 'sets', 'timeLimit', 'receivedAt', 'receivedDate', 'dueAt', 'dueDate',
  'returnedAt', 'delivery', 'unitName', 'registerBook', 'registerNumber', 'status', 'reason', 'newDueAt', 'lateDays',
  'receiverName', 'feeTotal', 'feeInWords', 'feeLine', 'payerName', 'paymentMethod', 'receiptTemplate',
  'receiptSymbol', 'receiptNumber', 'cancelReason', 'collectorName',
] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** The value of every placeholder; absent values print as a dotted blank. The type keeps it equal to the list. */
function variables(input: DocumentInput): Record<PlaceholderName, string | undefined> {
  const { dossier, values, extra = {}, receipt } = input;
  const applicant = dossier.applicant;
  const applicantName = applicant.representative ? `${applicant.fullName} (người đại diện: ${applicant.representative})` : applicant.fullName;
  const fees = receipt ? receipt.amount : extra.fees === undefined ? undefined : extra.fees.reduce((sum, fee) => sum + fee.amount, 0);
  return {
    code: dossier.code,
    agencyCode: dossier.agencyCode,
    procedureCode: dossier.procedure.code,
    procedureName: dossier.procedure.name,
    applicantName,
    applicantId: applicant.idNumber,
    applicantAddress: applicant.address,
    applicantPhone: applicant.phone,
    applicantEmail: applicant.email,
    sets: String(dossier.sets).padStart(2, '0'),
    timeLimit: timeLimitText(dossier.procedure.timeLimit),
    receivedAt: longTime(dossier.receivedAt),
    receivedDate: shortDate(dossier.receivedAt),
    dueAt: longTime(dossier.dueAt),
    dueDate: shortDate(dossier.dueAt),
    returnedAt: dossier.returnedAt === null ? undefined : longTime(dossier.returnedAt),
    delivery: deliveryText(dossier, values.unitName),
    unitName: values.unitName,
    registerBook: values.registerBook,
    // The day's sequence in the dossier code is the register's running number for that day.
    registerNumber: dossier.code.slice(-4),
    status: DOSSIER_STATUSES[dossier.status].vi,
    reason: extra.reason,
    newDueAt: extra.newDueAt === undefined ? undefined : longTime(extra.newDueAt),
    lateDays: extra.lateDays === undefined ? undefined : String(extra.lateDays),
    receiverName: extra.receiverName,
    feeTotal: fees === undefined ? undefined : vnd(fees),
    feeInWords: fees === undefined ? undefined : amountInWords(fees),
    feeLine: fees === undefined ? undefined : fees === 0 ? 'Không thu' : vnd(fees),
    payerName: receipt ? receipt.payerName : applicantName,
    paymentMethod: receipt ? (receipt.method === 'cash' ? 'Tiền mặt' : 'Chuyển khoản') : 'Tiền mặt/Chuyển khoản',
    receiptTemplate: receipt?.template ?? undefined,
    receiptSymbol: receipt?.symbol ?? undefined,
    // As SHDon in the signed XML: no leading zeros.
    receiptNumber: receipt && receipt.number !== null ? String(receipt.number) : undefined,
    cancelReason: receipt?.cancelReason ?? undefined,
    collectorName: extra.collectorName,
  };
}

function qrLine(block: Extract<Block, { kind: 'qr' }>, input: DocumentInput): DocLine | null {
  const { dossier, values, template } = input;
  switch (block.content) {
    case 'tt01-2023':
      return {
        kind: 'qr',
        role: 'tt01-2023',
        data: slipQrData({ dossierCode: dossier.code, procedureCode: dossier.procedure.code, applicantId: dossier.applicant.idNumber, formTitle: template.title, issuingSystem: values.issuingSystem, issuedAt: input.issuedAt }),
        caption: null,
      };
    case 'lookup': {
      const url = lookupUrl(input.serverUrl, dossier.code, dossier.lookupPin);
      if (url === null) return { kind: 'text', text: `Mã tra cứu hồ sơ (PIN): ${dossier.lookupPin}`, style: 'emphasis', align: 'center' };
      return { kind: 'qr', role: 'lookup', data: url, caption: `Tra cứu hồ sơ — mã PIN: ${dossier.lookupPin}` };
    }
    case 'vietqr': {
      const total = (input.extra?.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
      if (values.bank === null || total <= 0) return null;
      const built = buildVietQr({ bin: values.bank.bin, account: values.bank.account, amount: total, purpose: dossier.code });
      if (!built.ok) return null;
      const owner = values.bank.accountName === '' ? '' : ` — ${values.bank.accountName}`;
      return { kind: 'qr', role: 'vietqr', data: built.payload, caption: `Chuyển khoản ${vnd(total)} — TK ${values.bank.account}${owner}` };
    }
    case 'receipt': {
      const receipt = input.receipt;
      if (!receipt) return null;
      // The look-up link when the counter knows its server (the page shows the receipt's current status);
      // the facts as a data line otherwise. The code is printed as text either way.
      const url = receiptLookupUrl(input.serverUrl, receipt.lookupCode);
      const data = url ?? receiptQrData({ template: receipt.template, symbol: receipt.symbol, number: receipt.number, issuedAt: receipt.issuedAt, amount: receipt.amount, lookupCode: receipt.lookupCode, dossierCode: receipt.dossierCode });
      return { kind: 'qr', role: 'receipt', data, caption: `Mã tra cứu biên lai: ${receipt.lookupCode}` };
    }
    default:
      throw new RangeError(`unknown QR content ${String((block as { content: unknown }).content)}`);
  }
}

function blockLines(block: Block, input: DocumentInput, vars: Record<string, string | undefined>): DocLine[] {
  const { values } = input;
  switch (block.kind) {
    case 'header':
      return [
        {
          kind: 'header',
          left: [
            ...(values.governingBody === '' ? [] : [{ text: values.governingBody.toLocaleUpperCase('vi'), bold: false, underline: false }]),
            { text: values.unitName.toLocaleUpperCase('vi'), bold: true, underline: true },
          ],
          right: [
            { text: MOTTO, bold: true, underline: false },
            { text: MOTTO_SUB, bold: true, underline: true },
          ],
        },
      ];
    case 'place-date':
      return [{ kind: 'text', text: `${values.placeName === '' ? BLANK : values.placeName}, ${longDate(input.issuedAt)}`, style: 'note', align: 'right' }];
    case 'title': {
      const lines: DocLine[] = [{ kind: 'text', text: block.text, style: 'title', align: 'center' }];
      if (block.subtitle !== undefined) lines.push({ kind: 'text', text: block.subtitle, style: 'note', align: 'center' });
      return lines;
    }
    case 'copy-label':
      return input.copy ? [{ kind: 'text', text: `(${COPY_LABELS[input.copy]})`, style: 'note', align: 'left' }] : [];
    case 'text':
      return [{ kind: 'text', text: fill(block.text, vars), style: block.style ?? 'body', align: block.align ?? 'left' }];
    case 'field':
      return [{ kind: 'field', number: block.number ?? null, label: fill(block.label, vars), value: fill(block.value, vars) }];
    case 'list': {
      const items =
        block.source === 'papers'
          ? input.dossier.papers.map(paperLine)
          : block.source === 'items'
            ? [...(input.extra?.items ?? [])]
            : input.receipt
              ? input.receipt.lines.map(receiptLine)
              : (input.extra?.fees ?? []).map((fee) => `${fee.name}: ${vnd(fee.amount)}`);
      return [{ kind: 'list', number: block.number ?? null, label: block.label, items: items.length === 0 ? [BLANK] : items }];
    }
    case 'notes': {
      const notes = values.notes[input.template.kind] ?? [];
      const lines: DocLine[] = notes.map((text) => ({ kind: 'text', text, style: 'note', align: 'left' }));
      if (values.hotline !== '') lines.push({ kind: 'text', text: `Đường dây nóng: ${values.hotline}`, style: 'note', align: 'left' });
      return lines;
    }
    case 'qr': {
      const line = qrLine(block, input);
      return line === null ? [] : [line];
    }
    case 'signatures':
      return [{ kind: 'signatures', columns: block.columns.map((c) => ({ title: c.title, hint: c.hint, name: c.name === undefined ? '' : fill(c.name, vars) })) }];
    case 'rule':
      return [{ kind: 'rule' }];
    default:
      throw new RangeError(`unknown block ${String((block as { kind: unknown }).kind)}`);
  }
}

/** The agency that issues a document (its PDF's Author): the governing body, else the unit's own name. */
export function issuingAgency(values: FormValues): string {
  return values.governingBody === '' ? values.unitName : values.governingBody;
}

/** The filled document: pure, so the same input gives the same lines on paper, in a PDF and in a preview. */
export function buildDocument(input: DocumentInput): FilledDocument {
  const vars = variables(input);
  const state: ReceiptState = input.receipt ? input.receipt.status : 'unpaid';
  const lines: DocLine[] = [];
  if (input.reprintedAt) lines.push({ kind: 'text', text: `BẢN IN LẠI — ${shortTime(input.reprintedAt)}`, style: 'banner', align: 'center' });
  for (const block of input.template.blocks) if (block.when === undefined || block.when.includes(state)) lines.push(...blockLines(block, input, vars));
  const meta = { title: `${input.template.title} — ${input.dossier.code}`, author: issuingAgency(input.values) };
  return { templateId: input.template.id, kind: input.template.kind, title: input.template.title, formNumber: input.template.formNumber, lines, meta };
}

/** The document as plain lines, for text-mode printers and for tests that read what a form says. */
export function documentText(document: FilledDocument): string[] {
  return document.lines.flatMap((line): string[] => {
    switch (line.kind) {
      case 'header':
        return [...line.left.map((l) => l.text), ...line.right.map((l) => l.text)];
      case 'text':
        return [line.text];
      case 'field':
        return [`${line.number ? `${line.number}. ` : ''}${line.label}: ${line.value}`];
      case 'list':
        return [`${line.number ? `${line.number}. ` : ''}${line.label}:`, ...line.items.map((item) => `- ${item}`)];
      case 'qr':
        return line.caption === null ? [] : [line.caption];
      case 'signatures':
        return line.columns.flatMap((c) => [c.title, c.hint, ...(c.name === '' ? [] : [c.name])]);
      case 'rule':
        return ['--------'];
      default:
        throw new RangeError('unknown line');
    }
  });
}
