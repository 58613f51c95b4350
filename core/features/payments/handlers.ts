import { amountInWords } from '../../../shared/domain/payments/money-words.ts';
import { buildVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { Handlers } from '../../rpc/dispatch.ts';

export function paymentsHandlers() {
  return {
    'payments.vietqr': (input) => {
      const result = buildVietQr(input);
      if (!result.ok) {
        const { field, message } = result.problem;
        throw new CoreError('invalid-input', message, { field, issues: [{ path: field, message }] });
      }
      return { payload: result.payload };
    },
    'payments.amountInWords': ({ amount, thousand, zeroTens }) => ({ vi: amountInWords(amount, { thousand, zeroTens }) }),
  } satisfies Partial<Handlers>;
}
