/** Phí, lệ phí, thanh toán và biên lai trong luồng tiếp nhận (renderer/features/intake/payment). */
export const viPayment = {
  'payment.title': 'Phí, lệ phí và thanh toán',
} as const;
