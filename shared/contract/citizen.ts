import { z } from 'zod';
import { ID_QR_FIELDS, ID_QR_PROBLEM_CODES, ID_QR_WARNING_CODES } from '../domain/citizen/id-qr.ts';
import { LocalDateSchema } from './time-limit.ts';

/** What the scanner typed from the QR code on an ID card (a few hundred characters; trailing CR/LF is fine). */
export const ParseIdQrInputSchema = z
  .object({
    text: z.string().max(2000),
  })
  .strict();
export type ParseIdQrInput = z.infer<typeof ParseIdQrInputSchema>;

/** Something a clerk should check against the card; `code` is stable, `vi`/`en` are ready to show. */
export const IdQrWarningSchema = z.object({
  code: z.enum(ID_QR_WARNING_CODES),
  vi: z.string(),
  en: z.string(),
});
export type IdQrWarningDto = z.infer<typeof IdQrWarningSchema>;

export const CitizenFromIdQrSchema = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  /** The old CMND number (9 digits, some 12), null when the card has none. */
  oldIdNumber: z.string().regex(/^\d{8,12}$/).nullable(),
  fullName: z.string().min(1),
  birthDate: LocalDateSchema,
  gender: z.enum(['male', 'female']),
  /** Nơi thường trú (chip CCCD) or nơi cư trú (căn cước from 01/7/2024); may be empty (a warning says so). */
  address: z.string(),
  issueDate: LocalDateSchema,
  warnings: z.array(IdQrWarningSchema),
});
export type CitizenFromIdQr = z.infer<typeof CitizenFromIdQrSchema>;

/** `details` of error `invalid-id-qr`: which field is wrong and why, in both languages. */
export const IdQrProblemSchema = z.object({
  problem: z.enum(ID_QR_PROBLEM_CODES),
  field: z.enum(ID_QR_FIELDS).nullable(),
  vi: z.string(),
  en: z.string(),
});
export type IdQrProblemDetails = z.infer<typeof IdQrProblemSchema>;
