import { amountInWords } from '../payments/money-words.ts';

/**
 * The e-receipt / e-invoice XML, in the layout DOMAIN.md describes ([S]: seen in public code and providers'
 * pages; no official XSD was found): HDon > DLHDon[Id] > TTChung, NDHDon > NBan, NMua, DSHHDVu > HHDVu*,
 * TToan; then DSCKS > NBan, where the XMLDSig signature goes (its Reference points at `#<DLHDon Id>`).
 * Tag names and the version `PBan` are data the tax office may change; they live here and nowhere else.
 *
 * The text is written without indentation or a trailing newline, so what is signed is exactly what is
 * stored and sent. Pure: no clock, no randomness; the same receipt gives the same bytes.
 */

export const XML_FORMAT_VERSION = '2.1.0';
/** Where the signature goes (xml-crypto's `location.reference`), namespace-agnostic. */
export const SIGNATURE_PARENT_XPATH = "/*[local-name()='HDon']/*[local-name()='DSCKS']/*[local-name()='NBan']";

export type InvoiceLine = Readonly<{ name: string; unit: string; quantity: number; amount: number; exemptReason: string | null }>;

export type RelatedInvoice = Readonly<{
  /** TCHDon: 1 = thay thế (replacement), 2 = điều chỉnh (adjustment). */
  kind: 'replacement' | 'adjustment';
  template: string;
  symbol: string;
  number: number;
  /** YYYY-MM-DD */
  date: string;
  reason: string;
}>;

export type InvoiceData = Readonly<{
  /** The DLHDon Id: an XML NCName, unique per receipt. */
  dataId: string;
  title: string;
  template: string;
  symbol: string;
  number: number;
  /** YYYY-MM-DD (Vietnam) */
  date: string;
  method: 'cash' | 'transfer';
  seller: Readonly<{ name: string; taxCode: string; address: string }>;
  buyer: Readonly<{ name: string; address: string; reference: string }>;
  lines: readonly InvoiceLine[];
  total: number;
  lookupCode: string;
  related?: RelatedInvoice | null;
}>;

/** Characters XML 1.0 cannot carry are dropped; the five special ones are escaped. */
export function escapeXml(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function el(tag: string, content: string | number): string {
  return `<${tag}>${typeof content === 'number' ? String(content) : escapeXml(content)}</${tag}>`;
}

function raw(tag: string, inner: string): string {
  return `<${tag}>${inner}</${tag}>`;
}

export function isXmlId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id);
}

function relatedXml(related: RelatedInvoice): string {
  return raw(
    'TTHDLQuan',
    el('TCHDon', related.kind === 'replacement' ? 1 : 2) +
      el('LHDCLQuan', 1) +
      el('KHMSHDCLQuan', related.template) +
      el('KHHDCLQuan', related.symbol) +
      el('SHDCLQuan', related.number) +
      el('NLHDCLQuan', related.date) +
      el('GChu', related.reason),
  );
}

/** The unsigned document, with an empty DSCKS/NBan where the signature will be appended. */
export function buildInvoiceXml(data: InvoiceData): string {
  if (!isXmlId(data.dataId)) throw new RangeError(`not an XML Id: ${data.dataId}`);
  if (!Number.isSafeInteger(data.number) || data.number < 1 || data.number > 99_999_999) throw new RangeError('SHDon is 1…99 999 999');
  const sum = data.lines.reduce((total, line) => total + line.amount, 0);
  if (sum !== data.total) throw new RangeError(`lines add up to ${sum}, not ${data.total}`);
  const general =
    el('PBan', XML_FORMAT_VERSION) +
    el('THDon', data.title) +
    el('KHMSHDon', data.template) +
    el('KHHDon', data.symbol) +
    el('SHDon', data.number) +
    el('NLap', data.date) +
    el('DVTTe', 'VND') +
    el('TGia', 1) +
    el('HTTToan', data.method === 'cash' ? 'TM' : 'CK') +
    el('MTCuu', data.lookupCode) +
    (data.related ? relatedXml(data.related) : '');
  const items = data.lines
    .map((line, index) =>
      raw(
        'HHDVu',
        el('TChat', 1) +
          el('STT', index + 1) +
          el('THHDVu', line.name) +
          el('DVTinh', line.unit) +
          el('SLuong', line.quantity) +
          el('ThTien', line.amount) +
          (line.exemptReason === null ? '' : el('GChu', `Miễn: ${line.exemptReason}`)),
      ),
    )
    .join('');
  const content =
    raw('NBan', el('Ten', data.seller.name) + el('MST', data.seller.taxCode) + el('DChi', data.seller.address)) +
    raw('NMua', el('Ten', data.buyer.name) + el('DChi', data.buyer.address) + el('MKHang', data.buyer.reference)) +
    raw('DSHHDVu', items) +
    raw('TToan', el('TgTTTBSo', data.total) + el('TgTTTBChu', amountInWords(data.total)));
  return `<?xml version="1.0" encoding="UTF-8"?><HDon><DLHDon Id="${data.dataId}">${raw('TTChung', general)}${raw('NDHDon', content)}</DLHDon><DSCKS><NBan></NBan></DSCKS></HDon>`;
}
