import { CoreError } from '../rpc/core-error.ts';

/**
 * Seals the secrets the counter keeps in its data file — the central server credential, the signing
 * certificate's password or the USB token's PIN — with the operating system's keychain when there is one
 * (Electron's safeStorage: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). The Node host,
 * `desk` and tests have no keychain: they keep them as written, in a file readable by the app's user only.
 *
 * A sealed value is stored as `sealed:v1:<base64>`, so a value written before sealing existed is still read
 * (and sealed at the next write), and a sealed one met without the keychain is an error, never garbage.
 */
export interface SecretBox {
  /** Whether values written now are sealed (a keychain is available). */
  readonly sealing: boolean;
  seal(plain: string): string;
  open(stored: string): string;
}

const PREFIX = 'sealed:v1:';

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

function unavailable(): CoreError {
  return new CoreError('secret-unavailable', 'A secret sealed by the OS keychain cannot be opened here (another user, another PC, or no keychain)');
}

/** No keychain: values are kept as written. */
export const PLAIN_SECRETS: SecretBox = {
  sealing: false,
  seal: (plain) => plain,
  open(stored) {
    if (isSealed(stored)) throw unavailable();
    return stored;
  },
};

/** A keychain given as two functions (Electron main passes safeStorage's; the core never imports electron). */
export function keychainSecrets(keychain: Readonly<{ encrypt(plain: string): Buffer; decrypt(sealed: Buffer): string }>): SecretBox {
  return {
    sealing: true,
    seal: (plain) => `${PREFIX}${keychain.encrypt(plain).toString('base64')}`,
    open(stored) {
      if (!isSealed(stored)) return stored;
      try {
        return keychain.decrypt(Buffer.from(stored.slice(PREFIX.length), 'base64'));
      } catch {
        throw unavailable();
      }
    },
  };
}
