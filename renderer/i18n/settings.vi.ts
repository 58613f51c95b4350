/** Cài đặt của quầy (renderer/features/settings); chỉ tổ trưởng/giám sát được lưu thay đổi. */
export const viSettings = {
  'settings.title': 'Cài đặt quầy',
} as const;
