import { describe, expect, test } from 'vitest';
import { foldVietnamese } from './fold.ts';

describe('foldVietnamese', () => {
  test.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG THỊ ĐỨC', 'dang thi duc'],
    ['Chứng thực bản sao từ bản chính', 'chung thuc ban sao tu ban chinh'],
    ['  Hồ   Ngọc\tĐức ', 'ho ngoc duc'],
    ['Nguye\u0302\u0303n', 'nguyen'], // NFD input (combining marks typed separately)
    ['Ưu Ơn', 'uu on'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});
