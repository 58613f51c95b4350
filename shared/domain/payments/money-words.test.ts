import { describe, expect, test } from 'vitest';
import { amountInWords, MAX_AMOUNT_IN_WORDS, numberInVietnameseWords } from './money-words.ts';

describe('amountInWords', () => {
  test.each([
    // The required cases.
    [0, 'Không đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [1_250_500, 'Một triệu hai trăm năm mươi nghìn năm trăm đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    // Units and mười / mươi.
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [20, 'Hai mươi đồng'],
    [110, 'Một trăm mười đồng'],
    // mốt only after a tens digit ≥ 2.
    [21, 'Hai mươi mốt đồng'],
    [91, 'Chín mươi mốt đồng'],
    [101, 'Một trăm linh một đồng'],
    [31_000, 'Ba mươi mốt nghìn đồng'],
    // tư only after a tens digit ≥ 2.
    [14, 'Mười bốn đồng'],
    [24, 'Hai mươi tư đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [44_000, 'Bốn mươi tư nghìn đồng'],
    // lăm after any tens digit ≥ 1, năm otherwise.
    [15, 'Mười lăm đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [555_555, 'Năm trăm năm mươi lăm nghìn năm trăm năm mươi lăm đồng'],
    // linh and không trăm inside a number.
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_050, 'Một nghìn không trăm năm mươi đồng'],
    [2_001, 'Hai nghìn không trăm linh một đồng'],
    [1_000_050, 'Một triệu không trăm năm mươi đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [1_000_005_000, 'Một tỷ không trăm linh năm nghìn đồng'],
    [10_000_000, 'Mười triệu đồng'],
    [100_000_000, 'Một trăm triệu đồng'],
    [1_234_567, 'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng'],
    [215_321_500, 'Hai trăm mười lăm triệu ba trăm hai mươi mốt nghìn năm trăm đồng'],
    [999_999_999, 'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
    // Beyond tỷ: the count of tỷ is read as a number.
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_005_000_000_000, 'Một nghìn không trăm linh năm tỷ đồng'],
    [25_000_000_000, 'Hai mươi lăm tỷ đồng'],
    [MAX_AMOUNT_IN_WORDS, 'Một triệu tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  test('the Southern variants are options: ngàn, lẻ', () => {
    expect(amountInWords(105_000, { thousand: 'ngàn', zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm ngàn đồng');
    expect(amountInWords(1_005, { zeroTens: 'lẻ' })).toBe('Một nghìn không trăm lẻ năm đồng');
    expect(numberInVietnameseWords(2_024, { thousand: 'ngàn' })).toBe('hai ngàn không trăm hai mươi tư');
  });

  test('negative, fractional, unsafe or too large amounts are refused', () => {
    for (const bad of [-1, 1.5, Number.NaN, MAX_AMOUNT_IN_WORDS + 1, Number.MAX_SAFE_INTEGER + 2]) {
      expect(() => amountInWords(bad)).toThrow(RangeError);
    }
  });
});
