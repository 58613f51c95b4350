import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract/methods.ts';
import { actionCall, availableActions, checkAction, EMPTY_ACTION_DRAFT } from './dossier-actions.ts';

const DOSSIER = { id: 'd-1', version: 3 };

describe('dossier actions', () => {
  it('offers what the status allows', () => {
    expect(availableActions({ status: 'received' })).toEqual(['requestSupplement', 'refuse', 'markResultReady']);
    expect(availableActions({ status: 'supplement-requested' })).toEqual(['supplement']);
    expect(availableActions({ status: 'result-ready' })).toEqual(['returnResult']);
    expect(availableActions({ status: 'returned' })).toEqual([]);
  });

  it('requires a reason, the missing papers, and who took the result', () => {
    expect(checkAction('requestSupplement', EMPTY_ACTION_DRAFT)).toEqual(['reason', 'items']);
    expect(checkAction('refuse', { ...EMPTY_ACTION_DRAFT, reason: 'Không thuộc thẩm quyền' })).toEqual([]);
    expect(checkAction('returnResult', { ...EMPTY_ACTION_DRAFT, to: 'post' })).toEqual(['trackingCode']);
    expect(checkAction('markResultReady', EMPTY_ACTION_DRAFT)).toEqual([]);
  });

  it('builds inputs the contract accepts', () => {
    const supplement = actionCall('requestSupplement', DOSSIER, { ...EMPTY_ACTION_DRAFT, reason: 'Thiếu giấy tờ', items: 'Bản sao CCCD\n\n Tờ khai CT01 ' });
    expect(supplement.input).toEqual({ id: 'd-1', expectedVersion: 3, reason: 'Thiếu giấy tờ', items: ['Bản sao CCCD', 'Tờ khai CT01'] });
    const returned = actionCall('returnResult', DOSSIER, { ...EMPTY_ACTION_DRAFT, to: 'post', trackingCode: 'EB123456789VN' });
    for (const call of [supplement, returned, actionCall('refuse', DOSSIER, { ...EMPTY_ACTION_DRAFT, reason: 'x' })]) {
      expect(methods[call.method].input.safeParse(call.input).success, call.method).toBe(true);
    }
  });
});
