/**
 * The applicant's name on the public look-up page: the first letter of each word, then always three
 * asterisks — "Nguyễn Văn An" → "N*** V*** A***". Enough for a citizen to recognise their own dossier,
 * too little to learn a stranger's name; the fixed width hides how long each word is.
 */
export function maskName(fullName: string): string {
  return fullName
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `${[...word][0]!.toLocaleUpperCase('vi')}***`)
    .join(' ');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
