import { createHash, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { escapeXml } from '../../../shared/domain/receipts/invoice-xml.ts';
import { localName, onlyChild, onlyElements, optionalChild, parseXml, textOf, XmlShapeError, type XmlElement } from './xml-tree.ts';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** What the signed data says: the facts the server stores must be these, not the JSON sent beside them. */
export type SignedFacts = Readonly<{
  dataId: string;
  template: string;
  symbol: string;
  number: number;
  date: string;
  method: 'cash' | 'transfer';
  lookupCode: string;
  buyerName: string;
  dossierCode: string;
  amount: number;
  lines: readonly Readonly<{ name: string; unit: string; quantity: number; amount: number; note: string | null }>[];
  /** TTHDLQuan: the receipt this one replaces (TCHDon 1) or adjusts (2), as the XML names it. */
  related: Readonly<{ kind: number; template: string; symbol: string; number: number }> | null;
}>;

export type SigningCertificate = Readonly<{ fingerprint: string; pem: string; subject: string; notBefore: Date; notAfter: Date }>;

export type XmlCheck = { ok: true; facts: SignedFacts; certificate: SigningCertificate } | { ok: false; reason: string };

function integer(text: string, what: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new XmlShapeError(`${what} is not a whole number: ${text.slice(0, 20)}`);
  return Number(text);
}

/** The facts of a DLHDon element, in the layout shared/domain/receipts/invoice-xml.ts writes. */
function factsOf(data: XmlElement): SignedFacts {
  if (localName(data) !== 'DLHDon') throw new XmlShapeError('the signed element is not DLHDon');
  const general = onlyChild(data, 'TTChung');
  const content = onlyChild(data, 'NDHDon');
  const text = (parent: XmlElement, name: string) => textOf(onlyChild(parent, name));
  const method = text(general, 'HTTToan');
  if (method !== 'TM' && method !== 'CK') throw new XmlShapeError(`HTTToan ${method.slice(0, 10)} is neither TM nor CK`);
  const buyer = onlyChild(content, 'NMua');
  const items = onlyElements(onlyChild(content, 'DSHHDVu')).map((item) => {
    if (localName(item) !== 'HHDVu') throw new XmlShapeError(`unexpected <${item.name}> in DSHHDVu`);
    const note = optionalChild(item, 'GChu');
    return {
      name: text(item, 'THHDVu'),
      unit: text(item, 'DVTinh'),
      quantity: integer(text(item, 'SLuong'), 'SLuong'),
      amount: integer(text(item, 'ThTien'), 'ThTien'),
      note: note ? textOf(note) : null,
    };
  });
  const relatedElement = optionalChild(general, 'TTHDLQuan');
  const related = relatedElement
    ? { kind: integer(text(relatedElement, 'TCHDon'), 'TCHDon'), template: text(relatedElement, 'KHMSHDCLQuan'), symbol: text(relatedElement, 'KHHDCLQuan'), number: integer(text(relatedElement, 'SHDCLQuan'), 'SHDCLQuan') }
    : null;
  return {
    dataId: data.attributes['Id'] ?? '',
    template: text(general, 'KHMSHDon'),
    symbol: text(general, 'KHHDon'),
    number: integer(text(general, 'SHDon'), 'SHDon'),
    date: text(general, 'NLap'),
    method: method === 'TM' ? 'cash' : 'transfer',
    lookupCode: text(general, 'MTCuu'),
    buyerName: text(buyer, 'Ten'),
    dossierCode: text(buyer, 'MKHang'),
    amount: integer(text(onlyChild(content, 'TToan'), 'TgTTTBSo'), 'TgTTTBSo'),
    lines: items,
    related,
  };
}

function algorithm(element: XmlElement, name: string, expected: string): void {
  const found = onlyChild(element, name).attributes['Algorithm'];
  if (found !== expected) throw new XmlShapeError(`${name} must be ${expected}, not ${String(found).slice(0, 80)}`);
}

/**
 * The signature's profile is the counter's (core/features/receipts/sign-xml.ts): RSA-SHA256 over inclusive
 * C14N, one Reference to `#<DLHDon Id>` with exactly the enveloped-signature and C14N transforms, SHA-256,
 * one certificate in KeyInfo/X509Data. Anything else (another algorithm, a second reference) is refused
 * rather than verified: the weaker the accepted profile, the more ways to forge.
 */
function checkProfile(signature: XmlElement, dataId: string): string {
  if (localName(signature) !== 'Signature' || signature.attributes['xmlns'] !== DSIG_NS || signature.name !== 'Signature') throw new XmlShapeError('DSCKS/NBan must hold one XMLDSig <Signature>');
  const signedInfo = onlyChild(signature, 'SignedInfo');
  algorithm(signedInfo, 'CanonicalizationMethod', C14N);
  algorithm(signedInfo, 'SignatureMethod', RSA_SHA256);
  const reference = onlyChild(signedInfo, 'Reference');
  if (reference.attributes['URI'] !== `#${dataId}`) throw new XmlShapeError(`the Reference must point at #${dataId}`);
  const transforms = onlyElements(onlyChild(reference, 'Transforms')).map((transform) => transform.attributes['Algorithm']);
  if (transforms.length !== 2 || transforms[0] !== ENVELOPED || transforms[1] !== C14N) throw new XmlShapeError('the Reference must have exactly the enveloped-signature and C14N transforms');
  algorithm(reference, 'DigestMethod', SHA256);
  const certificates = onlyElements(onlyChild(onlyChild(signature, 'KeyInfo'), 'X509Data')).filter((child) => localName(child) === 'X509Certificate');
  if (certificates.length !== 1) throw new XmlShapeError('KeyInfo/X509Data must carry exactly one X509Certificate');
  return textOf(certificates[0]!).replace(/\s+/g, '');
}

function readCertificate(base64: string): SigningCertificate {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new XmlShapeError('X509Certificate is not base64');
  return readSigningCertificate(Buffer.from(base64, 'base64'));
}

/** A certificate (DER or PEM) as a receipt signer: an RSA key of 2048 bits or more; its SHA-256 fingerprint. */
export function readSigningCertificate(bytes: Buffer | string): SigningCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(bytes);
  } catch {
    throw new XmlShapeError('not an X.509 certificate');
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new XmlShapeError('the certificate must hold an RSA key of at least 2048 bits');
  return {
    fingerprint: createHash('sha256').update(certificate.raw).digest('hex'),
    pem: certificate.toString(),
    subject: certificate.subject.replace(/\n/g, ', '),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
  };
}

/**
 * Checks a pushed receipt's signed XML on its own (trust is the caller's question): the document has the
 * receipt layout with the signature under DSCKS/NBan, the data element's Id is `DL-<receipt id>`, the
 * signature verifies (xml-crypto 6.3.2) with the certificate the XML carries, and the facts are read from
 * what was actually signed (`getSignedReferences`), cross-checked with the document's own DLHDon.
 */
export function checkSignedReceiptXml(xml: string, receiptId: string): XmlCheck {
  try {
    const root = parseXml(xml);
    if (root.name !== 'HDon') throw new XmlShapeError('the root must be <HDon>');
    const parts = onlyElements(root);
    if (parts.length !== 2 || parts[0]!.name !== 'DLHDon' || parts[1]!.name !== 'DSCKS') throw new XmlShapeError('<HDon> must hold <DLHDon> then <DSCKS>, nothing else');
    const dataId = `DL-${receiptId}`;
    if (parts[0]!.attributes['Id'] !== dataId) throw new XmlShapeError(`DLHDon's Id must be ${dataId}`);
    const holders = onlyElements(parts[1]!);
    if (holders.length !== 1 || holders[0]!.name !== 'NBan') throw new XmlShapeError('<DSCKS> must hold one <NBan>');
    const signatures = onlyElements(holders[0]!);
    if (signatures.length !== 1) throw new XmlShapeError('DSCKS/NBan must hold one signature');
    const certificate = readCertificate(checkProfile(signatures[0]!, dataId));
    // One opening and one closing Signature tag in the whole text (character data cannot hold a raw "<").
    const opening = [...xml.matchAll(/<Signature[\s>]/g)];
    const closing = xml.lastIndexOf('</Signature>');
    if (opening.length !== 1 || closing < 0 || xml.indexOf('</Signature>') !== closing) throw new XmlShapeError('exactly one Signature element');
    const verifier = new SignedXml({ publicCert: certificate.pem, getCertFromKeyInfo: () => null });
    verifier.loadSignature(xml.slice(opening[0]!.index, closing + '</Signature>'.length));
    let valid = false;
    try {
      valid = verifier.checkSignature(xml);
    } catch (error) {
      return { ok: false, reason: `the signature does not verify: ${error instanceof Error ? error.message.slice(0, 200) : 'error'}` };
    }
    if (!valid) return { ok: false, reason: 'the signature does not verify with the certificate the XML carries' };
    const signed = verifier.getSignedReferences();
    if (signed.length !== 1) throw new XmlShapeError('exactly one signed reference');
    const facts = factsOf(parseXml(signed[0]!));
    // What was signed and what the document shows are the same element (no second, unsigned copy to be read).
    if (JSON.stringify(facts) !== JSON.stringify(factsOf(parts[0]!))) throw new XmlShapeError('the signed data differs from the document’s DLHDon');
    return { ok: true, facts, certificate };
  } catch (error) {
    if (error instanceof XmlShapeError) return { ok: false, reason: error.message.slice(0, 300) };
    return { ok: false, reason: `not a readable signed receipt: ${error instanceof Error ? error.message.slice(0, 200) : 'error'}` };
  }
}

/** A string as the XML carries it: NFC, characters XML cannot hold dropped (the writer's escapeXml). */
function asXmlText(text: string): string {
  return textOf(parseXml(`<t>${escapeXml(text)}</t>`));
}

/**
 * Where the receipt record sent beside the XML says something other than the signed XML: each such field by
 * name. The server stores the record, so every fact it shows (number, series, amount, buyer, lines) must be
 * what the signature covers.
 */
export function factMismatches(receipt: Receipt, facts: SignedFacts): string[] {
  const wrong: string[] = [];
  const same = (field: string, recorded: unknown, signed: unknown) => {
    if (recorded !== signed) wrong.push(field);
  };
  same('id', `DL-${receipt.id}`, facts.dataId);
  same('template', receipt.template, facts.template);
  same('symbol', receipt.symbol, facts.symbol);
  same('number', receipt.number, facts.number);
  same('issuedAt', receipt.issuedAt.slice(0, 10), facts.date);
  same('method', receipt.method, facts.method);
  same('amount', receipt.amount, facts.amount);
  same('lookupCode', receipt.lookupCode, facts.lookupCode);
  same('payerName', asXmlText(receipt.payerName), facts.buyerName);
  same('dossierCode', asXmlText(receipt.dossierCode), facts.dossierCode);
  // A replacement says so in its signed XML (TTHDLQuan, TCHDon 1); the record may not claim more or less.
  same('replaces', receipt.replaces !== null, facts.related?.kind === 1);
  if (receipt.lines.length !== facts.lines.length) wrong.push('lines');
  else {
    receipt.lines.forEach((line, index) => {
      const signed = facts.lines[index]!;
      const note = line.exemptReason === null ? null : asXmlText(`Miễn: ${line.exemptReason}`);
      if (asXmlText(line.name) !== signed.name || asXmlText(line.unit) !== signed.unit || line.quantity !== signed.quantity || line.amount !== signed.amount || note !== signed.note) wrong.push(`lines[${index}]`);
    });
  }
  return wrong;
}
