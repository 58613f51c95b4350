import { describe, expect, test } from 'vitest';
import { checkApology, printableForms } from './print-forms.ts';

describe('printableForms', () => {
  test('form 01 always; the others once their step is in the audit trail; the apology only when overdue', () => {
    expect(printableForms({ status: 'received' }, ['dossier.received'], false)).toEqual(['appointment']);
    expect(printableForms({ status: 'processing' }, ['dossier.received', 'dossier.requestSupplement', 'dossier.supplement'], true)).toEqual(['appointment', 'supplement', 'apology']);
    expect(printableForms({ status: 'refused' }, ['dossier.received', 'dossier.refuse'], false)).toEqual(['appointment', 'refusal']);
    expect(printableForms({ status: 'returned' }, ['dossier.received', 'dossier.markResultReady', 'dossier.returnResult'], false)).toEqual(['appointment', 'handover']);
  });
});

describe('checkApology', () => {
  const now = new Date('2026-12-23T16:30:00Z'); // 23:30 on 23/12 in Vietnam

  test('a reason and a later date and time give the new due instant in Vietnam time', () => {
    expect(checkApology({ reason: '  Chờ xác minh  ', date: '4/1/2027', time: '16:30' }, now)).toEqual({ ok: true, reason: 'Chờ xác minh', newDueAt: '2027-01-04T16:30:00+07:00' });
    expect(checkApology({ reason: 'x', date: '24/12/2026', time: '8h00' }, now)).toEqual({ ok: true, reason: 'x', newDueAt: '2026-12-24T08:00:00+07:00' });
  });

  test('each missing or wrong field is named; today (in Vietnam) is not a new date', () => {
    expect(checkApology({ reason: ' ', date: '', time: '' }, now)).toEqual({ ok: false, problems: ['reason', 'date', 'time'] });
    expect(checkApology({ reason: 'x', date: '31/02/2027', time: '24:00' }, now)).toEqual({ ok: false, problems: ['date', 'time'] });
    expect(checkApology({ reason: 'x', date: '23/12/2026', time: '17:00' }, now)).toEqual({ ok: false, problems: ['dateNotLater'] });
  });
});
