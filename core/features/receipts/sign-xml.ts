import { SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import { SIGNATURE_PARENT_XPATH } from '../../../shared/domain/receipts/invoice-xml.ts';
import type { Signer } from '../../ports/signer.ts';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/**
 * XMLDSig over the receipt's data element: RSA-SHA256, enveloped (the Signature sits inside the document it
 * signs, under DSCKS/NBan), one Reference to `#<dataId>` with the enveloped-signature and inclusive C14N
 * transforms, and the certificate in KeyInfo/X509Data so xmlsec1 or the tax office can verify it alone.
 *
 * xml-crypto canonicalises and digests; the signature value itself comes from the Signer (a PKCS#12 key or a
 * token), through a signature algorithm registered under the standard RSA-SHA256 URI.
 */
export function signReceiptXml(xml: string, dataId: string, signer: Signer): string {
  const delegated = class implements SignatureAlgorithm {
    getSignature(signedInfo: unknown): string {
      return signer.signSha256(Buffer.from(String(signedInfo), 'utf8')).toString('base64');
    }
    verifySignature(): boolean {
      throw new Error('verification is not done with the signing algorithm');
    }
    getAlgorithmName(): string {
      return RSA_SHA256;
    }
  } as unknown as new () => SignatureAlgorithm;
  const signed = new SignedXml({
    // xml-crypto insists on a key before it signs; the registered algorithm ignores it and asks the signer.
    privateKey: 'held-by-the-signer',
    publicCert: signer.certificatePem(),
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
  });
  signed.SignatureAlgorithms[RSA_SHA256] = delegated;
  signed.addReference({ xpath: `//*[@Id='${dataId}']`, transforms: [ENVELOPED, C14N], digestAlgorithm: SHA256 });
  signed.computeSignature(xml, { location: { reference: SIGNATURE_PARENT_XPATH, action: 'append' } });
  return signed.getSignedXml();
}

/** Our own check (xmlsec1 is the independent one in the tests): the signature verifies with this certificate. */
export function verifyReceiptXml(xml: string, certificatePem: string): boolean {
  const verifier = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  const signature = /<Signature[\s\S]*<\/Signature>/.exec(xml)?.[0];
  if (!signature) return false;
  verifier.loadSignature(signature);
  try {
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}
