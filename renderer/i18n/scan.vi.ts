/** Số hóa: the per-paper scan control after a dossier is received (renderer/features/intake/PaperScans.tsx). */
export const viScan = {
  'scan.heading': 'Số hóa thành phần hồ sơ',
  'scan.scanner': 'Máy quét',
  'scan.noScanner': 'Chưa có máy quét nào. Bộ phận CNTT thiết lập máy quét trong phần cài đặt.',
  'scan.loading': 'Đang tìm máy quét…',
  'scan.start': 'Quét',
  'scan.rescan': 'Quét lại',
  'scan.cancel': 'Dừng quét',
  'scan.notYet': 'Chưa số hóa',
  'scan.linked': 'Đã số hóa',
  'scan.scanning': 'Đang quét: đã nhận {pages} trang',
  'scan.assembling': 'Đang ghép {pages} trang thành tệp PDF…',
  'scan.done': 'Đã số hóa: {pages} trang',
  'scan.blank': '{count} trang có vẻ để trắng (trang {list}): hãy kiểm tra.',
  'scan.cancelled': 'Đã dừng quét; không lưu trang nào.',
} as const;
