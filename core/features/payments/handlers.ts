import { amountInWords } from '../../../shared/domain/payments/money-words.ts';
import QRCode from 'qrcode';
import { buildVietQr, parseVietQr } from '../../../shared/domain/payments/vietqr.ts';
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
    // The screen shows the transfer QR as an image from here, so the renderer needs no QR encoder of its own.
    'payments.vietqrImage': async ({ payload }) => {
      const parsed = parseVietQr(payload);
      if (!parsed.ok) throw new CoreError('invalid-input', `Not a VietQR payload: ${parsed.reason}`, { field: 'payload', issues: [{ path: 'payload', message: parsed.reason }] });
      const modules = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules.size;
      const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
      return { svg, modules };
    },
    'payments.amountInWords': ({ amount, thousand, zeroTens }) => ({ vi: amountInWords(amount, { thousand, zeroTens }) }),
  } satisfies Partial<Handlers>;
}
