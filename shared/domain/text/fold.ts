/**
 * Folds Vietnamese text for matching: NFC-independent, without tone and vowel marks, đ/Đ → d, lower case,
 * runs of white space collapsed. "Nguyễn Văn Đức" and "nguyen van duc" fold to the same string.
 * Used by every search (catalogue, dossiers), so a clerk can type without an input method.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
