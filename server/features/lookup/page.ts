import { escapeHtml } from './mask.ts';
import { renderLookupShell, resultSection, type LookupPageState, type LookupPageText } from './page-shell.ts';

export type LookupResult = Readonly<{
  code: string;
  procedureName: string;
  applicant: string;
  status: string;
  dueDate: string;
  collectAt: string;
}>;

export type PageState = LookupPageState<LookupResult>;

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
  return resultSection('Thông tin hồ sơ', rows, true);
}

const TEXT: LookupPageText<LookupResult> = {
  title: 'Tra cứu hồ sơ – Bộ phận Một cửa',
  heading: 'Tra cứu tình trạng hồ sơ',
  form,
  result,
  notFound: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại giấy hẹn.',
  invalid: 'Mã hồ sơ hoặc mã tra cứu không đúng định dạng. Mã tra cứu gồm 6 chữ số.',
};

/** The dossier look-up page (/tra-cuu). */
export function renderLookupPage(state: PageState): string {
  return renderLookupShell(TEXT, state);
}
