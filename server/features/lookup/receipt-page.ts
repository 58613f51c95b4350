import { escapeHtml } from './mask.ts';
import { renderLookupShell, resultSection, type LookupPageState, type LookupPageText } from './page-shell.ts';

/** What a citizen sees of a receipt: no personal data beyond the masked payer name. */
export type ReceiptLookupResult = Readonly<{
  template: string;
  symbol: string;
  number: string;
  date: string;
  amount: string;
  status: string;
  /** Issued and neither cancelled nor replaced: shown in green; otherwise the box warns. */
  valid: boolean;
  /** "Thay thế cho biên lai …" when this receipt replaced another. */
  replaces: string | null;
  payer: string;
  issuer: string;
}>;

export type ReceiptPageState = LookupPageState<ReceiptLookupResult>;

function form(ma: string): string {
  return `<form method="get" action="/tra-cuu/bien-lai" novalidate>
<label for="ma">Mã tra cứu biên lai</label>
<input id="ma" name="ma" type="text" required maxlength="20" autocomplete="off" spellcheck="false" autocapitalize="characters" value="${escapeHtml(ma)}" aria-describedby="ma-hint">
<p class="hint" id="ma-hint">In dưới mã QR trên biên lai thu phí, lệ phí ("Mã tra cứu biên lai"), ví dụ K7M2QX9PA4.</p>
<button type="submit">Tra cứu</button>
</form>`;
}

function result(found: ReceiptLookupResult): string {
  const rows: [string, string][] = [
    ['Mẫu số', found.template],
    ['Ký hiệu', found.symbol],
    ['Số', found.number],
    ['Ngày lập', found.date],
    ['Số tiền', found.amount],
    ['Tình trạng', found.status],
    ...(found.replaces ? [['Thay thế cho', found.replaces] as [string, string]] : []),
    ['Người nộp', found.payer],
    ['Đơn vị thu', found.issuer],
  ];
  return resultSection('Thông tin biên lai', rows, found.valid);
}

const TEXT: LookupPageText<ReceiptLookupResult> = {
  title: 'Tra cứu biên lai – Bộ phận Một cửa',
  heading: 'Tra cứu biên lai thu phí, lệ phí',
  form,
  result,
  notFound: 'Không tìm thấy biên lai với mã tra cứu đã nhập. Vui lòng kiểm tra lại mã in trên biên lai.',
  invalid: 'Mã tra cứu không đúng định dạng: gồm 6 đến 16 chữ cái in hoa và chữ số.',
};

/** The receipt look-up page (/tra-cuu/bien-lai). */
export function renderReceiptLookupPage(state: ReceiptPageState): string {
  return renderLookupShell(TEXT, state);
}
