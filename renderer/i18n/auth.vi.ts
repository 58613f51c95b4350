/**
 * Vietnamese messages of clerk sign-in, the lock screen and the session bar; spread into `vi.ts`, so the keys
 * are part of `MessageKey` and `auth.en.ts` must match them.
 */
export const viAuth = {
  'auth.signIn.title': 'Đăng nhập',
  'auth.signIn.intro': 'Cán bộ tiếp nhận đăng nhập bằng tài khoản do Trung tâm cấp. Đăng nhập được cả khi mất kết nối.',
  'auth.signIn.username': 'Tên đăng nhập',
  'auth.signIn.password': 'Mật khẩu',
  'auth.signIn.submit': 'Đăng nhập',
  'auth.signIn.busy': 'Đang kiểm tra…',
  'auth.signIn.remaining': 'Còn {count} lần thử trước khi tài khoản bị tạm khóa.',
  'auth.lock.title': 'Phiên làm việc đã khóa',
  'auth.lock.who': 'Đang đăng nhập: {name}',
  'auth.lock.since': 'Khóa lúc {time}',
  'auth.lock.password': 'Mật khẩu của {name}',
  'auth.lock.unlock': 'Mở khóa',
  'auth.lock.switchUser': 'Đăng nhập người khác',
  'auth.bar.label': 'Phiên làm việc',
  'auth.bar.clerk': 'Cán bộ: {name}',
  'auth.bar.supervisor': 'phụ trách',
  'auth.bar.lock': 'Khóa',
  'auth.bar.signOut': 'Đăng xuất',
  'auth.setup.title': 'Chế độ thiết lập',
  'auth.setup.body': 'Quầy chưa có tài khoản cán bộ nên chưa cần đăng nhập. Sau khi quầy đăng ký với máy chủ trung tâm và nhận danh sách tài khoản, mọi thao tác tiếp nhận và in phiếu sẽ yêu cầu đăng nhập.',
} as const;
