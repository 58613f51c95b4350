import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../../shared/contract/receipts.ts';
import { officialArrivedAt, paymentsOwingReceipt, reasonProblem, receiptActions } from './receipt-actions.ts';

describe('receiptActions', () => {
  it('offers a supervisor reprint, cancel and replace of an issued receipt', () => {
    expect(receiptActions({ status: 'issued' }, true)).toEqual([
      { kind: 'reprint', enabled: true, why: null },
      { kind: 'cancel', enabled: true, why: null },
      { kind: 'replace', enabled: true, why: null },
    ]);
  });

  it('shows a plain clerk cancel and replace switched off, with the reason', () => {
    const actions = receiptActions({ status: 'issued' }, false);
    expect(actions.filter((action) => action.enabled).map((action) => action.kind)).toEqual(['reprint']);
    expect(actions.find((action) => action.kind === 'cancel')).toEqual({ kind: 'cancel', enabled: false, why: 'fees.action.needSupervisor' });
  });

  it('lets a provisional receipt be cancelled but not replaced (it has no number to cite)', () => {
    expect(receiptActions({ status: 'provisional' }, true)).toEqual([
      { kind: 'reprint', enabled: true, why: null },
      { kind: 'cancel', enabled: true, why: null },
      { kind: 'replace', enabled: false, why: 'fees.action.replaceProvisional' },
    ]);
  });

  it('only reprints a cancelled or replaced receipt (the paper then says so)', () => {
    expect(receiptActions({ status: 'cancelled' }, true).map((action) => action.kind)).toEqual(['reprint']);
    expect(receiptActions({ status: 'replaced' }, true).map((action) => action.kind)).toEqual(['reprint']);
  });
});

describe('officialArrivedAt', () => {
  const timeline = [
    { at: '2026-11-23T09:00:00+07:00', action: 'receipt.provisional', details: { receiptId: 'r1' } },
    { at: '2026-11-23T09:20:00+07:00', action: 'receipt.issued', details: { receiptId: 'r1', by: 'central' } },
    { at: '2026-11-23T10:00:00+07:00', action: 'receipt.issued', details: { receiptId: 'r2' } },
  ];
  it('is when the central server numbered a receipt first stored as provisional', () => {
    expect(officialArrivedAt({ id: 'r1', status: 'issued' }, timeline)).toBe('2026-11-23T09:20:00+07:00');
  });
  it('is null for a receipt signed at the counter, or still provisional', () => {
    expect(officialArrivedAt({ id: 'r2', status: 'issued' }, timeline)).toBeNull();
    expect(officialArrivedAt({ id: 'r1', status: 'provisional' }, timeline)).toBeNull();
  });
});

describe('paymentsOwingReceipt and reasonProblem', () => {
  const payment = (id: string) => ({ id }) as Payment;
  it('lists the payments whose receipts were all cancelled', () => {
    const owing = paymentsOwingReceipt([payment('p1'), payment('p2')], [
      { paymentId: 'p1', status: 'cancelled' },
      { paymentId: 'p2', status: 'cancelled' },
      { paymentId: 'p2', status: 'issued' },
    ]);
    expect(owing.map((item) => item.id)).toEqual(['p1']);
  });
  it('wants a reason of at least 3 characters, spaces not counted', () => {
    expect(reasonProblem('  ab ')).toBe('fees.form.reasonShort');
    expect(reasonProblem('Ghi sai tên')).toBeNull();
  });
});
