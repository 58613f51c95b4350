import { escapeHtml } from './mask.ts';
import { STYLE } from './page.ts';

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

export type ReceiptPageState =
  | Readonly<{ kind: 'form' }>
  | Readonly<{ kind: 'found'; ma: string; result: ReceiptLookupResult }>
  | Readonly<{ kind: 'not-found'; ma: string }>
  | Readonly<{ kind: 'invalid'; ma: string }>
  | Readonly<{ kind: 'rate-limited'; retryAfterSeconds: number }>
  | Readonly<{ kind: 'error' }>;

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
  return `<section class="message ${found.valid ? 'ok' : 'error'}" aria-labelledby="result-title"><h2 id="result-title">Thông tin biên lai</h2>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></section>`;
}

const alert = (text: string) => `<div class="message error" role="alert">${escapeHtml(text)}</div>`;

/** The receipt look-up page: Vietnamese, no script, no external asset, every value escaped. */
export function renderReceiptLookupPage(state: ReceiptPageState): string {
  let body: string;
  switch (state.kind) {
    case 'form':
      body = form('');
      break;
    case 'found':
      body = result(state.result) + form(state.ma);
      break;
    case 'not-found':
      body = alert('Không tìm thấy biên lai với mã tra cứu đã nhập. Vui lòng kiểm tra lại mã in trên biên lai.') + form(state.ma);
      break;
    case 'invalid':
      body = alert('Mã tra cứu không đúng định dạng: gồm 6 đến 16 chữ cái in hoa và chữ số.') + form(state.ma);
      break;
    case 'rate-limited':
      body = alert(`Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${state.retryAfterSeconds} giây.`);
      break;
    case 'error':
      body = alert('Hệ thống đang gặp sự cố. Vui lòng thử lại sau.');
      break;
  }
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Tra cứu biên lai – Bộ phận Một cửa</title><style>${STYLE}</style></head>
<body><main><h1>Tra cứu biên lai thu phí, lệ phí</h1>${body}</main></body>
</html>`;
}
