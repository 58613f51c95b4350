import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IdQrProblemSchema } from '../../../shared/contract/citizen.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(() => {
  temp = makeTempDir();
  // 23/11/2026 01:00 in Vietnam is still 22/11 in UTC: "today" must be Vietnam's.
  core = createTestCore(temp.dir, { clock: { now: () => new Date('2026-11-22T18:00:00Z') } });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

const TEXT = '001089012345||Nguyễn Văn Đức|15031989|Nam|Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội|23112026\r\n';

describe('citizen.parseIdQr through core.dispatch', () => {
  test('a scanned card comes back as the applicant, with warnings to check', async () => {
    expect(await core.dispatch('citizen.parseIdQr', { text: TEXT })).toEqual({
      ok: true,
      value: {
        idNumber: '001089012345',
        oldIdNumber: null,
        fullName: 'Nguyễn Văn Đức',
        birthDate: '1989-03-15',
        gender: 'male',
        address: 'Số 12 Lê Lợi, phường Hoàn Kiếm, thành phố Hà Nội',
        issueDate: '2026-11-23',
        warnings: [],
      },
    });
    const mismatch = await core.dispatch('citizen.parseIdQr', { text: TEXT.replace('001089', '001189') });
    expect(mismatch).toMatchObject({ ok: true, value: { warnings: [{ code: 'id-gender-mismatch' }] } });
  });

  test('a broken text is invalid-id-qr, with the field and the reason in both languages', async () => {
    const result = await core.dispatch('citizen.parseIdQr', { text: TEXT.replace('15031989', '31021989') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-id-qr', details: { problem: 'birth-date', field: 'birthDate' } } });
    if (result.ok) return;
    expect(result.error.message).toContain('Field 4 (date of birth)');
    expect(IdQrProblemSchema.parse(result.error.details).vi).toContain('Trường 4 (Ngày sinh)');
    expect(JSON.stringify(result)).not.toContain('Nguyễn');
  });

  test('input that is not a string is invalid-input, as for every method', async () => {
    expect(await core.dispatch('citizen.parseIdQr', { text: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
