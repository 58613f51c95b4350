import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { parseScryptHash } from '../../../shared/domain/auth/password-hash.ts';

/**
 * Offline verification of the clerk password hashes the central server sends down
 * (`scrypt$N$r$p$salt$key`, shared/domain/auth/password-hash.ts). The parameters come from the string, so the
 * server may raise them later; the parser's bounds keep a bad record from costing minutes or gigabytes.
 */
function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that (node's default maxmem is only 32 MiB).
  const options = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** True when `password` matches; false for a wrong password and for a malformed hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseScryptHash(stored);
  if (hash === null) return false;
  const expected = Buffer.from(hash.key, 'base64');
  const key = await derive(password, Buffer.from(hash.salt, 'base64'), hash.N, hash.r, hash.p, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The same format. The counter never creates accounts: this is for the dummy below and for tests (which may lower N for speed). */
export async function hashPassword(password: string, N = 32768): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, 8, 1, 32);
  return `scrypt$${N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

let dummy: Promise<string> | undefined;

/**
 * An unknown username costs the same scrypt work as a known one, so the time of an answer does not tell
 * which usernames exist.
 */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(12).toString('base64'));
  await verifyPassword(password, await dummy);
}
