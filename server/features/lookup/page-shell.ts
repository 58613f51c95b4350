import { escapeHtml } from './mask.ts';

/** The states of a citizen look-up page (dossier or receipt), the same for both. */
export type LookupPageState<Result> =
  | Readonly<{ kind: 'form' }>
  | Readonly<{ kind: 'found'; ma: string; result: Result }>
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

/** The found record as a term/value list, green when `ok`, red (a warning) otherwise. */
export function resultSection(heading: string, rows: readonly (readonly [string, string])[], ok: boolean): string {
  return `<section class="message ${ok ? 'ok' : 'error'}" aria-labelledby="result-title"><h2 id="result-title">${escapeHtml(heading)}</h2>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></section>`;
}

const alert = (text: string) => `<div class="message error" role="alert">${escapeHtml(text)}</div>`;

/** What differs between the pages: their titles, the form, the result and the two messages of their own. */
export type LookupPageText<Result> = Readonly<{
  title: string;
  heading: string;
  form: (ma: string) => string;
  result: (found: Result) => string;
  notFound: string;
  invalid: string;
}>;

/** A whole look-up page: Vietnamese, no script, no external asset, every value escaped. */
export function renderLookupShell<Result>(text: LookupPageText<Result>, state: LookupPageState<Result>): string {
  let body: string;
  switch (state.kind) {
    case 'form':
      body = text.form('');
      break;
    case 'found':
      body = text.result(state.result) + text.form(state.ma);
      break;
    case 'not-found':
      body = alert(text.notFound) + text.form(state.ma);
      break;
    case 'invalid':
      body = alert(text.invalid) + text.form(state.ma);
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
<meta name="robots" content="noindex"><title>${escapeHtml(text.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(text.heading)}</h1>${body}</main></body>
</html>`;
}
