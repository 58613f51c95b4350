import { ReceiptSchema, type Receipt } from '../../../shared/contract/receipts.ts';
import type { SqlExecutor } from '../../db/sql.ts';

type StoredReceipt = Readonly<{ agency_id: string; version: number; body: unknown; xml: string | null }>;

export async function findReceipt(db: SqlExecutor, id: string): Promise<{ agencyId: string; version: number; receipt: Receipt } | null> {
  const rows = await db.query<StoredReceipt>('SELECT agency_id, version, body, xml FROM receipts WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  return { agencyId: row.agency_id, version: Number(row.version), receipt: ReceiptSchema.parse({ ...(row.body as object), xml: row.xml }) };
}

/** Another receipt of the agency already holds this series number (two counters configured with one series). */
export async function numberHeldByOther(db: SqlExecutor, agencyId: string, receipt: Receipt): Promise<boolean> {
  if (receipt.number === null) return false;
  const rows = await db.query('SELECT 1 FROM receipts WHERE agency_id = $1 AND template = $2 AND symbol = $3 AND number = $4 AND id <> $5 LIMIT 1', [agencyId, receipt.template, receipt.symbol, receipt.number, receipt.id]);
  return rows.length > 0;
}

export async function upsertReceipt(db: SqlExecutor, row: Readonly<{ agencyId: string; counterId: string | null; origin: 'counter' | 'server'; receipt: Receipt }>): Promise<void> {
  const { xml, ...body } = row.receipt;
  await db.query(
    `INSERT INTO receipts (id, agency_id, counter_id, origin, dossier_id, status, template, symbol, number, version, body, xml)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, template = EXCLUDED.template, symbol = EXCLUDED.symbol, number = EXCLUDED.number,
       version = EXCLUDED.version, body = EXCLUDED.body, xml = coalesce(EXCLUDED.xml, receipts.xml), updated_at = now()`,
    [row.receipt.id, row.agencyId, row.counterId, row.origin, row.receipt.dossierId, row.receipt.status, row.receipt.template, row.receipt.symbol, row.receipt.number, row.receipt.version, JSON.stringify(body), xml],
  );
}

/** The next number of a server series; call inside the issuing transaction, after the agency's lock. */
export async function nextServerNumber(db: SqlExecutor, agencyId: string, template: string, symbol: string): Promise<number> {
  const rows = await db.query<{ last_number: number }>(
    `INSERT INTO receipt_series (agency_id, template, symbol, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (agency_id, template, symbol) DO UPDATE SET last_number = receipt_series.last_number + 1
     RETURNING last_number`,
    [agencyId, template, symbol],
  );
  return Number(rows[0]?.last_number);
}

export async function agencyName(db: SqlExecutor, agencyId: string): Promise<string> {
  const rows = await db.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [agencyId]);
  return rows[0]?.name ?? '';
}
