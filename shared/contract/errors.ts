import { z } from 'zod';

/**
 * Stable error codes. The UI, the CLI and tests switch on these; never rename one, only add.
 * Kebab-case, as the central server's `reason` codes are.
 */
export const ERROR_CODES = [
  'unknown-method',
  'invalid-input',
  'invalid-json',
  'payload-too-large',
  'unsupported-media-type',
  'forbidden-origin',
  'not-found',
  'conflict',
  'unauthorized',
  'db-corrupt',
  'db-read-only',
  'db-too-new',
  'db-unavailable',
  'non-loopback-bind',
  'host-unreachable',
  'invalid-state',
  'counter-not-configured',
  'code-space-exhausted',
  'procedure-incomplete',
  'printer-refused',
  'printer-timeout',
  'printer-unreachable',
  'printer-dropped',
  'printer-paper-out',
  'printer-not-found',
  'printer-not-configured',
  'printer-unsuitable',
  'invalid-id-qr',
  'enrolment-code-invalid',
  'counter-not-enrolled',
  'credential-refused',
  'secret-unavailable',
  'server-unreachable',
  'server-error',
  'fee-amount-missing',
  'bank-account-missing',
  'signer-unavailable',
  'scanner-not-found',
  'scanner-unavailable',
  'scanner-busy',
  'scanner-option-unsupported',
  'scanner-feeder-empty',
  'scanner-certificate-untrusted',
  'scanner-certificate-changed',
  'scan-failed',
  'file-not-allowed',
  'file-unreadable',
  'file-empty',
  'file-too-large',
  'file-type-unsupported',
  'file-corrupt',
  'too-many-pages',
  'sign-in-required',
  'session-locked',
  'forbidden-role',
  'sign-in-failed',
  'sign-in-locked-out',
  'account-disabled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const RpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** For people: specific, safe to show (never a stack trace or SQL). */
  message: z.string(),
  details: z.unknown().optional(),
});
export type RpcError = z.infer<typeof RpcErrorSchema>;

export type Language = 'vi' | 'en';

/**
 * What each code means to a clerk, in both languages. The core's own `message` is specific (English);
 * these are what the UI and the CLI show first, so every failure has a Vietnamese explanation.
 */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, Readonly<Record<Language, string>>>> = {
  'unknown-method': {
    vi: 'Chức năng được yêu cầu không tồn tại.',
    en: 'The requested function does not exist.',
  },
  'invalid-input': {
    vi: 'Dữ liệu nhập không hợp lệ.',
    en: 'The input is not valid.',
  },
  'invalid-json': {
    vi: 'Yêu cầu không phải JSON hợp lệ.',
    en: 'The request is not valid JSON.',
  },
  'payload-too-large': {
    vi: 'Dữ liệu gửi lên quá lớn.',
    en: 'The request is too large.',
  },
  'unsupported-media-type': {
    vi: 'Yêu cầu phải có kiểu nội dung application/json.',
    en: 'The request must have content type application/json.',
  },
  'forbidden-origin': {
    vi: 'Yêu cầu đến từ một trang không được phép.',
    en: 'The request came from a page that is not allowed.',
  },
  'not-found': {
    vi: 'Không tìm thấy dữ liệu được yêu cầu.',
    en: 'The requested item was not found.',
  },
  conflict: {
    vi: 'Dữ liệu đã bị thay đổi ở nơi khác; hãy tải lại rồi thử lại.',
    en: 'The data was changed elsewhere; reload and try again.',
  },
  unauthorized: {
    vi: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
    en: 'Not signed in, or the session has expired.',
  },
  'db-corrupt': {
    vi: 'Tệp dữ liệu của quầy bị hỏng. Không ghi thêm gì vào tệp; hãy gọi bộ phận CNTT để khôi phục.',
    en: "The counter's data file is damaged. Nothing more is written to it; call IT to restore it.",
  },
  'db-read-only': {
    vi: 'Không ghi được vào tệp dữ liệu của quầy (chỉ đọc hoặc thiếu quyền). Hãy gọi bộ phận CNTT.',
    en: "The counter's data file cannot be written (read-only or no permission). Call IT.",
  },
  'db-too-new': {
    vi: 'Tệp dữ liệu được tạo bởi phiên bản mới hơn của phần mềm. Hãy cập nhật phần mềm.',
    en: 'The data file was written by a newer version of the app. Update the app.',
  },
  'db-unavailable': {
    vi: 'Không mở được tệp dữ liệu của quầy.',
    en: "The counter's data file cannot be opened.",
  },
  'non-loopback-bind': {
    vi: 'Chỉ được phục vụ trên địa chỉ nội bộ 127.0.0.1 của máy này.',
    en: 'The app may only listen on this machine’s loopback address 127.0.0.1.',
  },
  'invalid-state': {
    vi: 'Không thực hiện được thao tác này với hồ sơ ở trạng thái hiện tại.',
    en: 'This action is not possible for the dossier in its current state.',
  },
  'counter-not-configured': {
    vi: 'Quầy chưa được thiết lập mã cơ quan và số thứ tự quầy, nên chưa cấp được mã hồ sơ. Hãy gọi bộ phận CNTT.',
    en: 'The counter has no agency code or counter slot yet, so it cannot issue dossier codes. Call IT.',
  },
  'code-space-exhausted': {
    vi: 'Quầy đã dùng hết dãy số hồ sơ được cấp cho hôm nay khi mất kết nối. Hãy kết nối lại máy chủ trung tâm hoặc gọi bộ phận CNTT.',
    en: 'The counter has used every dossier number it may issue offline today. Reconnect to the central server or call IT.',
  },
  'procedure-incomplete': {
    vi: 'Thủ tục này chưa có đủ thông tin trong danh mục (ví dụ thời hạn giải quyết), nên chưa tiếp nhận được. Hãy báo quản trị viên bổ sung danh mục.',
    en: 'This procedure is incomplete in the catalogue (for example its time limit), so it cannot be received yet. Ask the administrator to complete the catalogue.',
  },
  'printer-refused': {
    vi: 'Máy in từ chối kết nối: máy in đang tắt hoặc sai cổng. Hãy bật máy in và kiểm tra cài đặt.',
    en: 'The printer refused the connection: it is off or the port is wrong. Switch it on and check the settings.',
  },
  'printer-timeout': {
    vi: 'Máy in không trả lời kịp: sai địa chỉ, máy in bị treo hoặc mạng có sự cố.',
    en: 'The printer did not answer in time: wrong address, the printer is stuck, or the network is down.',
  },
  'printer-unreachable': {
    vi: 'Không tìm thấy máy in trên mạng. Hãy kiểm tra địa chỉ máy in và dây mạng.',
    en: 'The printer cannot be reached on the network. Check its address and cable.',
  },
  'printer-dropped': {
    vi: 'Mất kết nối với máy in khi đang in; phiếu có thể chỉ in được một phần.',
    en: 'The connection to the printer broke while printing; the slip may be only partly printed.',
  },
  'printer-paper-out': {
    vi: 'Máy in hết giấy. Hãy thay cuộn giấy; phiếu sẽ được in tiếp.',
    en: 'The printer is out of paper. Load a new roll; the slip will print then.',
  },
  'printer-not-found': {
    vi: 'Không tìm thấy máy in: cổng thiết bị hoặc hàng đợi in của hệ điều hành không tồn tại. Hãy kiểm tra cài đặt máy in.',
    en: 'The printer was not found: the device port or the OS print queue does not exist. Check the printer settings.',
  },
  'printer-not-configured': {
    vi: 'Quầy chưa có máy in mặc định. Hãy thiết lập máy in trong phần cài đặt.',
    en: 'This counter has no default printer. Set one up in the settings.',
  },
  'printer-unsuitable': {
    vi: 'Không có máy in khổ A4 phù hợp: báo cáo chỉ in được qua hàng đợi in của hệ điều hành, không in trên máy in hóa đơn. Hãy thiết lập máy in A4 hoặc xuất tệp PDF để in.',
    en: 'No suitable A4 printer: reports print only through an OS print queue, not on a receipt printer. Set up an A4 printer or export the PDF and print it.',
  },
  'host-unreachable': {
    vi: 'Không liên lạc được với dịch vụ nền của phần mềm. Thao tác chưa được thực hiện.',
    en: "The app's background service cannot be reached. The action was not carried out.",
  },
  'invalid-id-qr': {
    vi: 'Không đọc được mã QR trên thẻ căn cước: dữ liệu quét được không đúng định dạng hoặc bị lỗi. Hãy quét lại hoặc nhập tay.',
    en: 'The ID card QR code could not be read: the scanned text is malformed or damaged. Scan again or type the data in.',
  },
  'enrolment-code-invalid': {
    vi: 'Mã đăng ký quầy không đúng, đã dùng hoặc đã hết hạn. Hãy xin bộ phận CNTT một mã mới.',
    en: 'The counter enrolment code is wrong, already used or expired. Ask IT for a new code.',
  },
  'counter-not-enrolled': {
    vi: 'Quầy chưa đăng ký với máy chủ trung tâm. Hãy nhờ bộ phận CNTT đăng ký quầy bằng mã một lần.',
    en: 'This counter is not enrolled with the central server. Ask IT to enrol it with a one-time code.',
  },
  'credential-refused': {
    vi: 'Máy chủ trung tâm không chấp nhận chứng thực của quầy (đã bị thu hồi hoặc không còn hiệu lực). Hồ sơ vẫn được lưu trên máy; hãy gọi bộ phận CNTT.',
    en: "The central server does not accept this counter's credential (revoked or no longer valid). Dossiers stay saved here; call IT.",
  },
  'secret-unavailable': {
    vi: 'Không mở được thông tin bí mật đã lưu (chứng thực của quầy, mật khẩu hoặc mã PIN ký số): chúng được khóa bằng tài khoản Windows khác hoặc máy khác. Hãy nhờ bộ phận CNTT nhập lại.',
    en: 'A saved secret (the counter credential, a signing password or PIN) cannot be opened: it was sealed for another user account or PC. Ask IT to enter it again.',
  },
  'server-unreachable': {
    vi: 'Không kết nối được máy chủ trung tâm. Hãy kiểm tra địa chỉ máy chủ và mạng rồi thử lại.',
    en: 'The central server cannot be reached. Check its address and the network, then try again.',
  },
  'server-error': {
    vi: 'Máy chủ trung tâm đang gặp sự cố hoặc trả lời không đúng. Hãy thử lại sau hoặc gọi bộ phận CNTT.',
    en: 'The central server has a problem or gave an unexpected answer. Try again later or call IT.',
  },
  'fee-amount-missing': {
    vi: 'Khoản phí, lệ phí này chưa có mức thu (do tỉnh quy định) hoặc chưa nhập số trang. Hãy nhập số lượng, hoặc báo quản trị viên nhập mức thu.',
    en: 'This fee has no amount yet (set by the province) or needs a page count. Enter the count, or ask the administrator to enter the amount.',
  },
  'bank-account-missing': {
    vi: 'Trung tâm chưa khai báo tài khoản ngân hàng nhận chuyển khoản. Hãy thu tiền mặt hoặc báo quản trị viên.',
    en: 'The centre has no bank account for transfers. Take cash or ask the administrator.',
  },
  'signer-unavailable': {
    vi: 'Không ký được biên lai: chưa cài chứng thư số, sai mật khẩu/PIN hoặc chưa cắm USB ký số. Biên lai chưa được cấp số; hãy kiểm tra rồi thử lại.',
    en: 'The receipt could not be signed: no certificate is set up, the password/PIN is wrong, or the signing token is not plugged in. No number was used; check and try again.',
  },
  'sign-in-required': {
    vi: 'Cần đăng nhập bằng tài khoản cán bộ trước khi thực hiện thao tác này.',
    en: 'A clerk must sign in before doing this.',
  },
  'session-locked': {
    vi: 'Phiên làm việc đang khóa. Hãy nhập mật khẩu để mở khóa.',
    en: 'The session is locked. Enter the password to unlock it.',
  },
  'forbidden-role': {
    vi: 'Chỉ cán bộ phụ trách (giám sát) mới được thực hiện thao tác này.',
    en: 'Only a supervisor may do this.',
  },
  'sign-in-failed': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is wrong.',
  },
  'sign-in-locked-out': {
    vi: 'Nhập sai mật khẩu quá nhiều lần. Tài khoản tạm khóa vài phút; hãy thử lại sau.',
    en: 'Too many wrong passwords. The account is locked for a few minutes; try again later.',
  },
  'account-disabled': {
    vi: 'Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ người quản lý.',
    en: 'This account has been disabled. Contact your manager.',
  },
  'scanner-not-found': {
    vi: 'Không tìm thấy máy quét này. Hãy chọn lại máy quét trong danh sách.',
    en: 'This scanner was not found. Choose a scanner from the list again.',
  },
  'scanner-unavailable': {
    vi: 'Máy quét không trả lời: máy đang tắt, mất kết nối hoặc chưa cài trình điều khiển. Hãy kiểm tra máy quét.',
    en: 'The scanner does not answer: it is off, disconnected, or its driver is missing. Check the scanner.',
  },
  'scanner-busy': {
    vi: 'Máy quét đang bận với một lượt quét khác. Hãy đợi rồi thử lại.',
    en: 'The scanner is busy with another scan. Wait and try again.',
  },
  'scanner-option-unsupported': {
    vi: 'Máy quét không hỗ trợ lựa chọn này (khay nạp giấy, quét hai mặt, độ phân giải hoặc chế độ màu).',
    en: 'The scanner does not offer this option (feeder, two-sided, resolution or colour mode).',
  },
  'scanner-feeder-empty': {
    vi: 'Khay nạp giấy của máy quét không có giấy. Hãy đặt giấy vào khay rồi quét lại.',
    en: "The scanner's document feeder is empty. Load the papers and scan again.",
  },
  'scanner-certificate-untrusted': {
    vi: 'Máy quét này chỉ kết nối qua HTTPS bằng chứng chỉ do chính máy tạo ra, chưa được tin cậy. Cán bộ phụ trách hãy vào Cài đặt → Máy quét, bấm “Kiểm tra chứng chỉ”, so dấu vân tay SHA-256 với trang cấu hình (hoặc màn hình) của máy quét rồi chọn “Tin cậy chứng chỉ này”.',
    en: 'This scanner only connects over HTTPS with a certificate it made itself, which is not trusted yet. A supervisor should open Settings → Scanners, choose “Check certificate”, compare the SHA-256 fingerprint with the scanner’s own settings page (or panel) and choose “Trust this certificate”.',
  },
  'scanner-certificate-changed': {
    vi: 'Chứng chỉ bảo mật của máy quét khác với chứng chỉ đã được tin cậy: máy quét có thể đã được cài đặt lại, hoặc một thiết bị khác đang giả danh máy quét. Không nhận trang nào từ thiết bị này. Cán bộ phụ trách hãy so dấu vân tay mới với trang cấu hình của máy quét rồi xác nhận lại trong Cài đặt → Máy quét.',
    en: 'The scanner’s certificate is not the one that was trusted: the scanner may have been reset, or another device may be posing as it. Nothing is accepted from it. A supervisor should compare the new fingerprint with the scanner’s own settings page and confirm it again in Settings → Scanners.',
  },
  'scan-failed': {
    vi: 'Quét không thành công (kẹt giấy hoặc lỗi máy quét). Không có trang nào của lượt quét này được lưu; hãy quét lại.',
    en: 'The scan failed (paper jam or scanner error). Nothing of this scan was kept; scan again.',
  },
  'file-not-allowed': {
    vi: 'Tệp nằm ngoài các thư mục được phép nhập. Hãy chép tệp vào thư mục nhập đã cấu hình rồi thử lại.',
    en: 'The file is outside the folders files may be imported from. Copy it into a configured import folder and try again.',
  },
  'file-unreadable': {
    vi: 'Không đọc được tệp: tệp không tồn tại hoặc không có quyền đọc.',
    en: 'The file cannot be read: it does not exist or may not be read.',
  },
  'file-empty': {
    vi: 'Tệp rỗng (0 byte). Hãy chọn đúng tệp đã quét.',
    en: 'The file is empty (0 bytes). Choose the right scanned file.',
  },
  'file-too-large': {
    vi: 'Tệp quá lớn để nhập. Hãy quét lại với độ phân giải thấp hơn hoặc chia nhỏ tệp.',
    en: 'The file is too large to import. Scan again at a lower resolution or split the file.',
  },
  'file-type-unsupported': {
    vi: 'Chỉ nhập được tệp PDF, JPEG, PNG hoặc TIFF. Nội dung tệp này không thuộc các loại đó (dù tên tệp có thể giống).',
    en: 'Only PDF, JPEG, PNG or TIFF files can be imported. This file’s content is none of these (whatever its name says).',
  },
  'file-corrupt': {
    vi: 'Tệp bị hỏng hoặc không đọc được nội dung. Hãy quét hoặc xuất lại tệp.',
    en: 'The file is damaged or its content cannot be read. Scan or export it again.',
  },
  'too-many-pages': {
    vi: 'Tài liệu có quá nhiều trang cho một thành phần hồ sơ. Hãy chia thành nhiều lần quét.',
    en: 'The document has too many pages for one paper. Split it into several scans.',
  },
  internal: {
    vi: 'Lỗi nội bộ. Thao tác chưa được thực hiện; dữ liệu đã lưu không bị ảnh hưởng.',
    en: 'Internal error. The action was not carried out; saved data is not affected.',
  },
};

export function describeError(code: ErrorCode, language: Language): string {
  return ERROR_MESSAGES[code][language];
}
