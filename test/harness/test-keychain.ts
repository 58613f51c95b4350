import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keychainSecrets, type SecretBox } from '../../core/ports/secret-box.ts';

/**
 * An OS keychain for tests: AES-256-GCM under a key that lives in this process only, as DPAPI's key lives
 * with the Windows account. Another `testKeychain()` is another account: it cannot open what this one sealed.
 */
export function testKeychain(): SecretBox {
  const key = randomBytes(32);
  return keychainSecrets({
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  });
}
