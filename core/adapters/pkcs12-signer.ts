import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import forge from 'node-forge';
import type { Signer } from '../ports/signer.ts';
import { CoreError } from '../rpc/core-error.ts';

/**
 * A signer from a PKCS#12 (.p12/.pfx) file, as Vietnamese CAs issue soft certificates. node-forge reads the
 * container (node:crypto cannot); the key is handed to node:crypto for signing. Read once per signer.
 */
export function createPkcs12Signer(file: string, password: string): Signer {
  let key: KeyObject;
  let certificatePem: string;
  try {
    const der = fs.readFileSync(file);
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))), password);
    const bag = (type: string | undefined) => (type === undefined ? undefined : p12.getBags({ bagType: type })[type]?.[0]);
    const keyBag = bag(forge.pki.oids['pkcs8ShroudedKeyBag']) ?? bag(forge.pki.oids['keyBag']);
    const certBag = bag(forge.pki.oids['certBag']);
    if (!keyBag?.key || !certBag?.cert) throw new Error('the file holds no key and certificate');
    key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
    certificatePem = forge.pki.certificateToPem(certBag.cert);
  } catch (error) {
    // The password or the file is wrong; the message never contains the password.
    throw new CoreError('signer-unavailable', `The PKCS#12 file cannot be read: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}`);
  }
  return {
    certificatePem: () => certificatePem,
    signSha256: (data) => sign('sha256', data, key),
  };
}
