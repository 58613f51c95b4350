import { safeStorage } from 'electron';
import { keychainSecrets, type SecretBox } from '../../core/ports/secret-box.ts';

/**
 * The OS keychain for the core's secrets (credential, signing password or PIN), when a real one is there:
 * DPAPI on Windows, Keychain on macOS, libsecret or kwallet on Linux. Linux without either gives Electron's
 * `basic_text`, a fixed key that protects nothing: then the core keeps secrets as written, in its
 * owner-only data file, and says so in the log rather than pretending.
 */
export function osKeychain(log: (message: string, fields: Readonly<Record<string, string>>) => void): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log('secrets kept unsealed: no OS keychain', { platform: process.platform });
    return undefined;
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    log('secrets kept unsealed: no libsecret or kwallet', { backend: 'basic_text' });
    return undefined;
  }
  return keychainSecrets({ encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (sealed) => safeStorage.decryptString(sealed) });
}
