import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type TestCertificate = Readonly<{ dir: string; keyFile: string; certFile: string; p12: string; password: string }>;

/**
 * A throwaway RSA-2048 key and self-signed certificate made by OpenSSL (independent of the code under test),
 * with a PKCS#12 file as Vietnamese CAs hand out soft certificates.
 */
export function makeTestCertificate(dir: string, subject = '/C=VN/O=UBND phuong Hoan Kiem/CN=Bo phan Mot cua'): TestCertificate {
  fs.mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const p12 = path.join(dir, 'signer.p12');
  const password = 'mat-khau-thu';
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-subj', subject, '-days', '30'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-out', p12, '-passout', `pass:${password}`], { stdio: 'ignore' });
  return { dir, keyFile, certFile, p12, password };
}

export type SoftHsmToken = Readonly<{ conf: string; module: string; label: string; pin: string; keyId: string; certFile: string }>;

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export function softHsmAvailable(): boolean {
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
    execFileSync('pkcs11-tool', ['--help'], { stdio: 'ignore' });
  } catch (error) {
    // pkcs11-tool --help exits 1 after printing its usage; only a missing binary matters.
    if ((error as { code?: string }).code === 'ENOENT') return false;
  }
  return fs.existsSync(SOFTHSM_MODULE);
}

/** A SoftHSM2 token in a private folder (its own SOFTHSM2_CONF), holding the certificate's key under CKA_ID 01. */
export function makeSoftHsmToken(dir: string, certificate: TestCertificate): SoftHsmToken {
  const tokens = path.join(dir, 'tokens');
  fs.mkdirSync(tokens, { recursive: true });
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const pin = '246810';
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'desk-test', '--so-pin', '13579135', '--pin', pin], { env, stdio: 'ignore' });
  const pkcs8 = path.join(dir, 'key8.pem');
  execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', certificate.keyFile, '-out', pkcs8], { stdio: 'ignore' });
  execFileSync('softhsm2-util', ['--import', pkcs8, '--token', 'desk-test', '--label', 'receipts', '--id', '01', '--pin', pin], { env, stdio: 'ignore' });
  fs.rmSync(pkcs8);
  return { conf, module: SOFTHSM_MODULE, label: 'desk-test', pin, keyId: '01', certFile: certificate.certFile };
}

/** xmlsec1 (an implementation independent of ours) verifies against the given certificate only. */
export function xmlsecVerifies(file: string, certFile: string): boolean {
  try {
    execFileSync('xmlsec1', ['--verify', '--id-attr:Id', 'DLHDon', '--pubkey-cert-pem', certFile, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
