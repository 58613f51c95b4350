import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex. Fine for secrets with 128+ bits of entropy (credentials, keys, enrolment codes with expiry). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 32 random bytes, URL-safe: the secret half of `<counterId>.<secret>`. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L: the code is read aloud and typed at the counter.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 15 characters from a 31-letter alphabet (~74 bits), shown as XXXXX-XXXXX-XXXXX. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 15 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((group) => group.join('')).join('-');
}

/** What is hashed: upper case without separators, so "abcde-fghjk" and "ABCDE FGHJK" are the same code. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
