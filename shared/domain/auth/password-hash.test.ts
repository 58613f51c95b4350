import { describe, expect, test } from 'vitest';
import { parseScryptHash } from './password-hash.ts';

const salt = 'c2FsdHNhbHRzYWx0c2FsdA=='; // 16 bytes
const key = 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U='; // 32 bytes

describe('scrypt hash format', () => {
  test('reads the server format', () => {
    expect(parseScryptHash(`scrypt$32768$8$1$${salt}$${key}`)).toEqual({ N: 32768, r: 8, p: 1, salt, key });
  });

  test.each([
    ['another scheme', `bcrypt$32768$8$1$${salt}$${key}`],
    ['N not a power of two', `scrypt$30000$8$1$${salt}$${key}`],
    ['N too large (minutes per sign-in)', `scrypt$${2 ** 21}$8$1$${salt}$${key}`],
    ['memory over 256 MiB', `scrypt$${2 ** 20}$8$1$${salt}$${key}`],
    ['p too large', `scrypt$32768$8$99$${salt}$${key}`],
    ['short salt', `scrypt$32768$8$1$c2FsdA==$${key}`],
    ['not base64', `scrypt$32768$8$1$${salt}$not*base64`],
    ['missing part', `scrypt$32768$8$1$${salt}`],
  ])('refuses %s', (_why, stored) => {
    expect(parseScryptHash(stored)).toBeNull();
  });
});
