/**
 * VietQR: the NAPAS "QR code for interbank transfer" payload (EMVCo merchant-presented QR, NAPAS spec v1.0,
 * 09/2021), as banking apps scan it. A string of TLV objects: two-digit ID, two-digit length, value.
 *
 *   00 "01"                      payload format indicator
 *   01 "11" | "12"               static (no amount) | dynamic (with amount)
 *   38 {                         merchant account information, NAPAS
 *        00 "A000000727"         NAPAS GUID
 *        01 { 00 BIN, 01 account or card number }   beneficiary
 *        02 "QRIBFTTA" | "QRIBFTTC"                 transfer to an account | to a card
 *      }
 *   53 "704"                     currency (VND)
 *   54 amount                    integer VND, only when dynamic
 *   58 "VN"                      country
 *   62 { 01 bill number, 08 purpose }                additional data, only when given
 *   63 CRC                       CRC-16/CCITT-FALSE over everything before it, "6304" included
 *
 * Pure and ASCII only: the purpose is stripped of Vietnamese marks (đ → d, case kept), anything else outside
 * printable ASCII is dropped, and it is cut to the spec's 25 characters. Input problems come back as a
 * `VietQrProblem` naming the field, never as an exception.
 */

export const NAPAS_GUID = 'A000000727';
export const PURPOSE_MAX_LENGTH = 25;
export const BILL_NUMBER_MAX_LENGTH = 25;

export type VietQrService = 'account' | 'card';
const SERVICE_CODES: Readonly<Record<VietQrService, string>> = { account: 'QRIBFTTA', card: 'QRIBFTTC' };

export type VietQrInput = Readonly<{
  /** The beneficiary bank's 6-digit BIN (e.g. 970403 for Sacombank, 970436 for Vietcombank). */
  bin: string;
  /** Account number (or card number for `service: 'card'`): 1–19 letters or digits. */
  account: string;
  /** Integer VND, positive, at most 13 digits. Given → dynamic QR ("12"); absent → static ("11"). */
  amount?: number | undefined;
  /** Free text (a dossier code, "Le phi ..."); marks stripped, cut to 25 characters; empty → left out. */
  purpose?: string | undefined;
  /** Bill / reference number (62-01), up to 25 printable ASCII characters. */
  billNumber?: string | undefined;
  service?: VietQrService | undefined;
}>;

export type VietQrField = 'bin' | 'account' | 'amount' | 'purpose' | 'billNumber';
export type VietQrProblem = Readonly<{ field: VietQrField; message: string }>;
export type VietQrBuildResult = Readonly<{ ok: true; payload: string }> | Readonly<{ ok: false; problem: VietQrProblem }>;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) of an ASCII string. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i += 1) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** Four upper-case hex digits, zero-padded, as field 63 carries them. */
export function crcHex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The purpose as the QR carries it: Vietnamese marks removed (NFD, combining marks dropped, đ/Đ → d/D), case
 * kept (the spec vector is lower case and banks show it as given), other non-ASCII dropped, white space
 * collapsed, cut to 25 characters and trimmed again.
 */
export function normalizePurpose(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, PURPOSE_MAX_LENGTH).trimEnd();
}

function problem(field: VietQrField, message: string): VietQrBuildResult {
  return { ok: false, problem: { field, message } };
}

export function buildVietQr(input: VietQrInput): VietQrBuildResult {
  const { bin, account, amount, purpose, billNumber } = input;
  const service = input.service ?? 'account';
  if (!/^\d{6}$/.test(bin)) return problem('bin', 'The bank BIN must be exactly 6 digits.');
  if (!/^[A-Za-z0-9]{1,19}$/.test(account)) return problem('account', 'The account number must be 1–19 letters or digits.');
  if (amount !== undefined) {
    if (!Number.isSafeInteger(amount) || amount <= 0) return problem('amount', 'The amount must be a positive whole number of đồng.');
    if (String(amount).length > 13) return problem('amount', 'The amount may have at most 13 digits.');
  }
  if (billNumber !== undefined && (billNumber.length > BILL_NUMBER_MAX_LENGTH || !PRINTABLE_ASCII.test(billNumber))) {
    return problem('billNumber', 'The bill number must be at most 25 printable ASCII characters.');
  }
  const cleanPurpose = purpose === undefined ? '' : normalizePurpose(purpose);
  if (purpose !== undefined && purpose.trim() !== '' && cleanPurpose === '') {
    return problem('purpose', 'The purpose has no characters a VietQR code can carry (letters, digits, punctuation).');
  }

  const beneficiary = tlv('00', bin) + tlv('01', account);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_CODES[service]);
  const additional = (billNumber ? tlv('01', billNumber) : '') + (cleanPurpose ? tlv('08', cleanPurpose) : '');
  const body =
    tlv('00', '01') +
    tlv('01', amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (amount === undefined ? '' : tlv('54', String(amount))) +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304';
  return { ok: true, payload: body + crcHex(body) };
}

export type TlvField = Readonly<{ id: string; value: string }>;

/** Splits a TLV string into its fields, in order; null when the lengths do not add up. */
export function parseTlv(text: string): TlvField[] | null {
  const fields: TlvField[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) return null;
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) return null;
    fields.push({ id: head.slice(0, 2), value });
    at += 4 + length;
  }
  return fields;
}

export type ParsedVietQr = Readonly<{
  method: 'static' | 'dynamic';
  bin: string;
  account: string;
  service: VietQrService;
  currency: string;
  amount: number | null;
  country: string;
  billNumber: string | null;
  purpose: string | null;
  crc: string;
}>;

export type VietQrParseResult = Readonly<{ ok: true; qr: ParsedVietQr }> | Readonly<{ ok: false; reason: string }>;

function fieldMap(fields: readonly TlvField[]): Map<string, string> | null {
  const map = new Map<string, string>();
  for (const field of fields) {
    if (map.has(field.id)) return null;
    map.set(field.id, field.value);
  }
  return map;
}

/** Reads a VietQR payload back and checks it: TLV structure, CRC, NAPAS GUID, the fields the builder writes. */
export function parseVietQr(payload: string): VietQrParseResult {
  const fail = (reason: string): VietQrParseResult => ({ ok: false, reason });
  if (!PRINTABLE_ASCII.test(payload)) return fail('not printable ASCII');
  const fields = parseTlv(payload);
  if (!fields) return fail('malformed TLV');
  const last = fields.at(-1);
  if (!last || last.id !== '63' || last.value.length !== 4) return fail('CRC field 63 missing or not last');
  const expected = crcHex(payload.slice(0, -4));
  if (last.value !== expected) return fail(`CRC mismatch: carries ${last.value}, computed ${expected}`);
  const top = fieldMap(fields);
  if (!top) return fail('duplicate field');
  if (top.get('00') !== '01') return fail('payload format indicator is not 01');
  const initiation = top.get('01');
  if (initiation !== '11' && initiation !== '12') return fail('point of initiation is not 11 or 12');
  const merchantFields = parseTlv(top.get('38') ?? '');
  const merchant = merchantFields && fieldMap(merchantFields);
  if (!merchant || merchant.get('00') !== NAPAS_GUID) return fail('field 38 is not NAPAS merchant information');
  const beneficiaryFields = parseTlv(merchant.get('01') ?? '');
  const beneficiary = beneficiaryFields && fieldMap(beneficiaryFields);
  const bin = beneficiary?.get('00');
  const account = beneficiary?.get('01');
  if (!bin || !account) return fail('beneficiary BIN or account missing');
  const serviceCode = merchant.get('02');
  const service = serviceCode === 'QRIBFTTA' ? 'account' : serviceCode === 'QRIBFTTC' ? 'card' : null;
  if (!service) return fail('unknown service code');
  const amountText = top.get('54');
  if (amountText !== undefined && !/^\d{1,13}$/.test(amountText)) return fail('amount is not an integer');
  if ((initiation === '12') !== (amountText !== undefined)) return fail('dynamic QR without amount, or static QR with one');
  const additionalText = top.get('62');
  const additionalFields = additionalText === undefined ? [] : parseTlv(additionalText);
  const additional = additionalFields && fieldMap(additionalFields);
  if (!additional) return fail('malformed additional data (62)');
  return {
    ok: true,
    qr: {
      method: initiation === '12' ? 'dynamic' : 'static',
      bin,
      account,
      service,
      currency: top.get('53') ?? '',
      amount: amountText === undefined ? null : Number(amountText),
      country: top.get('58') ?? '',
      billNumber: additional.get('01') ?? null,
      purpose: additional.get('08') ?? null,
      crc: last.value,
    },
  };
}
