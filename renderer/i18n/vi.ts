import { viDossiers } from './dossiers.vi.ts';
import { viIntake } from './intake.vi.ts';
import { viAuth } from './auth.vi.ts';
import { viScan } from './scan.vi.ts';
import { viDevices } from './devices.vi.ts';
import { viReports } from './reports.vi.ts';
import { viSettings } from './settings.vi.ts';
import { viPayment } from './payment.vi.ts';
import { viFees } from './fees.vi.ts';

/**
 * Vietnamese, the default language of the counter. This catalogue defines the keys: `en.ts` must have
 * exactly the same ones (see `Catalogue`), so a missing or misspelt translation does not compile.
 * Placeholders are written `{name}` and filled by `formatMessage`.
 */
export const vi = {
  'app.name': 'Một Cửa Desk',
  'app.tagline': 'Bộ phận tiếp nhận và trả kết quả',
  'app.loading': 'Đang tải…',

  'language.label': 'Ngôn ngữ',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',
  'language.saveFailed': 'Không lưu được lựa chọn ngôn ngữ: {reason}',

  'home.title': 'Quầy tiếp nhận',
  'home.counter.heading': 'Thông tin quầy',
  'home.counter.centre': 'Trung tâm',
  'home.counter.counter': 'Quầy',
  'home.counter.code': 'Mã quầy',
  'home.counter.notSet': 'Chưa đặt',
  'home.counter.notEnrolled': 'Chưa đăng ký với máy chủ trung tâm',
  'home.counter.notSetHint': 'Tên trung tâm và tên quầy do bộ phận CNTT thiết lập.',
  'home.counter.loadFailed': 'Không đọc được thông tin quầy: {reason}',

  'home.sync.heading': 'Kết nối với máy chủ trung tâm',
  'home.sync.state.online': 'Trực tuyến',
  'home.sync.state.offline': 'Mất kết nối',
  'home.sync.state.not-configured': 'Chưa cấu hình máy chủ',
  'home.sync.state.paused': 'Tạm dừng đồng bộ',
  'home.sync.explain.online': 'Hồ sơ được gửi lên máy chủ trung tâm.',
  'home.sync.explain.offline': 'Hồ sơ vẫn được lưu trên máy này và sẽ tự động gửi đi khi có kết nối trở lại.',
  'home.sync.explain.not-configured': 'Chưa có địa chỉ máy chủ trung tâm. Hồ sơ được lưu trên máy này.',
  'home.sync.explain.paused': 'Máy chủ trung tâm từ chối xác thực của quầy. Hồ sơ vẫn được lưu trên máy này; vui lòng gọi bộ phận CNTT.',
  'home.sync.lastError': 'Lỗi gần nhất',
  'home.sync.problem.server-unreachable': 'Không kết nối được tới máy chủ trung tâm.',
  'home.sync.problem.server-error': 'Máy chủ trung tâm đang gặp lỗi.',
  'home.sync.problem.credential-refused': 'Máy chủ trung tâm từ chối chứng thực của quầy.',
  'home.sync.clockSkew': 'Đồng hồ của máy tính này lệch {minutes} phút so với máy chủ trung tâm. Ngày hẹn trả và mã hồ sơ phụ thuộc vào ngày giờ: hãy nhờ bộ phận CNTT chỉnh lại đồng hồ.',
  'home.sync.technicalDetail': 'Chi tiết kỹ thuật',
  'home.sync.pending': 'Hồ sơ chờ đồng bộ',
  'home.sync.scansPending': 'Bản số hóa chờ gửi',
  'home.sync.deadLetters': 'Hồ sơ gửi không thành công',
  'home.sync.deadLettersHint': 'Cần bộ phận CNTT kiểm tra.',
  'home.sync.lastSyncAt': 'Đồng bộ lần cuối',
  'home.sync.never': 'Chưa có',
  'home.sync.unavailable': 'Chưa có số liệu',
  'home.sync.loadFailed': 'Không đọc được trạng thái đồng bộ: {reason}',

  'storage.banner.title': 'Không sử dụng được tệp dữ liệu của quầy',
  'storage.banner.safe': 'Dữ liệu đã lưu không bị mất: phần mềm giữ nguyên tệp để bộ phận CNTT khôi phục.',
  'storage.banner.action': 'Tạm ngừng tiếp nhận hồ sơ trên máy này và gọi ngay bộ phận CNTT.',
  'storage.banner.code': 'Mã lỗi',

  'footer.version': 'Phiên bản',
  'footer.dataFile': 'Tệp dữ liệu',

  'error.unreachable': 'Không liên lạc được với dịch vụ nền của phần mềm.',
  'error.boundary.title': 'Màn hình gặp lỗi và không hiển thị được.',
  'error.boundary.body': 'Dữ liệu đã lưu không bị ảnh hưởng. Hãy tải lại màn hình; nếu lỗi lặp lại, vui lòng gọi bộ phận CNTT.',
  'error.boundary.reload': 'Tải lại',

  // The clerk's screens keep their messages in their own files.
  ...viIntake,
  ...viDossiers,
  ...viAuth,
  ...viScan,
  ...viDevices,
  ...viReports,
  ...viSettings,
  ...viPayment,
  ...viFees,
} as const;

export type MessageKey = keyof typeof vi;

/** Every language has every key, and nothing else. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
