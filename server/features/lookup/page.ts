import { escapeHtml } from './mask.ts';

export type LookupResult = Readonly<{
  code: string;
  procedureName: string;
  applicant: string;
  status: string;
  dueDate: string;
  collectAt: string;
}>;

export type PageState =
  | Readonly<{ kind: 'form' }>
  | Readonly<{ kind: 'found'; ma: string; result: LookupResult }>
  | Readonly<{ kind: 'not-found'; ma: string }>
  | Readonly<{ kind: 'invalid'; ma: string }>
  | Readonly<{ kind: 'rate-limited'; retryAfterSeconds: number }>
  | Readonly<{ kind: 'error' }>;

export const STYLE = `body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f5f6f8;color:#1a1a1a;line-height:1.5}
main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin-top:1rem}
input{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #767676;border-radius:4px}
input:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
button{margin-top:1.25rem;font-size:1.1rem;padding:.6rem 1.4rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;cursor:pointer}
.hint{color:#444;font-size:.95rem;margin:.25rem 0 0}.message{padding:.75rem 1rem;border-radius:4px;margin:1rem 0}
.error{background:#fdecea;border:1px solid #b3261e}.ok{background:#e8f5e9;border:1px solid #2e7d32}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{font-weight:600}dd{margin:0}`;

function form(ma: string): string {
  return `<form method="get" action="/tra-cuu" novalidate>
<label for="ma">Mã hồ sơ</label>
<input id="ma" name="ma" type="text" required maxlength="40" autocomplete="off" spellcheck="false" value="${escapeHtml(ma)}" aria-describedby="ma-hint">
<p class="hint" id="ma-hint">In trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.00.12.H12-261123-0001.</p>
<label for="pin">Mã tra cứu (6 chữ số)</label>
<input id="pin" name="pin" type="password" required inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="off" aria-describedby="pin-hint">
<p class="hint" id="pin-hint">Sáu chữ số in cạnh mã hồ sơ trên giấy hẹn.</p>
<button type="submit">Tra cứu</button>
</form>`;
}

function result(found: LookupResult): string {
  const rows: [string, string][] = [
    ['Mã hồ sơ', found.code],
    ['Thủ tục', found.procedureName],
    ['Người nộp', found.applicant],
    ['Trạng thái', found.status],
    ['Ngày hẹn trả kết quả', found.dueDate],
    ['Nơi nhận kết quả', found.collectAt],
  ];
  return `<section class="message ok" aria-labelledby="result-title"><h2 id="result-title">Thông tin hồ sơ</h2>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></section>`;
}

const alert = (text: string) => `<div class="message error" role="alert">${escapeHtml(text)}</div>`;

/** The whole page: Vietnamese, no script, no external asset, every value escaped. */
export function renderLookupPage(state: PageState): string {
  let body: string;
  switch (state.kind) {
    case 'form':
      body = form('');
      break;
    case 'found':
      body = result(state.result) + form(state.ma);
      break;
    case 'not-found':
      body = alert('Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại giấy hẹn.') + form(state.ma);
      break;
    case 'invalid':
      body = alert('Mã hồ sơ hoặc mã tra cứu không đúng định dạng. Mã tra cứu gồm 6 chữ số.') + form(state.ma);
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
<meta name="robots" content="noindex"><title>Tra cứu hồ sơ – Bộ phận Một cửa</title><style>${STYLE}</style></head>
<body><main><h1>Tra cứu tình trạng hồ sơ</h1>${body}</main></body>
</html>`;
}
