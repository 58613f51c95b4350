import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A key and certificate (PEM) and the certificate's SHA-256 (DER, lowercase hex), made by the openssl CLI. */
export type TestCertificate = Readonly<{ key: string; cert: string; sha256: string }>;

function withTempDir<T>(work: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-cert-'));
  try {
    return work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sha256Of = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
const openssl = (args: readonly string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A certificate the way a network scanner makes its own: self-signed, for its IP address, valid two days. Each
 * call makes a new key, so a second call stands for a reset scanner (or a device posing as it).
 */
export function selfSignedCertificate(commonName = 'HP LaserJet MFP M428 [A1B2C3]'): TestCertificate {
  return withTempDir((dir) => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-subj', `/CN=${commonName}/O=Test Scanner Maker`, '-days', '2', '-addext', 'subjectAltName=IP:127.0.0.1'], dir);
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert, sha256: sha256Of(cert) };
  });
}

/** A private authority and a certificate it signed for 127.0.0.1: what a scanner with a CA-issued certificate has. */
export function authoritySignedCertificate(): TestCertificate & { ca: string } {
  return withTempDir((dir) => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Test Centre IT Authority', '-days', '2'], dir);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1'], dir);
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
    openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'cert.pem', '-days', '2', '-extfile', 'ext.cnf'], dir);
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert, sha256: sha256Of(cert), ca: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8') };
  });
}
