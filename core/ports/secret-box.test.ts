import { expect, test } from 'vitest';
import { testKeychain } from '../../test/harness/test-keychain.ts';
import { isSealed, PLAIN_SECRETS } from './secret-box.ts';

test('without a keychain a secret is kept as written, and a sealed one is an error with its code, not garbage', () => {
  expect(PLAIN_SECRETS.seal('c-1.secret')).toBe('c-1.secret');
  expect(PLAIN_SECRETS.open('c-1.secret')).toBe('c-1.secret');
  const sealed = testKeychain().seal('c-1.secret');
  expect(() => PLAIN_SECRETS.open(sealed)).toThrow(expect.objectContaining({ code: 'secret-unavailable' }));
});

test('a keychain seals (never the same bytes twice), opens its own, reads values written before it, and refuses another account’s', () => {
  const mine = testKeychain();
  const sealed = mine.seal('c-1.secret');
  expect(isSealed(sealed)).toBe(true);
  expect(sealed).not.toContain('secret');
  expect(mine.seal('c-1.secret')).not.toBe(sealed);
  expect(mine.open(sealed)).toBe('c-1.secret');
  expect(mine.open('written-before')).toBe('written-before');
  expect(() => testKeychain().open(sealed)).toThrow(expect.objectContaining({ code: 'secret-unavailable' }));
});
