import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { accessFor } from '../../../shared/contract/access.ts';
import type { FeeStatus, Payment, Receipt } from '../../../shared/contract/receipts.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';
import { callOn, failureCode, setUpLocalSigning } from './testing/local-signing.ts';

// fees.status: what the dossier lists show next to each dossier ("chưa thu phí"), from real payments and receipts.
let temp: ReturnType<typeof makeTempDir>;
let core: Core;

const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
const intake = (procedureCode: string) =>
  call<Dossier>('dossiers.intake', { procedureCode, applicant: { kind: 'citizen', fullName: 'Trần Văn Bình', idNumber: '001190054321', address: '3 Hàng Đào, Hoàn Kiếm' }, papers: [{ name: 'Tờ khai', form: 'original', count: 1 }] });
const statuses = async (ids: string[]) => (await call<{ dossiers: FeeStatus[] }>('fees.status', { dossierIds: ids })).dossiers;

beforeEach(async () => {
  temp = makeTempDir();
  core = createTestCore(temp.dir, { clock: { now: () => new Date('2026-11-23T02:00:00Z') } });
  await setUpLocalSigning(core, temp.dir);
});
afterEach(() => {
  core.stop();
  temp.remove();
});

describe('fees.status', () => {
  test('due, free, per-page (due without a total), paid, then owing a receipt after a cancellation, paid again after a new one', async () => {
    const tamTru = await intake('1.004194');
    const free = await intake('1.003197'); // xóa đăng ký thường trú: không thu
    const copies = await intake('2.000815'); // chứng thực bản sao: needs the page count
    expect(await statuses([tamTru.id, free.id, copies.id, 'khong-co-ho-so'])).toEqual([
      { dossierId: tamTru.id, state: 'due', total: 25_000, provisional: false },
      { dossierId: free.id, state: 'free', total: 0, provisional: false },
      { dossierId: copies.id, state: 'due', total: null, provisional: false },
      { dossierId: 'khong-co-ho-so', state: 'unknown', total: null, provisional: false },
    ]);

    const { receipt } = await call<{ payment: Payment; receipt: Receipt }>('payments.record', { dossierId: tamTru.id, clientTxId: randomUUID(), method: 'cash', amount: 15_000, omitted: ['le-phi-danh-sach-truc-tiep'] });
    expect(await statuses([tamTru.id])).toEqual([{ dossierId: tamTru.id, state: 'paid', total: 15_000, provisional: false }]);

    await call('receipts.cancel', { id: receipt.id, reason: 'Ghi sai tên người nộp' });
    expect((await statuses([tamTru.id]))[0]?.state).toBe('unreceipted');
    await call('receipts.issue', { paymentId: receipt.paymentId });
    expect((await statuses([tamTru.id]))[0]?.state).toBe('paid');
  });

  test('is a read open to anyone (no sign-in), and refuses an empty list', async () => {
    expect(accessFor('fees.status')).toBe('open');
    expect(await failureCode(core, 'fees.status', { dossierIds: [] })).toBe('invalid-input');
  });
});
