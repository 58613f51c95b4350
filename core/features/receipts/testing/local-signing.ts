import path from 'node:path';
import type { Core } from '../../../app/create-core.ts';
import { makeTestCertificate, type TestCertificate } from './certificates.ts';

/** One contract call on an in-process core; a failure throws with its stable code attached. */
export async function callOn<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}

/** The error code of a call expected to fail, or 'ok' when it did not. */
export async function failureCode(core: Core, method: string, input: unknown): Promise<string> {
  const result = await core.dispatch(method, input);
  return result.ok ? 'ok' : result.error.code;
}

/** Sets a counter up to sign its receipts locally in series Q2 with a throwaway PKCS#12 certificate made in `dir`/cert. */
export async function setUpLocalSigning(core: Core, dir: string): Promise<TestCertificate> {
  const cert = makeTestCertificate(path.join(dir, 'cert'));
  await callOn(core, 'settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
  await callOn(core, 'receipts.setSettings', {
    counterSeries: 'Q2',
    seller: { name: 'UBND phường Hoàn Kiếm', taxCode: '0101234567', address: 'Hà Nội' },
    signer: { kind: 'pkcs12', file: cert.p12, password: cert.password },
  });
  return cert;
}
