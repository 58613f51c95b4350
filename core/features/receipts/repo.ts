import { FeeSettingsSchema, PaymentSchema, ReceiptSchema, ReceiptSettingsSchema, type FeeSettings, type Payment, type Receipt, type ReceiptSettings } from '../../../shared/contract/receipts.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';
import type { SecretBox } from '../../ports/secret-box.ts';

// SQL of the receipts feature (migration 0008). Payments and receipts keep their whole record as JSON in
// `body`; the columns are what queries filter and the constraints guard on.

function readJsonRow<T>(db: CounterDatabase, table: 'receipt_settings' | 'fee_settings', parse: (value: unknown) => T): T {
  const row = cachedStatement(db, `SELECT value FROM ${table} WHERE id = 1`).get() as { value: string } | undefined;
  let value: unknown;
  try {
    value = row ? JSON.parse(row.value) : {};
  } catch {
    value = {}; // a damaged row falls back to the defaults, as form values do
  }
  return parse(value);
}

function writeJsonRow(db: CounterDatabase, table: 'receipt_settings' | 'fee_settings', value: unknown, at: string): void {
  cachedStatement(db, `INSERT INTO ${table} (id, value, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(JSON.stringify(value), at);
}

/** The signer's password or PIN, sealed (or opened) in place; everything else as it is. */
function withSignerSecret(value: unknown, change: (secret: string) => string): unknown {
  const signer = (value as { signer?: Record<string, unknown> } | null)?.signer;
  if (!signer || typeof signer !== 'object') return value;
  const key = signer.kind === 'pkcs12' ? 'password' : signer.kind === 'pkcs11' ? 'pin' : null;
  if (key === null || typeof signer[key] !== 'string') return value;
  return { ...(value as object), signer: { ...signer, [key]: change(signer[key]) } };
}

/** The signer's secret is opened before the settings are checked (a sealed PIN is longer than any PIN). */
export function readReceiptSettings(db: CounterDatabase, secrets: SecretBox): ReceiptSettings {
  return readJsonRow(db, 'receipt_settings', (value) => ReceiptSettingsSchema.catch(ReceiptSettingsSchema.parse({})).parse(withSignerSecret(value, (secret) => secrets.open(secret))));
}
export function writeReceiptSettings(db: CounterDatabase, settings: ReceiptSettings, at: string, secrets: SecretBox): void {
  writeJsonRow(db, 'receipt_settings', withSignerSecret(settings, (secret) => secrets.seal(secret)), at);
}
export function readFeeSettings(db: CounterDatabase): FeeSettings {
  return readJsonRow(db, 'fee_settings', (value) => FeeSettingsSchema.catch(FeeSettingsSchema.parse({})).parse(value));
}
export function writeFeeSettings(db: CounterDatabase, settings: FeeSettings, at: string): void {
  writeJsonRow(db, 'fee_settings', settings, at);
}

export function insertPayment(db: CounterDatabase, payment: Payment, day: string): void {
  cachedStatement(db, 'INSERT INTO payments (id, dossier_id, method, amount, recorded_day, body) VALUES (?, ?, ?, ?, ?, ?)').run(payment.id, payment.dossierId, payment.method, payment.amount, day, JSON.stringify(payment));
}

export function findPayment(db: CounterDatabase, id: string): Payment | null {
  const row = cachedStatement(db, 'SELECT body FROM payments WHERE id = ?').get(id) as { body: string } | undefined;
  return row ? PaymentSchema.parse(JSON.parse(row.body)) : null;
}

export function listPayments(db: CounterDatabase, query: Readonly<{ dossierId?: string | undefined; day?: string | undefined; limit: number }>): Payment[] {
  const rows = cachedStatement(db,
    `SELECT body FROM payments WHERE (@dossierId IS NULL OR dossier_id = @dossierId) AND (@day IS NULL OR recorded_day = @day)
     ORDER BY rowid DESC LIMIT @limit`,
  ).all({ dossierId: query.dossierId ?? null, day: query.day ?? null, limit: query.limit }) as { body: string }[];
  return rows.map((row) => PaymentSchema.parse(JSON.parse(row.body)));
}

/**
 * The next number of a series. Call only inside the transaction that stores the receipt carrying it: the
 * bump and the receipt commit together or not at all, which is the whole no-gap, no-reuse guarantee.
 */
export function allocateNumber(db: CounterDatabase, template: string, symbol: string): number {
  const row = cachedStatement(db,
    `INSERT INTO receipt_series (template, symbol, last_number) VALUES (?, ?, 1)
     ON CONFLICT (template, symbol) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number AS number`,
  ).get(template, symbol) as { number: number };
  return row.number;
}

function receiptParams(receipt: Receipt) {
  const { xml, ...body } = receipt;
  return {
    id: receipt.id,
    paymentId: receipt.paymentId,
    dossierId: receipt.dossierId,
    provider: receipt.provider,
    status: receipt.status,
    template: receipt.template,
    symbol: receipt.symbol,
    number: receipt.number,
    day: receipt.issuedAt.slice(0, 10),
    body: JSON.stringify(body),
    xml,
  };
}

export function insertReceipt(db: CounterDatabase, receipt: Receipt, nextAttemptAt: string | null = null): void {
  cachedStatement(db,
    `INSERT INTO receipts (id, payment_id, dossier_id, provider, status, template, symbol, number, issued_day, body, xml, next_attempt_at)
     VALUES (@id, @paymentId, @dossierId, @provider, @status, @template, @symbol, @number, @day, @body, @xml, @nextAttemptAt)`,
  ).run({ ...receiptParams(receipt), nextAttemptAt });
}

/** Replaces the stored record (status, link, the server's number and XML); the triggers refuse a renumbering. */
export function updateReceipt(db: CounterDatabase, receipt: Receipt): void {
  cachedStatement(db,
    `UPDATE receipts SET status = @status, template = @template, symbol = @symbol, number = @number, issued_day = @day, body = @body, xml = @xml,
       next_attempt_at = CASE WHEN @status = 'provisional' THEN next_attempt_at END
     WHERE id = @id`,
  ).run(receiptParams(receipt));
}

function toReceipt(row: { body: string; xml: string | null }): Receipt {
  return ReceiptSchema.parse({ ...(JSON.parse(row.body) as object), xml: row.xml });
}

export function findReceipt(db: CounterDatabase, id: string): Receipt | null {
  const row = cachedStatement(db, 'SELECT body, xml FROM receipts WHERE id = ?').get(id) as { body: string; xml: string | null } | undefined;
  return row ? toReceipt(row) : null;
}

/** The receipt of a payment that still counts (not cancelled or replaced), if any. */
export function liveReceiptOf(db: CounterDatabase, paymentId: string): Receipt | null {
  const row = cachedStatement(db, `SELECT body, xml FROM receipts WHERE payment_id = ? AND status IN ('provisional', 'issued') ORDER BY rowid DESC LIMIT 1`).get(paymentId) as
    | { body: string; xml: string | null }
    | undefined;
  return row ? toReceipt(row) : null;
}

export function listReceipts(db: CounterDatabase, query: Readonly<{ dossierId?: string | undefined; day?: string | undefined; limit: number }>): Receipt[] {
  const rows = cachedStatement(db,
    `SELECT body, xml FROM receipts WHERE (@dossierId IS NULL OR dossier_id = @dossierId) AND (@day IS NULL OR issued_day = @day)
     ORDER BY rowid DESC LIMIT @limit`,
  ).all({ dossierId: query.dossierId ?? null, day: query.day ?? null, limit: query.limit }) as { body: string; xml: string | null }[];
  return rows.map(toReceipt);
}

/** Provisional receipts waiting for the central server, due by `now`. */
export function dueProvisional(db: CounterDatabase, now: string, limit: number): Array<{ receipt: Receipt; attempts: number }> {
  const rows = cachedStatement(db,
    `SELECT body, xml, server_attempts AS attempts FROM receipts
     WHERE status = 'provisional' AND (next_attempt_at IS NULL OR julianday(next_attempt_at) <= julianday(?)) ORDER BY rowid LIMIT ?`,
  ).all(now, limit) as { body: string; xml: string | null; attempts: number }[];
  return rows.map((row) => ({ receipt: toReceipt(row), attempts: row.attempts }));
}

export function scheduleServerRetry(db: CounterDatabase, id: string, attempts: number, nextAttemptAt: string, error: string): void {
  cachedStatement(db, 'UPDATE receipts SET server_attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(attempts, nextAttemptAt, error.slice(0, 500), id);
}
