import type { APIRequestContext, TestInfo } from '@playwright/test';
import { makeTestCertificate } from '../../core/features/receipts/testing/certificates.ts';
import type { DeskServe } from '../harness/desk-serve.ts';
import { call } from './fixtures.ts';

/** The centre's bank account the VietQR pays into (BIN 970415: VietinBank). */
export const BANK = { bin: '970415', account: '113000012345', accountName: 'UBND PHUONG HOAN KIEM' } as const;

/**
 * What the administrator sets before the counter takes fees: receipts signed locally with a throwaway PKCS#12
 * certificate (series Q2), the bank account for transfers, one extra service; optionally a default printer.
 */
export async function setUpFees(request: APIRequestContext, desk: DeskServe, testInfo: TestInfo, printer?: Readonly<{ host: string; port: number }>): Promise<void> {
  const cert = makeTestCertificate(testInfo.outputPath('signing-cert'));
  await call(request, desk, 'receipts.setSettings', {
    counterSeries: 'Q2',
    seller: { name: 'UBND phường Hoàn Kiếm', taxCode: '0101234567', address: 'Hà Nội' },
    signer: { kind: 'pkcs12', file: cert.p12, password: cert.password },
  });
  await call(request, desk, 'printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', placeName: 'Hoàn Kiếm', bank: BANK });
  await call(request, desk, 'fees.setSettings', { services: [{ id: 'photocopy', name: 'Photo tài liệu', amount: 500, unit: 'trang' }] });
  if (printer) await call(request, desk, 'printers.save', { id: 'quay-2', name: 'Máy in quầy 2', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: true });
}
