import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Signer } from '../ports/signer.ts';
import { CoreError } from '../rpc/core-error.ts';

export type Pkcs11Config = Readonly<{
  /** The token's PKCS#11 module (libsofthsm2.so, the CA's vnpt-ca.dll …). */
  module: string;
  tokenLabel?: string | undefined;
  /** CKA_ID of the private key, hex. */
  keyId: string;
  pin: string;
  certificateFile: string;
  /** OpenSC's pkcs11-tool; `pkcs11-tool` on the PATH by default. */
  tool?: string;
}>;

/**
 * A USB token (or SoftHSM2) through OpenSC's `pkcs11-tool` instead of a native Node binding: pkcs11js is not
 * Node-API (it would need a separate build for Electron) and npm no longer runs its install script by default.
 * The PIN goes through the environment (`--pin env:NAME`), never the command line, which other users can read.
 * One process per signature (~10 ms with SoftHSM2; a real token takes what its chip takes).
 */
export function createPkcs11ToolSigner(config: Pkcs11Config): Signer {
  let certificatePem: string;
  try {
    certificatePem = fs.readFileSync(config.certificateFile, 'utf8');
  } catch {
    throw new CoreError('signer-unavailable', 'The token certificate file cannot be read');
  }
  return {
    certificatePem: () => certificatePem,
    signSha256(data) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sign-'));
      try {
        const input = path.join(dir, 'in');
        const output = path.join(dir, 'out');
        fs.writeFileSync(input, data);
        const args = ['--module', config.module, ...(config.tokenLabel ? ['--token-label', config.tokenLabel] : []), '--login', '--pin', 'env:DESK_TOKEN_PIN'];
        args.push('--sign', '--mechanism', 'SHA256-RSA-PKCS', '--id', config.keyId, '--input-file', input, '--output-file', output);
        execFileSync(config.tool ?? 'pkcs11-tool', args, { env: { ...process.env, DESK_TOKEN_PIN: config.pin }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
        return fs.readFileSync(output);
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim().split('\n').at(-1) ?? '';
        throw new CoreError('signer-unavailable', `The token did not sign: ${stderr.slice(0, 200) || (error instanceof Error ? error.message.slice(0, 200) : 'unknown')}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
