/**
 * The clerk password hash format the central server writes (server/features/clerks/password.ts) and counters
 * verify offline: `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>`. Parsing is pure so both sides agree on it;
 * the bounds refuse a hash whose parameters would make a counter spend minutes or gigabytes on one sign-in
 * (a corrupted or hostile record), while allowing the server to raise N later.
 */
export type ScryptHash = Readonly<{ N: number; r: number; p: number; salt: string; key: string }>;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 1 && (value & (value - 1)) === 0;
}

function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length * 3) / 4 - padding;
}

/** The parts of a well-formed hash within safe bounds, or null. */
export function parseScryptHash(stored: string): ScryptHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,9}$/.test(part) ? Number(part) : Number.NaN)) as [number, number, number];
  const salt = parts[4] ?? '';
  const key = parts[5] ?? '';
  if (!isPowerOfTwo(N) || N > 2 ** 20) return null;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  if (128 * N * r > MAX_MEMORY_BYTES) return null;
  if (!BASE64.test(salt) || !BASE64.test(key) || salt.length % 4 !== 0 || key.length % 4 !== 0) return null;
  if (base64Length(salt) < 8 || base64Length(key) < 16 || base64Length(key) > 64) return null;
  return { N, r, p, salt, key };
}
