import { compactTime } from './format.ts';

/**
 * What the QR codes on a slip carry.
 *
 * TT 01/2023/TT-VPCP asks for a QR in the top-left corner with at least the dossier code, the procedure code,
 * the applicant's ID number, the form's title, the issuing system and the time [S]. No byte format was found
 * in the circular, so ours is one readable line of `key:value` pairs joined by `|` (keys without diacritics,
 * values as printed, UTF-8): a phone's camera shows it as text, and a back-office scanner splits it easily.
 * The format is versioned by its first field so it can change without guessing.
 */
export type SlipQrFields = Readonly<{
  dossierCode: string;
  procedureCode: string;
  applicantId: string | undefined;
  formTitle: string;
  issuingSystem: string;
  issuedAt: string;
}>;

/** `|` would split a value: it is replaced, as are line breaks. */
const clean = (value: string): string => value.replace(/[|\r\n]+/g, ' ').trim();

export function slipQrData(fields: SlipQrFields): string {
  return [
    'v:1',
    `ma:${clean(fields.dossierCode)}`,
    `tthc:${clean(fields.procedureCode)}`,
    `dd:${clean(fields.applicantId ?? '')}`,
    `mau:${clean(fields.formTitle)}`,
    `ht:${clean(fields.issuingSystem)}`,
    `tg:${compactTime(fields.issuedAt)}`,
  ].join('|');
}

/**
 * The fee receipt's look-up data, in the same readable `key:value|` form, versioned by its first field
 * (`bl:1`, so it is never taken for a slip's `v:1`): template (mẫu số), symbol (ký hiệu), number, date
 * (yyyyMMdd), amount in đồng, the look-up code (the XML's MTCuu) and the dossier code. A provisional receipt
 * has empty `mau`, `kh` and `so`; its look-up code stays the same once it is issued. Printed only when the
 * counter knows no server address: otherwise the QR is the citizens' look-up link (receiptLookupUrl), which
 * also tells whether the receipt was later cancelled or replaced (docs/RECEIPTS.md, "Look-up for citizens").
 */
export type ReceiptQrFields = Readonly<{
  template: string | null;
  symbol: string | null;
  number: number | null;
  issuedAt: string;
  amount: number;
  lookupCode: string;
  dossierCode: string;
}>;

export function receiptQrData(fields: ReceiptQrFields): string {
  return [
    'bl:1',
    `mau:${clean(fields.template ?? '')}`,
    `kh:${clean(fields.symbol ?? '')}`,
    `so:${fields.number === null ? '' : String(fields.number)}`,
    `ngay:${compactTime(fields.issuedAt).slice(0, 8)}`,
    `tien:${String(fields.amount)}`,
    `mtc:${clean(fields.lookupCode)}`,
    `ma:${clean(fields.dossierCode)}`,
  ].join('|');
}

/** Parses what slipQrData or receiptQrData wrote (tests, and a future scan-to-open at the counter). */
export function parseSlipQrData(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split('|').map((pair) => {
      const at = pair.indexOf(':');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** The citizen's look-up link: `<serverUrl>/tra-cuu?ma=<code>&pin=<pin>`; null without a server address. */
export function lookupUrl(serverUrl: string | null, dossierCode: string, pin: string): string | null {
  if (serverUrl === null || serverUrl.trim() === '') return null;
  const base = serverUrl.trim().replace(/\/+$/, '');
  return `${base}/tra-cuu?ma=${encodeURIComponent(dossierCode)}&pin=${encodeURIComponent(pin)}`;
}

/**
 * The receipt's look-up link: `<serverUrl>/tra-cuu/bien-lai?ma=<look-up code (MTCuu)>`; null without a server
 * address. The code alone opens it (it is random, ~50 bits, and the page shows no personal data).
 */
export function receiptLookupUrl(serverUrl: string | null, lookupCode: string): string | null {
  if (serverUrl === null || serverUrl.trim() === '') return null;
  const base = serverUrl.trim().replace(/\/+$/, '');
  return `${base}/tra-cuu/bien-lai?ma=${encodeURIComponent(lookupCode)}`;
}
