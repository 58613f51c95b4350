/** Báo cáo trong ngày: sổ theo dõi hồ sơ (mẫu 07) và bảng kê biên lai (renderer/features/reports). */
export const viReports = {
  'reports.title': 'Báo cáo',
} as const;
