/**
 * VND amounts in Vietnamese words, as the "Số tiền bằng chữ" line of a receipt or invoice prints them:
 * 150 000 → "Một trăm năm mươi nghìn đồng".
 *
 * Rules (the usual accounting conventions, e.g. aloketoan.com "Hướng dẫn viết số tiền bằng chữ trên hóa
 * đơn"; they agree with common spreadsheet add-ins such as VnTools' =VND()):
 * - 3-digit groups, named nghìn (10^3), triệu (10^6), tỷ (10^9); above that the tỷ count is itself read as
 *   a number: 10^12 → "một nghìn tỷ", 10^15 → "một triệu tỷ", 1 005 × 10^9 → "một nghìn không trăm linh
 *   năm tỷ". Groups that are all zero are not read (1 000 000 000 → "một tỷ").
 * - Inside a number, a group after the first is read with all three places: a zero hundreds digit is
 *   "không trăm" (1 005 → "một nghìn không trăm linh năm", 1 000 050 → "một triệu không trăm năm mươi").
 * - Tens digit 0 with a units digit after a hundred: "linh" (105 → "một trăm linh năm").
 * - Tens digit 1 is "mười" (10, 14, 110); 2–9 are "<digit> mươi" (20 → "hai mươi").
 * - Units 1 after a tens digit ≥ 2 is "mốt" (21 → "hai mươi mốt"; 11 and 101 stay "một").
 * - Units 4 after a tens digit ≥ 2 is "tư" (24 → "hai mươi tư"; 4, 14, 104 stay "bốn").
 * - Units 5 after any tens digit ≥ 1 is "lăm" (15, 25 → "mười lăm", "hai mươi lăm"; 5 and 105 stay "năm").
 * - 0 → "Không đồng". The first letter is capitalised; "đồng" ends the phrase.
 *
 * Two choices differ by region, so they are options: "nghìn" (Northern and the form used in legal texts and
 * most e-invoice software; default) or "ngàn" (Southern), and "linh" (default, as in the sources above) or
 * "lẻ" (Southern). Both forms are accepted on receipts; a centre picks one in its settings.
 */

export type MoneyWordsOptions = Readonly<{
  thousand?: 'nghìn' | 'ngàn';
  zeroTens?: 'linh' | 'lẻ';
}>;

/** The largest amount read: 10^15 đồng ("một triệu tỷ"), well inside Number's exact integers. */
export const MAX_AMOUNT_IN_WORDS = 1_000_000_000_000_000;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

type Words = Readonly<{ thousand: string; zeroTens: string }>;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** 0 < n < 1000. `full`: the group follows another, so its hundreds place is read even when zero. */
function readGroup(n: number, full: boolean, words: Words): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const out: string[] = [];
  if (hundreds > 0 || full) out.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (out.length > 0) out.push(words.zeroTens);
      out.push(digit(units));
    }
    return out;
  }
  if (tens === 1) out.push('mười');
  else out.push(digit(tens), 'mươi');
  if (units === 1 && tens >= 2) out.push('mốt');
  else if (units === 4 && tens >= 2) out.push('tư');
  else if (units === 5) out.push('lăm');
  else if (units > 0) out.push(digit(units));
  return out;
}

/** 0 < n < 10^9. `full`: n follows a higher part (tỷ), so its first group is read in full. */
function readBelowBillion(n: number, full: boolean, words: Words): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const names = ['triệu', words.thousand, ''];
  const out: string[] = [];
  groups.forEach((group, index) => {
    if (group === 0) return;
    out.push(...readGroup(group, full || out.length > 0, words));
    const name = names[index];
    if (name) out.push(name);
  });
  return out;
}

/** n > 0: the part above 10^9 is read as a number of tỷ (recursively), then the rest. */
function readPositive(n: number, full: boolean, words: Words): string[] {
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const out: string[] = [];
  if (billions > 0) out.push(...readPositive(billions, full, words), 'tỷ');
  if (rest > 0) out.push(...readBelowBillion(rest, full || billions > 0, words));
  return out;
}

/** The number alone in lower case ("một trăm linh năm"), 0 ≤ n ≤ 10^15. */
export function numberInVietnameseWords(n: number, options: MoneyWordsOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_AMOUNT_IN_WORDS) {
    throw new RangeError(`Amounts in words are whole numbers from 0 to 10^15: ${String(n)}`);
  }
  if (n === 0) return 'không';
  const words: Words = { thousand: options.thousand ?? 'nghìn', zeroTens: options.zeroTens ?? 'linh' };
  return readPositive(n, false, words).join(' ');
}

/** The receipt's "bằng chữ" line: "Một trăm năm mươi nghìn đồng". */
export function amountInWords(amount: number, options: MoneyWordsOptions = {}): string {
  const text = `${numberInVietnameseWords(amount, options)} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
