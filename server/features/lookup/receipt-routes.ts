import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import { ReceiptSchema, type Receipt } from '../../../shared/contract/receipts.ts';
import { shortDate, vnd } from '../../../shared/domain/forms/format.ts';
import type { AppContext } from '../../app/context.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import type { Reply } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { maskName } from './mask.ts';
import { renderReceiptLookupPage, type ReceiptLookupResult, type ReceiptPageState } from './receipt-page.ts';

/** The look-up code (MTCuu) as counters and the server make it: 6–16 upper-case letters and digits. */
const LOOKUP_CODE = /^[A-Z0-9]{6,16}$/;

const StoredBody = ReceiptSchema.omit({ xml: true });
type Row = { agency_id: string; body: unknown; agency_name: string };

const page = (status: number, state: ReceiptPageState, headers: Record<string, string> = {}): Reply => ({ status, html: renderReceiptLookupPage(state), headers });

/** "23/11/2026" from the receipt's own date (the XML's NLap), not converted: it is already Vietnam's date. */
const receiptDate = (receipt: Pick<Receipt, 'issuedAt'>) => receipt.issuedAt.slice(0, 10).split('-').reverse().join('/');
const named = (receipt: Pick<Receipt, 'symbol' | 'number' | 'issuedAt'>) => `ký hiệu ${receipt.symbol ?? ''} số ${String(receipt.number ?? '')} ngày ${receiptDate(receipt)}`;

async function sibling(db: SqlExecutor, agencyId: string, id: string | null): Promise<Receipt | null> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await db.query<{ body: unknown }>('SELECT body FROM receipts WHERE id = $1 AND agency_id = $2 AND number IS NOT NULL', [id, agencyId]);
  const parsed = rows[0] ? StoredBody.safeParse(rows[0].body) : null;
  return parsed?.success ? { ...parsed.data, xml: null } : null;
}

async function describe(db: SqlExecutor, row: Row, receipt: Receipt): Promise<ReceiptLookupResult> {
  let status: string;
  switch (receipt.status) {
    case 'issued':
      status = 'Hợp lệ (đã phát hành)';
      break;
    case 'cancelled':
      status = receipt.cancelledAt ? `Đã hủy ngày ${shortDate(receipt.cancelledAt)}` : 'Đã hủy';
      break;
    case 'replaced': {
      const replacement = await sibling(db, row.agency_id, receipt.replacedBy);
      status = replacement ? `Đã bị thay thế bởi biên lai ${named(replacement)}` : 'Đã bị thay thế (biên lai thay thế chưa được gửi lên máy chủ)';
      break;
    }
    case 'provisional':
      status = 'Phiếu thu tạm, chưa phải biên lai chính thức';
      break;
  }
  const original = await sibling(db, row.agency_id, receipt.replaces);
  return {
    template: receipt.template ?? '',
    symbol: receipt.symbol ?? '',
    number: String(receipt.number ?? ''),
    date: receiptDate(receipt),
    amount: vnd(receipt.amount),
    status,
    valid: receipt.status === 'issued',
    replaces: original ? `Biên lai ${named(original)}` : null,
    payer: receipt.payerName.trim() ? maskName(receipt.payerName) : '—',
    issuer: row.agency_name,
  };
}

/**
 * The citizens' receipt look-up (`/tra-cuu/bien-lai?ma=<mã tra cứu>`), under the dossier look-up's rules: one
 * answer for every code that matches nothing (the page never tells which codes exist), look-ups limited per
 * client IP by the same limiter, HTML errors for people, no personal data beyond the masked payer name.
 */
export function receiptLookupRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'GET',
      path: CENTRAL_PATHS.receiptLookupPage,
      handle: async (ctx) => {
        try {
          const params = ctx.url.searchParams;
          if (!params.has('ma')) return page(200, { kind: 'form' });
          const ma = (params.get('ma') ?? '').slice(0, 40);
          const taken = app.limiters.lookup.take(ctx.clientIp);
          if (!taken.ok) return page(429, { kind: 'rate-limited', retryAfterSeconds: taken.retryAfterSeconds }, { 'Retry-After': String(taken.retryAfterSeconds) });
          const code = ma.replace(/[\s-]/g, '').toUpperCase();
          if (!LOOKUP_CODE.test(code)) return page(400, { kind: 'invalid', ma });
          // The earliest receipt with the code: codes are random (~50 bits), and a later copy cannot hide it.
          const rows = await app.sql.query<Row>(
            `SELECT r.agency_id, r.body, a.name AS agency_name FROM receipts r JOIN agencies a ON a.id = r.agency_id
             WHERE r.body->>'lookupCode' = $1 AND r.number IS NOT NULL ORDER BY r.created_at, r.id LIMIT 1`,
            [code],
          );
          const parsed = rows[0] ? StoredBody.safeParse(rows[0].body) : null;
          if (!rows[0] || !parsed?.success) return page(404, { kind: 'not-found', ma });
          return page(200, { kind: 'found', ma, result: await describe(app.sql, rows[0], { ...parsed.data, xml: null }) });
        } catch (error) {
          app.log(`receipt lookup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return page(500, { kind: 'error' });
        }
      },
    },
  ];
}
