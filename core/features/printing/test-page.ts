import type { SlipLine } from './raster.ts';

const BASE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
/** No mark, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

/** Every Vietnamese letter that carries a diacritic (67 vowels + đ), lower case, NFC, one string per vowel row. */
export function vietnameseLetterRows(): string[] {
  const rows = BASE_VOWELS.map((v) => TONES.map((t) => (v + t).normalize('NFC')).join(' '));
  rows.push('đ');
  return rows;
}

export type TestPageInput = Readonly<{ dossierCode: string; printedAt: string; printerLabel?: string }>;

/** The Vietnamese test slip (`printers.test`): title, every letter upper and lower case, rule, a dossier QR. */
export function testPageLines(input: TestPageInput): SlipLine[] {
  const rows = vietnameseLetterRows();
  return [
    { kind: 'text', text: 'TRANG IN THỬ — MỘT CỬA DESK', bold: true, align: 'center' },
    { kind: 'text', text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', bold: true, size: 'large', align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: 'Chữ thường và CHỮ HOA:', bold: true },
    ...rows.map((text): SlipLine => ({ kind: 'text', text: `${text}   ${text.toUpperCase()}` })),
    { kind: 'rule' },
    { kind: 'text', text: 'Mã hồ sơ:' },
    { kind: 'text', text: input.dossierCode, bold: true, size: 'large', align: 'center' },
    { kind: 'qr', text: input.dossierCode },
    { kind: 'text', text: `In lúc ${input.printedAt}`, align: 'center' },
    ...(input.printerLabel === undefined ? [] : [{ kind: 'text', text: input.printerLabel, align: 'center' } as const]),
    { kind: 'space', dots: 24 },
  ];
}
