import type { CentralErrorCode } from '../../shared/contract/central-api.ts';

/** What each code means, for people, in both languages (the envelope carries both). */
export const CENTRAL_ERROR_MESSAGES: Readonly<Record<CentralErrorCode, Readonly<{ vi: string; en: string }>>> = {
  'invalid-input': { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  unauthorized: { vi: 'Chưa xác thực hoặc thông tin xác thực không đúng.', en: 'Missing or wrong credentials.' },
  'credential-revoked': { vi: 'Quầy này đã bị thu hồi quyền kết nối. Hãy liên hệ bộ phận CNTT.', en: 'This counter has been revoked. Contact IT.' },
  'enrolment-code-invalid': { vi: 'Mã đăng ký quầy không đúng, đã dùng hoặc đã hết hạn.', en: 'The enrolment code is wrong, used or expired.' },
  forbidden: { vi: 'Không có quyền truy cập dữ liệu này.', en: 'Not allowed to access this data.' },
  'not-found': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'dossier-code-collision': { vi: 'Mã hồ sơ đã được một hồ sơ khác sử dụng; cả hai hồ sơ đều được giữ lại để xử lý.', en: 'Another dossier already holds this code; both are kept for review.' },
  'audit-chain-gap': { vi: 'Nhật ký gửi lên bị thiếu đoạn; hãy gửi lại từ số thứ tự được yêu cầu.', en: 'The audit log has a gap; resend from the expected sequence.' },
  'audit-chain-mismatch': { vi: 'Nhật ký gửi lên không khớp chuỗi đã lưu (có thể đã bị sửa).', en: 'The audit log does not match the stored chain (it may have been altered).' },
  'upload-offset-mismatch': { vi: 'Vị trí tải lên không khớp; hãy tiếp tục từ vị trí máy chủ đang giữ.', en: 'Upload offset mismatch; continue from the server’s offset.' },
  'upload-checksum-mismatch': { vi: 'Tệp tải lên không khớp mã SHA-256; máy chủ đã xoá và cần tải lại từ đầu.', en: 'The uploaded file does not match its SHA-256; it was discarded, upload again.' },
  'payload-too-large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  'rate-limited': { vi: 'Quá nhiều yêu cầu; hãy thử lại sau.', en: 'Too many requests; try again later.' },
  'code-space-exhausted': { vi: 'Đã hết số hồ sơ có thể cấp cho ngày này.', en: 'No dossier numbers left for this day.' },
  'receipt-number-collision': { vi: 'Số biên lai đã được một biên lai khác sử dụng (hai quầy cùng một ký hiệu?); cả hai được giữ lại để xử lý.', en: 'Another receipt already holds this number (two counters with one series?); both are kept for review.' },
  'receipt-signature-invalid': { vi: 'Chữ ký số của biên lai không hợp lệ (XML bị sửa, sai cấu trúc hoặc sai thuật toán); biên lai không được lưu.', en: 'The receipt’s digital signature is not valid (altered XML, wrong layout or algorithm); the receipt was not stored.' },
  'receipt-signer-untrusted': { vi: 'Chứng thư số ký biên lai chưa được tin cậy cho cơ quan này (quản trị viên cần đăng ký: signer trust); biên lai không được lưu.', en: 'The certificate that signed the receipt is not trusted for this agency (the administrator registers it with signer trust); the receipt was not stored.' },
  'receipt-xml-mismatch': { vi: 'Thông tin biên lai gửi kèm khác với nội dung XML đã ký; biên lai không được lưu.', en: 'The receipt record differs from its signed XML; the receipt was not stored.' },
  internal: { vi: 'Lỗi máy chủ. Yêu cầu có thể được gửi lại.', en: 'Server error. The request can be retried.' },
};

export type ApiErrorOptions = Readonly<{ message?: string; details?: unknown; headers?: Readonly<Record<string, string>> }>;

/**
 * The only error route handlers throw on purpose; the router turns it into the JSON envelope. `message`
 * adds specifics (English) to the code's standard text; anything else thrown is logged and answered `internal`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: CentralErrorCode;
  readonly details: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: CentralErrorCode, options: ApiErrorOptions = {}) {
    super(options.message ?? CENTRAL_ERROR_MESSAGES[code].en);
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** 401 `unauthorized` with the bearer challenge, for a missing or wrong credential. */
export function unauthorizedError(): ApiError {
  return new ApiError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
}

export function errorEnvelope(error: ApiError): { error: { code: CentralErrorCode; message: string; messageVi: string; details?: unknown } } {
  return {
    error: {
      code: error.code,
      message: error.message,
      messageVi: CENTRAL_ERROR_MESSAGES[error.code].vi,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
