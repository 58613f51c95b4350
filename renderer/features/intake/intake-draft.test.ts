import { describe, expect, it } from 'vitest';
import type { CatalogueSummary } from '../../../shared/contract/catalogue.ts';
import { IntakeInputSchema } from '../../../shared/contract/dossiers.ts';
import { applicantFromCard, checkDraft, emptyDraft, firstInvalidField, issuesToFieldErrors, toIntakeInput, type IntakeDraft } from './intake-draft.ts';
import { recentFirst, rememberProcedure, readRecentProcedures } from './recent-procedures.ts';

const PROCEDURE: CatalogueSummary = {
  code: '1.004194',
  localCode: null,
  name: 'Đăng ký tạm trú',
  sector: 'Đăng ký, quản lý cư trú',
  level: 'commune',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  timeLimit: { unit: 'workingDays', value: 3 },
  receivingAgencyKind: 'commune-police',
  origin: 'shipped',
};
const ID = '0190b0a4-7c1e-4d7a-9f3e-2a9b8c7d6e5f';

function filled(): IntakeDraft {
  const base = emptyDraft(ID);
  const applicant = applicantFromCard(
    { ...base.applicant, phone: '0912 345 678' },
    { idNumber: '001089012345', oldIdNumber: null, fullName: 'Nguyễn Văn An', birthDate: '1989-03-07', gender: 'male', address: 'Số 5 Lê Lợi', issueDate: '2021-08-15', warnings: [] },
  );
  return {
    ...base,
    procedure: PROCEDURE,
    applicant,
    papers: [{ id: 'to-khai', name: 'Tờ khai CT01', form: 'original', count: 1, required: true, presentOnly: false, condition: undefined, received: true }],
  };
}

describe('intake draft', () => {
  it('fills the applicant from the card and keeps what the card does not carry', () => {
    const draft = filled();
    expect(draft.applicant).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '07/03/1989', gender: 'male', phone: '0912 345 678', oldIdNumber: '' });
  });

  it('makes an input the contract accepts, with the client-made id', () => {
    const input = toIntakeInput(filled());
    expect(IntakeInputSchema.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({ id: ID, procedureCode: '1.004194', sets: 1, resultDelivery: { method: 'counter' } });
    expect(input.applicant).toMatchObject({ birthDate: '1989-03-07', idNumber: '001089012345' });
    expect(input.applicant.oldIdNumber).toBeUndefined();
  });

  it('says what is missing, field by field', () => {
    const errors = checkDraft({ ...emptyDraft(ID), sets: '0', delivery: 'post', applicant: { ...emptyDraft(ID).applicant, birthDate: '31/02/1990' } });
    expect(errors).toEqual({
      procedure: 'intake.error.procedure',
      'applicant.fullName': 'intake.error.fullName',
      'applicant.birthDate': 'intake.error.birthDate',
      sets: 'intake.error.sets',
      postAddress: 'intake.error.postAddress',
    });
    expect(firstInvalidField(errors)).toBe('procedure');
    expect(checkDraft(filled())).toEqual({});
  });

  it('puts the core’s invalid-input issues next to the right fields', () => {
    const errors = issuesToFieldErrors({ issues: [{ path: 'applicant.phone', message: 'a phone number' }, { path: 'resultDelivery.address', message: 'x' }] });
    expect(errors).toEqual({ 'applicant.phone': 'intake.error.phone', postAddress: 'intake.error.postAddress' });
    expect(issuesToFieldErrors(undefined)).toEqual({});
  });
});

describe('recent procedures', () => {
  it('keeps the newest first, without repeats, and sorts them before the rest', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    rememberProcedure('a', storage);
    rememberProcedure('b', storage);
    rememberProcedure('a', storage);
    expect(readRecentProcedures(storage)).toEqual(['a', 'b']);
    expect(recentFirst([{ code: 'x' }, { code: 'b' }, { code: 'y' }, { code: 'a' }], ['a', 'b']).map((item) => item.code)).toEqual(['a', 'b', 'x', 'y']);
  });
});
