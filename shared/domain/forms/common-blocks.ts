import type { Block, SignatureColumn } from './model.ts';

/**
 * Pieces the two sets share, as data. Texts follow the circulars' wording where the circular has the form
 * (confidence [S]: quoted from production templates, DOMAIN.md); local forms (receipt, handover) follow common
 * practice and are meant to be adjusted.
 */

const SIGN = '(Ký và ghi rõ họ tên)';
export const sign = (title: string, name?: string): SignatureColumn => (name === undefined ? { title, hint: SIGN } : { title, hint: SIGN, name });

export const OPENING: readonly Block[] = [{ kind: 'qr', content: 'tt01-2023' }, { kind: 'header' }, { kind: 'place-date' }];

export const APPOINTMENT_BODY: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'copy-label' },
  { kind: 'title', text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
  { kind: 'text', text: '{unitName} tiếp nhận hồ sơ của:' },
  { kind: 'field', label: 'Ông/Bà', value: '{applicantName}' },
  { kind: 'field', label: 'Số định danh cá nhân', value: '{applicantId}' },
  { kind: 'field', label: 'Địa chỉ', value: '{applicantAddress}' },
  { kind: 'field', label: 'Số điện thoại', value: '{applicantPhone}' },
  { kind: 'field', label: 'Email', value: '{applicantEmail}' },
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: '{procedureName} (mã thủ tục {procedureCode})' },
  { kind: 'list', number: '1', label: 'Thành phần hồ sơ nộp gồm', source: 'papers' },
  { kind: 'field', number: '2', label: 'Số lượng hồ sơ', value: '{sets} (bộ)' },
  { kind: 'field', number: '3', label: 'Thời gian giải quyết hồ sơ theo quy định', value: '{timeLimit}' },
  { kind: 'field', number: '4', label: 'Thời gian nhận hồ sơ', value: '{receivedAt}' },
  { kind: 'field', number: '5', label: 'Thời gian trả kết quả giải quyết hồ sơ', value: '{dueAt}' },
  { kind: 'field', number: '6', label: 'Đăng ký nhận kết quả tại', value: '{delivery}' },
  { kind: 'field', label: 'Phí, lệ phí', value: '{feeLine}' },
  { kind: 'text', text: 'Vào Sổ theo dõi hồ sơ, Quyển số: {registerBook}, Số thứ tự: {registerNumber}', style: 'emphasis' },
  { kind: 'signatures', columns: [sign('NGƯỜI NỘP HỒ SƠ', '{applicantName}'), sign('NGƯỜI TIẾP NHẬN HỒ SƠ')] },
  { kind: 'rule' },
  { kind: 'qr', content: 'lookup' },
  { kind: 'qr', content: 'vietqr' },
  { kind: 'notes' },
];

export const SUPPLEMENT_BODY: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
  { kind: 'text', text: 'Hồ sơ của: {applicantName}' },
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: '{procedureName}' },
  { kind: 'field', label: 'Ngày tiếp nhận hồ sơ', value: '{receivedAt}' },
  { kind: 'text', text: 'Sau khi nghiên cứu, đối chiếu với quy định hiện hành, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:' },
  { kind: 'list', label: 'Nội dung cần bổ sung', source: 'items' },
  { kind: 'field', label: 'Lý do', value: '{reason}' },
  { kind: 'text', text: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {unitName} để được hướng dẫn.' },
  { kind: 'signatures', columns: [sign('NGƯỜI HƯỚNG DẪN')] },
  { kind: 'notes' },
];

export const REFUSAL_BODY: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
  { kind: 'text', text: '{unitName} tiếp nhận hồ sơ của: {applicantName}' },
  { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: '{procedureName}' },
  { kind: 'text', text: 'Sau khi nghiên cứu, đối chiếu với quy định hiện hành, hồ sơ không đủ điều kiện để tiếp nhận, giải quyết với lý do như sau:' },
  { kind: 'field', label: 'Lý do', value: '{reason}' },
  { kind: 'text', text: 'Xin thông báo để Ông/Bà được biết và thực hiện.' },
  { kind: 'signatures', columns: [sign('NGƯỜI TIẾP NHẬN HỒ SƠ')] },
  { kind: 'notes' },
];

export const STOP_BODY: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
  { kind: 'text', text: 'Ngày {receivedDate}, {unitName} tiếp nhận hồ sơ của Ông/Bà {applicantName} đề nghị giải quyết thủ tục {procedureName}.' },
  { kind: 'text', text: 'Nay thông báo dừng giải quyết hồ sơ với lý do như sau:' },
  { kind: 'field', label: 'Lý do', value: '{reason}' },
  { kind: 'text', text: 'Xin thông báo để Ông/Bà được biết.' },
  { kind: 'signatures', columns: [sign('NGƯỜI ĐỨNG ĐẦU CƠ QUAN')] },
  { kind: 'notes' },
];

/** A time the next office fills in by hand on the control sheet. */
const BLANK_TIME = '…… giờ …… phút, ngày …… tháng …… năm ……';

export const CONTROL_BODY: readonly Block[] = [
  { kind: 'title', text: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
  { kind: 'field', label: 'Kèm theo hồ sơ của', value: '{applicantName}' },
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'field', label: 'Thủ tục', value: '{procedureName}' },
  { kind: 'field', label: 'Ngày hẹn trả kết quả', value: '{dueAt}' },
  { kind: 'text', text: 'TÊN CƠ QUAN — THỜI GIAN GIAO, NHẬN HỒ SƠ — KẾT QUẢ GIẢI QUYẾT HỒ SƠ (trước hạn/đúng hạn/quá hạn) — GHI CHÚ', style: 'emphasis' },
  { kind: 'field', number: '1', label: 'Giao: {unitName}', value: '{receivedAt}' },
  { kind: 'field', number: '', label: 'Nhận: ……………', value: BLANK_TIME },
  { kind: 'field', number: '2', label: 'Giao: ……………', value: BLANK_TIME },
  { kind: 'field', number: '', label: 'Nhận: ……………', value: BLANK_TIME },
  { kind: 'field', number: '3', label: 'Giao: ……………', value: BLANK_TIME },
  { kind: 'field', number: '', label: 'Nhận: {unitName}', value: BLANK_TIME },
  { kind: 'signatures', columns: [sign('NGƯỜI GIAO'), sign('NGƯỜI NHẬN')] },
];

export const REGISTER_BODY: readonly Block[] = [
  { kind: 'title', text: 'SỔ THEO DÕI HỒ SƠ', subtitle: '(Trích sổ)' },
  { kind: 'field', label: 'Quyển số', value: '{registerBook}' },
  { kind: 'field', number: '1', label: 'Số thứ tự', value: '{registerNumber}' },
  { kind: 'field', number: '2', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'field', number: '3', label: 'Tên thủ tục hành chính', value: '{procedureName}' },
  { kind: 'field', number: '4', label: 'Số lượng hồ sơ (bộ)', value: '{sets}' },
  { kind: 'field', number: '5', label: 'Tên cá nhân, tổ chức', value: '{applicantName}' },
  { kind: 'field', number: '6', label: 'Địa chỉ, số điện thoại', value: '{applicantAddress}; {applicantPhone}' },
  { kind: 'field', number: '7', label: 'Cơ quan chủ trì giải quyết', value: '{agencyCode}' },
  { kind: 'field', number: '8', label: 'Ngày, tháng, năm nhận hồ sơ', value: '{receivedAt}' },
  { kind: 'field', number: '9', label: 'Ngày, tháng, năm hẹn trả kết quả', value: '{dueAt}' },
  { kind: 'field', number: '10', label: 'Ngày, tháng, năm trả kết quả', value: '{returnedAt}' },
  { kind: 'field', number: '11', label: 'Trạng thái', value: '{status}' },
  { kind: 'signatures', columns: [sign('NGƯỜI TRÍCH SỔ')] },
];

/** A receipt that carries a number (issued, and kept when cancelled or replaced). */
const NUMBERED = ['issued', 'cancelled', 'replaced'] as const;

/**
 * The fee receipt: the receipt's own data (core/features/receipts) when it has one, else the unpaid fee slip
 * from the dossier's fixed fees with the VietQR for a transfer. A provisional receipt (phiếu thu tạm, server
 * provider, no number yet) is headed by its mark instead of the title; a cancelled or replaced one says so.
 */
export const RECEIPT_BODY: readonly Block[] = [
  { kind: 'text', text: 'PHIẾU THU TẠM — chưa phải biên lai chính thức', style: 'banner', align: 'center', when: ['provisional'] },
  { kind: 'text', text: 'BIÊN LAI ĐÃ HỦY — không còn giá trị', style: 'banner', align: 'center', when: ['cancelled'] },
  { kind: 'text', text: 'BIÊN LAI ĐÃ BỊ THAY THẾ — không còn giá trị', style: 'banner', align: 'center', when: ['replaced'] },
  { kind: 'title', text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', subtitle: '(Bản in tại quầy)', when: ['unpaid', ...NUMBERED] },
  { kind: 'field', label: 'Mẫu số', value: '{receiptTemplate}', when: NUMBERED },
  { kind: 'field', label: 'Ký hiệu', value: '{receiptSymbol}', when: NUMBERED },
  { kind: 'field', label: 'Số', value: '{receiptNumber}', when: NUMBERED },
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'field', label: 'Người nộp', value: '{payerName}' },
  { kind: 'field', label: 'Địa chỉ', value: '{applicantAddress}' },
  { kind: 'field', label: 'Nội dung thu', value: '{procedureName}' },
  { kind: 'list', label: 'Các khoản thu', source: 'fees' },
  { kind: 'field', label: 'Tổng số tiền', value: '{feeTotal}' },
  { kind: 'field', label: 'Bằng chữ', value: '{feeInWords}' },
  { kind: 'field', label: 'Hình thức thanh toán', value: '{paymentMethod}' },
  { kind: 'field', label: 'Lý do hủy', value: '{cancelReason}', when: ['cancelled'] },
  { kind: 'field', label: 'Lý do thay thế', value: '{cancelReason}', when: ['replaced'] },
  { kind: 'text', text: 'Biên lai chính thức (ký hiệu, số) được cấp sau; tra cứu bằng mã dưới đây.', style: 'note', when: ['provisional'] },
  { kind: 'qr', content: 'receipt' },
  { kind: 'qr', content: 'vietqr', when: ['unpaid'] },
  { kind: 'signatures', columns: [sign('NGƯỜI NỘP TIỀN', '{payerName}'), sign('NGƯỜI THU TIỀN', '{collectorName}')] },
  { kind: 'notes' },
];

export const HANDOVER_BODY: readonly Block[] = [
  { kind: 'field', label: 'Mã hồ sơ', value: '{code}' },
  { kind: 'title', text: 'PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH' },
  { kind: 'field', label: 'Thủ tục', value: '{procedureName}' },
  { kind: 'field', label: 'Người nộp hồ sơ', value: '{applicantName}' },
  { kind: 'field', label: 'Ngày nhận hồ sơ', value: '{receivedAt}' },
  { kind: 'field', label: 'Ngày hẹn trả kết quả', value: '{dueAt}' },
  { kind: 'field', label: 'Thời gian trả kết quả', value: '{returnedAt}' },
  { kind: 'field', label: 'Người nhận kết quả', value: '{receiverName}' },
  { kind: 'field', label: 'Hình thức nhận', value: '{delivery}' },
  { kind: 'signatures', columns: [sign('NGƯỜI NHẬN KẾT QUẢ', '{receiverName}'), sign('NGƯỜI TRẢ KẾT QUẢ')] },
  { kind: 'notes' },
];
