import type { DailyReport, PaymentMethod, Receipt } from '../../../shared/contract/receipts.ts';

/**
 * The day's close (for the fee-use report): valid receipts counted and summed per series and per payment
 * method; cancelled and replaced ones listed apart and left out of the totals (the replacement counts instead);
 * provisional ones (waiting for the central server) counted apart, because they have no number yet.
 */
export function dailyReport(date: string, receipts: readonly Receipt[]): DailyReport {
  const series = new Map<string, DailyReport['series'][number]>();
  const methods = new Map<PaymentMethod, { count: number; total: number }>();
  const provisional = { count: 0, total: 0 };
  const total = { count: 0, total: 0 };
  const cancelled: DailyReport['cancelled'] = [];
  for (const receipt of receipts) {
    if (receipt.status === 'cancelled' || receipt.status === 'replaced') {
      cancelled.push({ id: receipt.id, symbol: receipt.symbol, number: receipt.number, amount: receipt.amount, status: receipt.status, reason: receipt.cancelReason });
      continue;
    }
    const method = methods.get(receipt.method) ?? { count: 0, total: 0 };
    methods.set(receipt.method, { count: method.count + 1, total: method.total + receipt.amount });
    total.count += 1;
    total.total += receipt.amount;
    if (receipt.status === 'provisional' || receipt.number === null || receipt.symbol === null || receipt.template === null) {
      provisional.count += 1;
      provisional.total += receipt.amount;
      continue;
    }
    const key = `${receipt.template}|${receipt.symbol}`;
    const entry = series.get(key) ?? { template: receipt.template, symbol: receipt.symbol, count: 0, total: 0, first: receipt.number, last: receipt.number };
    series.set(key, { ...entry, count: entry.count + 1, total: entry.total + receipt.amount, first: Math.min(entry.first, receipt.number), last: Math.max(entry.last, receipt.number) });
  }
  return {
    date,
    series: [...series.values()].sort((a, b) => `${a.template}${a.symbol}`.localeCompare(`${b.template}${b.symbol}`)),
    methods: [...methods.entries()].map(([method, tally]) => ({ method, ...tally })).sort((a, b) => a.method.localeCompare(b.method)),
    cancelled: cancelled.sort((a, b) => (a.number ?? 0) - (b.number ?? 0)),
    provisional,
    total,
  };
}
