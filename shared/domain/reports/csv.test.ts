import { describe, expect, test } from 'vitest';
import { csvCell, reportToCsv } from './csv.ts';
import type { ReportDocument } from './report-document.ts';

describe('csvCell', () => {
  test('quotes commas, quotes and line breaks as RFC 4180 says (quotes doubled)', () => {
    expect(csvCell('12 Hàng Bạc, Hoàn Kiếm')).toBe('"12 Hàng Bạc, Hoàn Kiếm"');
    expect(csvCell('Nguyễn Văn "Út"')).toBe('"Nguyễn Văn ""Út"""');
    expect(csvCell('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvCell('Trần Thị Hoa')).toBe('Trần Thị Hoa');
  });

  test('text that Excel would run as a formula is prefixed with an apostrophe; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","bấm")')).toBe(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(csvCell('+84 912 345 678')).toBe("'+84 912 345 678");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(15000)).toBe('15000');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('reportToCsv', () => {
  test('BOM, CRLF, title lines, each table with heading, header, rows and total', () => {
    const document: ReportDocument = {
      fileStem: 'x',
      title: 'BẢNG KÊ',
      subtitle: '(Ngày 23/11/2026)',
      meta: ['Ghi chú, có dấu phẩy'],
      tables: [
        { heading: '1. A', columns: [{ label: 'Tên', weight: 1, align: 'left' }, { label: 'Số tiền', weight: 1, align: 'right' }], rows: [['Tiền mặt', 8000]], total: ['Tổng cộng', 8000], empty: 'Không có.' },
        { heading: '2. B', columns: [{ label: 'Lý do', weight: 1, align: 'left' }], rows: [], total: null, empty: 'Không có.' },
      ],
      signer: 'NGƯỜI LẬP',
    };
    const csv = reportToCsv(document);
    expect(csv).toBe('\uFEFFBẢNG KÊ\r\n(Ngày 23/11/2026)\r\n"Ghi chú, có dấu phẩy"\r\n\r\n1. A\r\nTên,Số tiền\r\nTiền mặt,8000\r\nTổng cộng,8000\r\n\r\n2. B\r\nLý do\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
