import { z } from 'zod';
import { BILL_NUMBER_MAX_LENGTH } from '../domain/payments/vietqr.ts';
import { MAX_AMOUNT_IN_WORDS } from '../domain/payments/money-words.ts';

/**
 * `payments.vietqr`: the NAPAS VietQR string for a bank transfer to the centre's account. With an amount the
 * QR is dynamic (the payer's app fills it in); the purpose (usually the dossier code) loses its diacritics and
 * is cut to 25 characters. Rendering the QR image is the printing and UI's job.
 */
export const VietQrInputSchema = z
  .object({
    /** The beneficiary bank's 6-digit BIN (NAPAS bank identifier). */
    bin: z.string().regex(/^\d{6}$/, 'The bank BIN must be exactly 6 digits.'),
    /** Account number, or card number with `service: 'card'`. */
    account: z.string().regex(/^[A-Za-z0-9]{1,19}$/, 'The account number must be 1–19 letters or digits.'),
    /** Whole VND, 1 … 9 999 999 999 999; absent for a static QR. */
    amount: z.number().int().positive().max(9_999_999_999_999).optional(),
    purpose: z.string().max(500).optional(),
    billNumber: z
      .string()
      .max(BILL_NUMBER_MAX_LENGTH)
      .regex(/^[\x20-\x7e]*$/, 'The bill number must be printable ASCII.')
      .optional(),
    service: z.enum(['account', 'card']).optional(),
  })
  .strict();
export type VietQrInputDto = z.infer<typeof VietQrInputSchema>;

export const VietQrOutputSchema = z.object({ payload: z.string().regex(/^[\x20-\x7e]+6304[0-9A-F]{4}$/) });

/**
 * `payments.vietqrImage`: a VietQR payload drawn as an SVG QR code for the screen (error correction M, quiet zone
 * 4 modules), by the same encoder the printed forms use. Only a valid VietQR (CRC checked) is drawn.
 */
export const VietQrImageInputSchema = z.object({ payload: z.string().min(20).max(512) }).strict();
export const VietQrImageOutputSchema = z.object({ svg: z.string().startsWith('<svg'), modules: z.number().int().positive() });

export const AmountInWordsInputSchema = z
  .object({
    amount: z.number().int().min(0).max(MAX_AMOUNT_IN_WORDS),
    thousand: z.enum(['nghìn', 'ngàn']).optional(),
    zeroTens: z.enum(['linh', 'lẻ']).optional(),
  })
  .strict();

export const AmountInWordsOutputSchema = z.object({ vi: z.string().min(1) });
