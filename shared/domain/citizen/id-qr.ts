/**
 * The QR code on the back of a Vietnamese chip ID card (CCCD, from 2021) and of the căn cước card (from
 * 01/7/2024), as a USB scanner types it:
 *
 *   <12-digit ID>|<old CMND or empty>|<full name>|<ddMMyyyy birth>|<Nam|Nữ>|<address>|<ddMMyyyy issued>
 *
 * The căn cước card adds four fields (empty for adults) and its field 6 is "nơi cư trú" instead of "nơi
 * thường trú". Both reach the same `IdQrCitizen`; fields after the seventh are ignored.
 *
 * Pure: no clock (pass `today`), no I/O. Problems that make the text unusable are returned as an
 * `IdQrProblem` (the core turns it into error `invalid-id-qr`); doubts that a clerk should check against the
 * card (ID digits that disagree with the birth year or sex, repaired encoding) are `IdQrWarning`s. Messages
 * say which field is wrong and what was expected, in Vietnamese and English, and never repeat the scanned
 * personal data of a rejected text.
 */

import { vietnamDate } from '../time/vietnam-time.ts';

export type Gender = 'male' | 'female';

export const ID_QR_FIELDS = ['idNumber', 'oldIdNumber', 'fullName', 'birthDate', 'gender', 'address', 'issueDate'] as const;
export type IdQrField = (typeof ID_QR_FIELDS)[number];

/** Why a text is refused. Stable: the UI may switch on these; only ever add. */
export const ID_QR_PROBLEM_CODES = [
  'empty',
  'multiple-lines',
  'replacement-character',
  'mangled-text',
  'too-few-fields',
  'id-number',
  'old-id-number',
  'full-name',
  'birth-date',
  'gender',
  'issue-date',
] as const;
export type IdQrProblemCode = (typeof ID_QR_PROBLEM_CODES)[number];

/** What a clerk should check against the card. Stable: the UI may switch on these; only ever add. */
export const ID_QR_WARNING_CODES = [
  'encoding-repaired',
  'id-gender-mismatch',
  'id-century-mismatch',
  'id-year-mismatch',
  'id-unknown-province',
  'old-id-unusual-length',
  'name-missing-diacritics',
  'name-telex-artefacts',
  'address-empty',
  'issue-date-in-future',
] as const;
export type IdQrWarningCode = (typeof ID_QR_WARNING_CODES)[number];

export type IdQrWarning = Readonly<{ code: IdQrWarningCode; vi: string; en: string }>;
export type IdQrProblem = Readonly<{ code: IdQrProblemCode; field: IdQrField | null; vi: string; en: string }>;

export type IdQrCitizen = Readonly<{
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  /** Nơi thường trú (7-field chip CCCD) or nơi cư trú (11-field căn cước). */
  address: string;
  /** YYYY-MM-DD */
  issueDate: string;
  warnings: readonly IdQrWarning[];
}>;

export type IdQrParseResult = Readonly<{ ok: true; citizen: IdQrCitizen }> | Readonly<{ ok: false; problem: IdQrProblem }>;

export type IdQrParseOptions = Readonly<{
  /** Today in Vietnam (YYYY-MM-DD): birth dates after it are refused, issue dates after it warned about. */
  today?: string;
  /** Valid first three digits of an ID number; defaults to `ID_PROVINCE_CODES`. */
  provinceCodes?: ReadonlySet<string>;
}>;

/**
 * The first three digits of a 12-digit personal ID: the province (or centrally-run city) where the birth was
 * registered, numbered as the 63 provinces were before the 2025 mergers (the 34 merged provinces kept codes
 * from this list). [S] Thông tư 07/2016/TT-BCA, then 59/2021/TT-BCA, as quoted by public legal pages;
 * checked against several public implementations. Only a warning hangs on it.
 */
export const ID_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

const DEFAULT_PROVINCE_CODES: ReadonlySet<string> = new Set(Object.keys(ID_PROVINCE_CODES));

/**
 * Digit 4 of the ID: sex and century of birth. Even = male, odd = female; 0/1 the 1900s, 2/3 the 2000s,
 * 4/5 the 2100s (and so on). [S] Same sources as the province codes.
 */
export function idCenturyGenderDigit(gender: Gender, birthYear: number): number {
  return (Math.floor(birthYear / 100) - 19) * 2 + (gender === 'female' ? 1 : 0);
}

const FIELD_LABELS: Readonly<Record<IdQrField, Readonly<{ vi: string; en: string }>>> = {
  idNumber: { vi: 'Số định danh cá nhân', en: 'personal ID number' },
  oldIdNumber: { vi: 'Số CMND cũ', en: 'old ID (CMND) number' },
  fullName: { vi: 'Họ, chữ đệm và tên', en: 'full name' },
  birthDate: { vi: 'Ngày sinh', en: 'date of birth' },
  gender: { vi: 'Giới tính', en: 'sex' },
  address: { vi: 'Nơi thường trú / nơi cư trú', en: 'address (permanent residence / residence)' },
  issueDate: { vi: 'Ngày cấp', en: 'date of issue' },
};

function fieldVi(field: IdQrField): string {
  return `trường ${ID_QR_FIELDS.indexOf(field) + 1} (${FIELD_LABELS[field].vi})`;
}
function fieldEn(field: IdQrField): string {
  return `field ${ID_QR_FIELDS.indexOf(field) + 1} (${FIELD_LABELS[field].en})`;
}
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Thrown inside the parser only; `parseIdQr` turns it into its result. */
class Refusal extends Error {
  readonly problem: IdQrProblem;
  constructor(problem: IdQrProblem) {
    super(problem.en);
    this.problem = problem;
  }
}

function refuse(code: IdQrProblemCode, field: IdQrField | null, vi: string, en: string): never {
  throw new Refusal({ code, field, vi, en });
}

function warning(code: IdQrWarningCode, vi: string, en: string): IdQrWarning {
  return { code, vi, en };
}

// ---------------------------------------------------------------------------------------------------------
// Encoding damage. A scanner that types UTF-8 bytes one by one (Alt+numpad) into a Windows machine whose ANSI
// code page is 1252 (or 1258, Vietnamese) turns "Nguyễn" into "Nguyá»…n". Mapping every character back to its
// byte and decoding the bytes as UTF-8 repairs it; a text that does not decode cleanly is refused.

/** Characters of Windows-1252 and Windows-1258 outside Latin-1, to their byte. The two pages never disagree. */
const ANSI_SPECIALS: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
  // Windows-1258 only
  [0x0102, 0xc3], [0x0300, 0xcc], [0x0110, 0xd0], [0x0309, 0xd2], [0x01a0, 0xd5], [0x01af, 0xdd],
  [0x0303, 0xde], [0x0103, 0xe3], [0x0301, 0xec], [0x0111, 0xf0], [0x0323, 0xf2], [0x01a1, 0xf5],
  [0x01b0, 0xfd], [0x20ab, 0xfe],
]);

/** Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. Null when the bytes are not UTF-8. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i += 1;
      continue;
    }
    let extra: number;
    let codePoint: number;
    let minimum: number;
    if (lead >= 0xc2 && lead <= 0xdf) [extra, codePoint, minimum] = [1, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [extra, codePoint, minimum] = [2, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [extra, codePoint, minimum] = [3, lead & 0x07, 0x10000];
    else return null;
    if (i + extra >= bytes.length) return null;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return null;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
    out += String.fromCodePoint(codePoint);
    i += extra + 1;
  }
  return out;
}

/** The text with UTF-8 read as Windows-1252/1258 undone, or null when it is not such a text. */
function undoAnsiMojibake(text: string): string | null {
  if (!/[^\p{ASCII}]/u.test(text)) return null;
  const bytes: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const byte = codePoint <= 0xff ? codePoint : ANSI_SPECIALS.get(codePoint);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  const decoded = decodeUtf8(bytes);
  return decoded === null || decoded === text ? null : decoded;
}

/**
 * Signs of damage no Vietnamese text has: C1 control characters, the Latin-1 symbols ¡…¿ (where the second
 * byte of a UTF-8 letter lands: "á»", "Æ°"), or a UTF-8 lead byte's letter followed by a Windows-1252 symbol
 * ("Ä‘" for "đ").
 */
const MOJIBAKE_SIGN = /[\u0080-\u009f\u00a1-\u00bf]|[ÂÃÄÅÆĂ][\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;
/** Control characters (tabs are spaces and line ends are refused before this is checked). */
const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** The field in which position `index` of `text` falls; null after the seventh. */
function fieldAt(text: string, index: number): IdQrField | null {
  let separators = 0;
  for (let i = 0; i < index; i += 1) if (text[i] === '|') separators += 1;
  return ID_QR_FIELDS[separators] ?? null;
}

function whereVi(field: IdQrField | null): string {
  return field === null ? 'sau trường 7' : fieldVi(field);
}
function whereEn(field: IdQrField | null): string {
  return field === null ? 'after field 7' : fieldEn(field);
}

/** The first seven fields of a text (the rest are ignored, so damage there does not matter). */
function firstSevenFields(text: string): string {
  let separators = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '|') {
      separators += 1;
      if (separators === 7) return text.slice(0, i);
    }
  }
  return text;
}

function cleanText(raw: string, warnings: IdQrWarning[]): string {
  const broken = firstSevenFields(raw).indexOf('\ufffd');
  if (broken >= 0) {
    const field = fieldAt(raw, broken);
    refuse(
      'replacement-character',
      field,
      `Chuỗi quét có ký tự hỏng (�) ở ${whereVi(field)}: máy quét hoặc máy tính đã làm mất chữ có dấu. Hãy đặt máy quét ở chế độ gửi Unicode (UTF-8) rồi quét lại.`,
      `The scanned text holds the replacement character (�) in ${whereEn(field)}: the scanner or the PC lost the accented letters. Set the scanner to send Unicode (UTF-8) and scan again.`,
    );
  }
  let text = raw;
  let repaired = false;
  for (let round = 0; round < 2; round += 1) {
    const undone = undoAnsiMojibake(text);
    if (undone === null) break;
    text = undone;
    repaired = true;
  }
  if (repaired) {
    warnings.push(
      warning(
        'encoding-repaired',
        'Chuỗi quét bị sai mã hóa (UTF-8 bị đọc như Windows-1252) và đã được khôi phục. Hãy đối chiếu họ tên, địa chỉ với thẻ và nhờ bộ phận CNTT chỉnh máy quét sang chế độ Unicode.',
        'The scanned text was mis-encoded (UTF-8 read as Windows-1252) and has been repaired. Check the name and address against the card, and ask IT to set the scanner to Unicode.',
      ),
    );
  }
  text = text.replace(INVISIBLE, '').replace(/[\u00a0\t]/g, ' ').trim();
  if (text === '') {
    refuse('empty', null, 'Không có dữ liệu: chuỗi quét từ mã QR đang trống.', 'Nothing to read: the scanned text is empty.');
  }
  if (/[\r\n\u2028\u2029]/.test(text)) {
    refuse(
      'multiple-lines',
      null,
      'Chuỗi quét có nhiều dòng, có thể do hai lần quét dính liền nhau. Hãy xóa ô nhập và quét lại từng thẻ một.',
      'The scanned text has more than one line, probably two scans run together. Clear the box and scan one card at a time.',
    );
  }
  const head = firstSevenFields(text);
  const sign = MOJIBAKE_SIGN.exec(head) ?? CONTROL.exec(head);
  if (sign) {
    const field = fieldAt(text, sign.index);
    refuse(
      'mangled-text',
      field,
      `Chữ tiếng Việt ở ${whereVi(field)} bị lỗi mã hóa và không khôi phục được. Hãy đặt máy quét ở chế độ gửi Unicode (UTF-8), tắt bộ gõ tiếng Việt rồi quét lại, hoặc nhập tay.`,
      `The Vietnamese text in ${whereEn(field)} is mis-encoded and cannot be repaired. Set the scanner to send Unicode (UTF-8), turn the Vietnamese input method off and scan again, or type the data in.`,
    );
  }
  return text.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------------
// Fields

function describeDigitsVi(value: string): string {
  const nonDigits = /\D/.test(value);
  return `chuỗi quét được có ${value.length} ký tự${nonDigits ? ', trong đó có ký tự không phải chữ số' : ''}`;
}
function describeDigitsEn(value: string): string {
  const nonDigits = /\D/.test(value);
  return `the scanned value has ${value.length} character${value.length === 1 ? '' : 's'}${nonDigits ? ', not all of them digits' : ''}`;
}

function parseIdNumber(value: string): string {
  if (!/^\d{12}$/.test(value)) {
    refuse(
      'id-number',
      'idNumber',
      `${capitalise(fieldVi('idNumber'))} phải gồm đúng 12 chữ số; ${describeDigitsVi(value)}.`,
      `${capitalise(fieldEn('idNumber'))} must be exactly 12 digits; ${describeDigitsEn(value)}.`,
    );
  }
  return value;
}

function parseOldIdNumber(value: string, warnings: IdQrWarning[]): string | null {
  if (value === '') return null;
  if (!/^\d+$/.test(value) || value.length < 8 || value.length > 12) {
    refuse(
      'old-id-number',
      'oldIdNumber',
      `${capitalise(fieldVi('oldIdNumber'))} phải để trống hoặc gồm 9 hoặc 12 chữ số; ${describeDigitsVi(value)}.`,
      `${capitalise(fieldEn('oldIdNumber'))} must be empty or 9 or 12 digits; ${describeDigitsEn(value)}.`,
    );
  }
  if (value.length !== 9 && value.length !== 12) {
    warnings.push(
      warning(
        'old-id-unusual-length',
        `Số CMND cũ có ${value.length} chữ số, trong khi CMND có 9 hoặc 12 chữ số. Hãy đối chiếu với thẻ.`,
        `The old ID (CMND) number has ${value.length} digits; CMND numbers have 9 or 12. Check it against the card.`,
      ),
    );
  }
  return value;
}

/** Syllables that a Vietnamese name never spells without their marks: seeing one means the marks were lost. */
const STRIPPED_SYLLABLES = new Set([
  'nguyen', 'tran', 'pham', 'hoang', 'huynh', 'dang', 'bui', 'duong', 'van', 'duc', 'ngoc', 'quoc', 'huu',
  'tuan', 'phuong', 'huong', 'cuong', 'truong', 'viet', 'thuy', 'hieu',
]);
/** Keystrokes of the Telex input method left in the text: doubled vowels or dd, w after a vowel, tone keys. */
const TELEX_WORD = /(aa|ee|oo|dd|aw|ow|uw)|[aeiouy][a-z]*[sfrxj]$/;

function parseFullName(value: string, warnings: IdQrWarning[]): string {
  const name = value.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(name)) {
    refuse(
      'full-name',
      'fullName',
      `${capitalise(fieldVi('fullName'))} đang trống hoặc không có chữ cái.`,
      `${capitalise(fieldEn('fullName'))} is empty or has no letters.`,
    );
  }
  if (/\d/.test(name)) {
    refuse(
      'full-name',
      'fullName',
      `${capitalise(fieldVi('fullName'))} có chữ số — dấu hiệu bộ gõ VNI đang bật khi máy quét nhập liệu. Hãy tắt bộ gõ tiếng Việt rồi quét lại.`,
      `${capitalise(fieldEn('fullName'))} contains digits — a sign that the VNI input method was on while the scanner typed. Turn the Vietnamese input method off and scan again.`,
    );
  }
  if (name.includes('?')) {
    refuse(
      'mangled-text',
      'fullName',
      `${capitalise(fieldVi('fullName'))} có dấu '?' thay cho chữ có dấu: máy quét hoặc máy tính không gửi được tiếng Việt. Hãy đặt máy quét ở chế độ Unicode (UTF-8) rồi quét lại.`,
      `${capitalise(fieldEn('fullName'))} has '?' in place of accented letters: the scanner or the PC cannot send Vietnamese. Set the scanner to Unicode (UTF-8) and scan again.`,
    );
  }
  if (!/^[\p{L}\p{M} '’.-]+$/u.test(name)) {
    refuse(
      'full-name',
      'fullName',
      `${capitalise(fieldVi('fullName'))} có ký tự không dùng trong họ tên (chỉ cho phép chữ cái, khoảng trắng, dấu nháy, gạch nối).`,
      `${capitalise(fieldEn('fullName'))} has characters that names do not use (only letters, spaces, apostrophes and hyphens).`,
    );
  }
  if (/^[\u0020-\u007e]+$/.test(name)) {
    const words = name.toLowerCase().split(' ');
    if (words.some((word) => TELEX_WORD.test(word))) {
      warnings.push(
        warning(
          'name-telex-artefacts',
          'Họ tên không có dấu và có dấu vết gõ Telex (như "aa", "dd", "uw" hay chữ s/f/r/x/j cuối từ): bộ gõ tiếng Việt có thể đang bật khi máy quét nhập liệu. Hãy đối chiếu với thẻ, tắt bộ gõ rồi quét lại.',
          'The name has no diacritics and looks like Telex keystrokes ("aa", "dd", "uw", or s/f/r/x/j ending a word): a Vietnamese input method may have been on while the scanner typed. Check it against the card, turn the input method off and scan again.',
        ),
      );
    } else if (words.some((word) => STRIPPED_SYLLABLES.has(word))) {
      warnings.push(
        warning(
          'name-missing-diacritics',
          'Họ tên có vẻ đã mất dấu tiếng Việt (ví dụ "Nguyen" thay vì "Nguyễn"). Hãy đối chiếu với thẻ và kiểm tra chế độ Unicode của máy quét.',
          'The name seems to have lost its Vietnamese diacritics (e.g. "Nguyen" for "Nguyễn"). Check it against the card and the scanner’s Unicode setting.',
        ),
      );
    }
  }
  return name;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ddMMyyyy (as on the card), also with / or - between the parts, to YYYY-MM-DD. */
function parseDate(value: string, field: 'birthDate' | 'issueDate'): string {
  const match = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(value);
  const vi = capitalise(fieldVi(field));
  const en = capitalise(fieldEn(field));
  const problem = field === 'birthDate' ? 'birth-date' : 'issue-date';
  if (!match) {
    refuse(
      problem,
      field,
      `${vi} phải có dạng ngàythángnăm gồm 8 chữ số (ví dụ 05091990 là ngày 05/09/1990); ${describeDigitsVi(value)}.`,
      `${en} must be 8 digits, day month year (e.g. 05091990 for 5 September 1990); ${describeDigitsEn(value)}.`,
    );
  }
  const [, dd = '', mm = '', yyyy = ''] = match;
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    refuse(
      problem,
      field,
      `${vi} không phải một ngày có thật trên lịch (tháng phải từ 01 đến 12 và ngày phải có trong tháng đó).`,
      `${en} is not a real calendar date (the month must be 01 to 12 and the day must exist in that month).`,
    );
  }
  if (year < 1900) {
    refuse(problem, field, `${vi} có năm trước 1900.`, `${en} has a year before 1900.`);
  }
  return `${yyyy}-${mm}-${dd}`;
}

function parseGender(value: string): Gender {
  const folded = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  if (folded === 'nam') return 'male';
  if (folded === 'nu') return 'female';
  return refuse(
    'gender',
    'gender',
    `${capitalise(fieldVi('gender'))} phải là "Nam" hoặc "Nữ"; ${value === '' ? 'trường này đang trống' : `chuỗi quét được có ${value.length} ký tự khác`}.`,
    `${capitalise(fieldEn('gender'))} must be "Nam" (male) or "Nữ" (female); ${value === '' ? 'it is empty' : `the scanned value is ${value.length} other character${value.length === 1 ? '' : 's'}`}.`,
  );
}

function parseAddress(value: string, warnings: IdQrWarning[]): string {
  const address = value.replace(/\s+/g, ' ').trim();
  if (address.includes('?')) {
    refuse(
      'mangled-text',
      'address',
      `${capitalise(fieldVi('address'))} có dấu '?' thay cho chữ có dấu: máy quét hoặc máy tính không gửi được tiếng Việt. Hãy đặt máy quét ở chế độ Unicode (UTF-8) rồi quét lại.`,
      `${capitalise(fieldEn('address'))} has '?' in place of accented letters: the scanner or the PC cannot send Vietnamese. Set the scanner to Unicode (UTF-8) and scan again.`,
    );
  }
  if (address === '') {
    warnings.push(warning('address-empty', 'Mã QR không có địa chỉ; hãy nhập theo thẻ.', 'The QR code has no address; type it from the card.'));
  }
  return address;
}

const GENDER_VI: Readonly<Record<Gender, string>> = { male: 'nam', female: 'nữ' };
const GENDER_EN: Readonly<Record<Gender, string>> = { male: 'male', female: 'female' };

/** The ID's digits against the birth year and sex on the card; disagreements are warnings only. */
function crossCheckId(idNumber: string, birthYear: number, gender: Gender, provinceCodes: ReadonlySet<string>): IdQrWarning[] {
  const warnings: IdQrWarning[] = [];
  const province = idNumber.slice(0, 3);
  const digit = Number(idNumber[3]);
  const idGender: Gender = digit % 2 === 0 ? 'male' : 'female';
  const centuryStart = 1900 + Math.floor(digit / 2) * 100;
  const yy = idNumber.slice(4, 6);
  if (!provinceCodes.has(province)) {
    warnings.push(
      warning(
        'id-unknown-province',
        `Ba chữ số đầu của số định danh (${province}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh (001–096). Hãy đối chiếu với thẻ.`,
        `The first three digits of the ID number (${province}) are not a code of the province where the birth was registered (001–096). Check it against the card.`,
      ),
    );
  }
  if (idGender !== gender) {
    warnings.push(
      warning(
        'id-gender-mismatch',
        `Chữ số thứ 4 của số định danh (${digit}) ứng với giới tính ${GENDER_VI[idGender]}, nhưng trường Giới tính ghi ${GENDER_VI[gender]}. Hãy đối chiếu với thẻ.`,
        `Digit 4 of the ID number (${digit}) means ${GENDER_EN[idGender]}, but the sex field says ${GENDER_EN[gender]}. Check it against the card.`,
      ),
    );
  }
  if (Math.floor(birthYear / 100) * 100 !== centuryStart) {
    warnings.push(
      warning(
        'id-century-mismatch',
        `Chữ số thứ 4 của số định danh (${digit}) ứng với người sinh trong các năm ${centuryStart}–${centuryStart + 99}, nhưng năm sinh là ${birthYear}. Hãy đối chiếu với thẻ.`,
        `Digit 4 of the ID number (${digit}) means born in ${centuryStart}–${centuryStart + 99}, but the year of birth is ${birthYear}. Check it against the card.`,
      ),
    );
  }
  if (Number(yy) !== birthYear % 100) {
    warnings.push(
      warning(
        'id-year-mismatch',
        `Chữ số thứ 5–6 của số định danh (${yy}) phải là hai số cuối của năm sinh (${birthYear}). Hãy đối chiếu với thẻ.`,
        `Digits 5–6 of the ID number (${yy}) should be the last two digits of the year of birth (${birthYear}). Check it against the card.`,
      ),
    );
  }
  return warnings;
}

function parseOrThrow(raw: string, options: IdQrParseOptions): IdQrCitizen {
  const warnings: IdQrWarning[] = [];
  const text = cleanText(raw, warnings);
  const fields = text.split('|').map((field) => field.trim());
  if (fields.length < 7) {
    const found = fields.length;
    const noSeparator = found === 1;
    refuse(
      'too-few-fields',
      null,
      noSeparator
        ? 'Chuỗi quét không có dấu "|" nào nên không phải mã QR trên thẻ căn cước (cần ít nhất 7 trường ngăn cách bởi "|"). Hãy quét đúng mã QR ở mặt sau thẻ; nếu vẫn lỗi, bố cục bàn phím của máy quét có thể không khớp với máy tính.'
        : `Mã QR trên thẻ căn cước có ít nhất 7 trường ngăn cách bởi "|", nhưng chuỗi quét chỉ có ${found} trường. Có thể chuỗi bị cắt ngắn: hãy quét lại.`,
      noSeparator
        ? 'The scanned text has no "|" separator, so it is not the QR code of an ID card (at least 7 fields separated by "|"). Scan the QR code on the back of the card; if that fails too, the scanner\'s keyboard layout may not match the PC\'s.'
        : `The QR code of an ID card has at least 7 fields separated by "|", but the scanned text has only ${found}. It may have been cut short: scan again.`,
    );
  }
  const [idField = '', oldIdField = '', nameField = '', birthField = '', genderField = '', addressField = '', issueField = ''] = fields;
  const idNumber = parseIdNumber(idField);
  const oldIdNumber = parseOldIdNumber(oldIdField, warnings);
  const fullName = parseFullName(nameField, warnings);
  const birthDate = parseDate(birthField, 'birthDate');
  const gender = parseGender(genderField);
  const address = parseAddress(addressField, warnings);
  const issueDate = parseDate(issueField, 'issueDate');

  const today = options.today ?? vietnamDate(new Date());
  if (birthDate > today) {
    refuse(
      'birth-date',
      'birthDate',
      `${capitalise(fieldVi('birthDate'))} ở sau ngày hôm nay.`,
      `${capitalise(fieldEn('birthDate'))} is after today.`,
    );
  }
  if (issueDate < birthDate) {
    refuse(
      'issue-date',
      'issueDate',
      `${capitalise(fieldVi('issueDate'))} ở trước ngày sinh.`,
      `${capitalise(fieldEn('issueDate'))} is before the date of birth.`,
    );
  }
  if (issueDate > today) {
    warnings.push(
      warning(
        'issue-date-in-future',
        'Ngày cấp ở sau ngày hôm nay: hãy kiểm tra ngày giờ của máy tính và đối chiếu với thẻ.',
        'The date of issue is after today: check the PC’s date and the card.',
      ),
    );
  }
  warnings.push(...crossCheckId(idNumber, Number(birthDate.slice(0, 4)), gender, options.provinceCodes ?? DEFAULT_PROVINCE_CODES));
  return { idNumber, oldIdNumber, fullName, birthDate, gender, address, issueDate, warnings };
}

/** Reads the text a scanner typed from an ID card's QR code. Never throws. */
export function parseIdQr(text: string, options: IdQrParseOptions = {}): IdQrParseResult {
  try {
    return { ok: true, citizen: parseOrThrow(text, options) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}
