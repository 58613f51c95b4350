import { describe, expect, it } from 'vitest';
import type { QuoteLine } from '../../contract/receipts.ts';
import { feeState, quoteIsFree } from './fee-state.ts';

const line = (amount: number | null, exemptReason: string | null = null): QuoteLine => ({ id: 'le-phi', kind: 'fee', name: 'Lệ phí', unit: 'hồ sơ', quantity: 1, amount, exemptReason });

describe('feeState', () => {
  it('is due while nothing is paid and the quote costs something', () => {
    expect(feeState({ quote: { total: 15_000, missing: [], lines: [line(15_000)] }, payments: [], receipts: [] })).toEqual({ state: 'due', total: 15_000, provisional: false });
  });

  it('is due without a total while a count or an amount is missing (never "0 đ")', () => {
    expect(feeState({ quote: { total: 0, missing: ['ban-sao:quantity'], lines: [line(0)] }, payments: [], receipts: [] })).toEqual({ state: 'due', total: null, provisional: false });
    expect(quoteIsFree({ total: 0, missing: ['ban-sao:quantity'], lines: [line(0)] })).toBe(false);
  });

  it('is free when every line is 0 đ and nothing is missing', () => {
    expect(feeState({ quote: { total: 0, missing: [], lines: [line(0)] }, payments: [], receipts: [] }).state).toBe('free');
    expect(feeState({ quote: { total: 0, missing: [], lines: [] }, payments: [], receipts: [] }).state).toBe('free');
  });

  it('is paid with a valid receipt, provisional only while no receipt of it is issued', () => {
    const payments = [{ id: 'p1', amount: 15_000 }];
    expect(feeState({ quote: null, payments, receipts: [{ paymentId: 'p1', status: 'issued' }] })).toEqual({ state: 'paid', total: 15_000, provisional: false });
    expect(feeState({ quote: null, payments, receipts: [{ paymentId: 'p1', status: 'provisional' }] })).toEqual({ state: 'paid', total: 15_000, provisional: true });
  });

  it('owes a receipt, not a payment, once every receipt of the payment is cancelled or replaced away', () => {
    const payments = [{ id: 'p1', amount: 15_000 }];
    expect(feeState({ quote: { total: 15_000, missing: [], lines: [line(15_000)] }, payments, receipts: [{ paymentId: 'p1', status: 'cancelled' }] }).state).toBe('unreceipted');
    // A replaced receipt has its replacement: still paid.
    expect(feeState({ quote: null, payments, receipts: [{ paymentId: 'p1', status: 'replaced' }, { paymentId: 'p1', status: 'issued' }] }).state).toBe('paid');
  });

  it('counts an exemption (0 đ payment with its receipt) as paid, and says unknown without a quote or payment', () => {
    expect(feeState({ quote: { total: 0, missing: [], lines: [line(0, 'Người có công')] }, payments: [{ id: 'p1', amount: 0 }], receipts: [{ paymentId: 'p1', status: 'issued' }] })).toEqual({ state: 'paid', total: 0, provisional: false });
    expect(feeState({ quote: null, payments: [], receipts: [] }).state).toBe('unknown');
  });
});
