import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { makeTestCertificate } from '../../core/features/receipts/testing/certificates.ts';
import type { DeskServe } from '../harness/desk-serve.ts';
import { call, expect } from './fixtures.ts';
import { IntakePage } from './pages/intake-page.ts';
import { PaymentPage } from './pages/payment-page.ts';

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

/** Đăng ký tạm trú: its two fee lines are alternatives (per household, per person on a list). */
export const TAM_TRU = '1.004194';

/** Keyboard only: Đăng ký tạm trú received with the scanned ID card `idQr`, up to the fee step on the result screen. */
/** A tạm trú applicant filled from the ID card's QR, at the review step (nothing received yet). */
export async function reviewTamTru(page: Page, url: string, idQr: string) {
  const intake = new IntakePage(page);
  const payment = new PaymentPage(page, intake.keys);
  await intake.goto(url);
  await intake.procedureInput.focus();
  await intake.chooseProcedure('dang ky tam tru', TAM_TRU);
  await intake.keys.scan(idQr);
  await expect(intake.fullName).not.toHaveValue('');
  await intake.openReview();
  return { intake, payment };
}

export async function receiveTamTruToFees(page: Page, url: string, idQr: string) {
  const { intake, payment } = await reviewTamTru(page, url, idQr);
  await intake.receive();
  await expect(intake.result).toBeVisible();
  await payment.ready();
  return { intake, payment, code: (await intake.resultCode.textContent()) ?? '' };
}
