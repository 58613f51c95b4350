import type { viPayment } from './payment.vi.ts';

/** English for `payment.vi.ts`: the same keys, checked by the type. */
export const enPayment: Readonly<Record<keyof typeof viPayment, string>> = {
  'payment.title': 'Fees and payment',
};
