import { describe, expect, it } from 'vitest';
import type { ClerkRole, Session } from '../../../shared/contract/auth.ts';
import { methods } from '../../../shared/contract/methods.ts';
import { actionBlocked, actionCall, availableActions, checkAction, EMPTY_ACTION_DRAFT } from './dossier-actions.ts';
import { isSupervisor } from './supervisor.ts';

const DOSSIER = { id: 'd-1', version: 3 };

describe('dossier actions', () => {
  it('offers what the status allows', () => {
    expect(availableActions({ status: 'received' })).toEqual(['requestSupplement', 'refuse', 'markResultReady']);
    expect(availableActions({ status: 'supplement-requested' })).toEqual(['supplement']);
    expect(availableActions({ status: 'result-ready' })).toEqual(['returnResult']);
    expect(availableActions({ status: 'returned' })).toEqual(['reopen']);
    expect(availableActions({ status: 'refused' })).toEqual([]);
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
    const reopen = actionCall('reopen', DOSSIER, { ...EMPTY_ACTION_DRAFT, reason: '  Sai họ tên trên giấy xác nhận  ' });
    expect(reopen).toEqual({ method: 'dossiers.reopen', input: { id: 'd-1', expectedVersion: 3, reason: 'Sai họ tên trên giấy xác nhận' } });
    for (const call of [supplement, returned, reopen, actionCall('refuse', DOSSIER, { ...EMPTY_ACTION_DRAFT, reason: 'x' })]) {
      expect(methods[call.method].input.safeParse(call.input).success, call.method).toBe(true);
    }
  });
});

describe('re-opening a returned dossier', () => {
  it('requires a reason of at least 5 characters, as the contract does', () => {
    expect(checkAction('reopen', EMPTY_ACTION_DRAFT)).toEqual(['reason']);
    expect(checkAction('reopen', { ...EMPTY_ACTION_DRAFT, reason: '   ' })).toEqual(['reason']);
    expect(checkAction('reopen', { ...EMPTY_ACTION_DRAFT, reason: ' sai ' })).toEqual(['reasonShort']);
    expect(checkAction('reopen', { ...EMPTY_ACTION_DRAFT, reason: 'Sai tên' })).toEqual([]);
    const short = actionCall('reopen', DOSSIER, { ...EMPTY_ACTION_DRAFT, reason: 'sai' });
    expect(methods[short.method].input.safeParse(short.input).success).toBe(false);
  });

  it("is a supervisor's: a plain clerk sees it switched off, with the reason; the other actions are anyone's", () => {
    expect(actionBlocked('reopen', true)).toBeNull();
    expect(actionBlocked('reopen', false)).toBe('dossiers.action.needSupervisor');
    expect(actionBlocked('returnResult', false)).toBeNull();
  });
});

describe('isSupervisor', () => {
  const session = (mode: Session['mode'], roles: ClerkRole[]): Session => ({
    mode,
    clerk: mode === 'setup' ? null : { username: 'lan', displayName: 'Nguyễn Thị Lan', roles },
    since: null,
    lockedAt: null,
    idleLockMinutes: 10,
    accounts: mode === 'setup' ? 0 : 2,
  });

  it('follows the core: a supervisor, or anyone in setup mode; not a clerk, not a locked session', () => {
    expect(isSupervisor(session('signed-in', ['clerk', 'supervisor']))).toBe(true);
    expect(isSupervisor(session('signed-in', ['clerk']))).toBe(false);
    expect(isSupervisor(session('locked', ['clerk', 'supervisor']))).toBe(false);
    expect(isSupervisor(session('setup', []))).toBe(true);
    expect(isSupervisor(null)).toBe(false);
  });
});
