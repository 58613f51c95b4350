/**
 * Whatever holds the signing key: a PKCS#12 file, or a USB token through its PKCS#11 module. The key never
 * leaves it; the core hands over bytes and gets an RSA PKCS#1 v1.5 signature over their SHA-256 back.
 *
 * Synchronous on purpose: a receipt is numbered, built, signed and stored in one SQLite transaction, so a
 * signing failure (token unplugged, wrong PIN) rolls the number back and leaves no gap.
 */
export interface Signer {
  /** The signing certificate, PEM: it goes into KeyInfo so any verifier can check the signature. */
  certificatePem(): string;
  signSha256(data: Buffer): Buffer;
}
