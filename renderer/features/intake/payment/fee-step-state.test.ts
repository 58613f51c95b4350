import { describe, expect, it } from 'vitest';
import { FeeChoicesSchema, type FeeQuote } from '../../../../shared/contract/receipts.ts';
import { cashChange, countedFeeIds, emptyFeeStep, feeLineIds, isFree, parseVnd, paymentProblem, toFeeChoices, toggleOmitted } from './fee-step-state.ts';

const quote = (overrides: Partial<FeeQuote> = {}): FeeQuote => ({
  dossierId: 'd1',
  dossierCode: '000.00.12.H12-261123-0001',
  lines: [{ id: 'le-phi-truc-tiep', kind: 'charge', name: 'Lệ phí đăng ký tạm trú', unit: 'registration', quantity: 1, amount: 15_000, exemptReason: null }],
  total: 15_000,
  missing: [],
  vietqr: '000201010212…',
  ...overrides,
});

describe('cash received and change', () => {
  it('reads amounts as clerks type them', () => {
    expect(parseVnd('200000')).toBe(200_000);
    expect(parseVnd('200.000')).toBe(200_000);
    expect(parseVnd(' 200 000 đ')).toBe(200_000);
    expect(parseVnd('200,000')).toBe(200_000);
    expect(parseVnd('')).toBeNull();
    expect(parseVnd('12a')).toBeNull();
    expect(parseVnd('-5')).toBeNull();
    expect(parseVnd('1.5e3')).toBeNull();
  });

  it('gives the change; an empty field is the exact amount; too little or not a number is refused', () => {
    expect(cashChange(15_000, '50.000')).toEqual({ ok: true, received: 50_000, change: 35_000 });
    expect(cashChange(15_000, '15000')).toEqual({ ok: true, received: 15_000, change: 0 });
    expect(cashChange(15_000, '')).toEqual({ ok: true, received: 15_000, change: 0 });
    expect(cashChange(15_000, '10.000')).toEqual({ ok: false, problem: 'payment.error.receivedShort', short: 5_000 });
    expect(cashChange(15_000, 'mười lăm')).toEqual({ ok: false, problem: 'payment.error.receivedInvalid' });
  });
});

describe('fee choices', () => {
  it('an exemption needs its reason and applies to the fee lines only; the choices pass the contract', () => {
    const ids = feeLineIds(quote({ lines: [...quote().lines, { id: 'service:photocopy', kind: 'service', name: 'Photo', unit: 'trang', quantity: 2, amount: 1000, exemptReason: null }] }));
    expect(ids).toEqual(['le-phi-truc-tiep']);
    expect(toFeeChoices({ ...emptyFeeStep, exempt: true, exemptReason: 'x' }, ids).exemptions).toEqual([]);
    const choices = toFeeChoices({ ...emptyFeeStep, exempt: true, exemptReason: '  Người có công  ', services: { photocopy: '2', postal: '', bad: 'abc' } }, ids);
    expect(choices).toEqual({ quantities: [], exemptions: [{ feeId: 'le-phi-truc-tiep', reason: 'Người có công' }], omitted: [], services: [{ serviceId: 'photocopy', quantity: 2 }] });
    expect(FeeChoicesSchema.parse(choices)).toEqual(choices);
  });

  it('a fee item left out is sent as omitted; toggled again, it is back', () => {
    const left = toggleOmitted(emptyFeeStep, 'le-phi-danh-sach');
    expect(toFeeChoices(left, []).omitted).toEqual(['le-phi-danh-sach']);
    expect(toggleOmitted(left, 'le-phi-danh-sach').omitted).toEqual([]);
    expect(FeeChoicesSchema.parse(toFeeChoices(left, []))).toMatchObject({ omitted: ['le-phi-danh-sach'] });
  });

  it('per-page fees the core asks a count for get one; unfinished counts are not sent', () => {
    const asked = quote({ missing: ['phi-chung-thuc:quantity'] });
    expect(countedFeeIds(asked, emptyFeeStep)).toEqual(['phi-chung-thuc']);
    const draft = { ...emptyFeeStep, counts: { 'phi-chung-thuc': { quantity: '5', copies: '2' }, other: { quantity: '', copies: '' } } };
    expect(toFeeChoices(draft, []).quantities).toEqual([{ feeId: 'phi-chung-thuc', quantity: 5, copies: 2 }]);
    expect(countedFeeIds(quote(), draft)).toEqual(['phi-chung-thuc', 'other']);
  });
});

describe('the step', () => {
  it('a procedure with no fee, or only zero lines, is free; an exempted one is not skipped', () => {
    expect(isFree(quote({ lines: [], total: 0 }))).toBe(true);
    expect(isFree(quote({ lines: [{ ...quote().lines[0]!, amount: 0 }], total: 0 }))).toBe(true);
    expect(isFree(quote())).toBe(false);
    expect(isFree(quote({ lines: [], total: 0, missing: ['le-phi'] }))).toBe(false);
  });

  it('names what stops the payment, first things first', () => {
    expect(paymentProblem(emptyFeeStep, quote())).toBeNull();
    expect(paymentProblem({ ...emptyFeeStep, exempt: true, exemptReason: ' a ' }, quote())).toMatchObject({ field: 'exemptReason', message: 'payment.error.reasonRequired' });
    expect(paymentProblem(emptyFeeStep, quote({ missing: ['le-phi'] }))).toMatchObject({ field: 'amounts' });
    expect(paymentProblem(emptyFeeStep, quote({ missing: ['phi:quantity'] }))).toMatchObject({ field: 'counts' });
    expect(paymentProblem({ ...emptyFeeStep, received: '10000' }, quote())).toEqual({ field: 'received', message: 'payment.error.receivedShort', params: { short: 5_000 } });
    expect(paymentProblem({ ...emptyFeeStep, method: 'transfer' }, quote({ vietqr: null }))).toMatchObject({ field: 'bank', message: 'payment.error.noBankAccount' });
    expect(paymentProblem({ ...emptyFeeStep, method: 'transfer' }, quote({ total: 0 }))).toMatchObject({ message: 'payment.error.nothingToTransfer' });
    expect(paymentProblem({ ...emptyFeeStep, method: 'transfer' }, quote())).toBeNull();
  });
});
