import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';
import { SIGNATURE_PARENT_XPATH } from '../../../shared/domain/receipts/invoice-xml.ts';

export type ServerSigningKey = Readonly<{ keyPem: string; certPem: string }>;

/**
 * The reference server's own signing certificate: `<data>/receipt-signing/{key,cert}.pem`, made self-signed at
 * first use so the reference runs with no setup. A real centre puts the CA-issued key and certificate there
 * (or, in production, uses the province's licensed provider instead of this signer).
 */
export function loadOrCreateSigningKey(dataDir: string, subject: string): ServerSigningKey {
  const dir = path.join(dataDir, 'receipt-signing');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) return { keyPem: fs.readFileSync(keyFile, 'utf8'), certPem: fs.readFileSync(certFile, 'utf8') };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${Date.now().toString(16)}`;
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  // ASCII only: node-forge writes attribute values as it is given them, and non-ASCII makes a certificate
  // that xml-crypto (node:crypto's X509 parser) refuses.
  const attrs = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'CN', value: subject.normalize('NFD').replace(/[^\x20-\x7e]/g, '').slice(0, 64) },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, keyPem, { mode: 0o600 });
  fs.writeFileSync(certFile, certPem);
  return { keyPem, certPem };
}

/** The same XMLDSig profile as the counter's (core/features/receipts/sign-xml.ts), with the key in hand. */
export function signXml(xml: string, dataId: string, key: ServerSigningKey): string {
  const signed = new SignedXml({
    privateKey: key.keyPem,
    publicCert: key.certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  });
  signed.addReference({
    xpath: `//*[@Id='${dataId}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signed.computeSignature(xml, { location: { reference: SIGNATURE_PARENT_XPATH, action: 'append' } });
  return signed.getSignedXml();
}
