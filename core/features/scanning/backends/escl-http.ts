import { createHash, X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { ScannerCertificate } from '../../../../shared/contract/scanning.ts';
import { ScannerError } from '../../../ports/scanner.ts';

/**
 * The eSCL scanner's own HTTP client (node:http / node:https, not fetch): plain HTTP, HTTPS with a certificate
 * the system's authorities vouch for, or HTTPS pinned to one certificate a supervisor confirmed (trust on first
 * use: scanners make their own certificates). With a pin, the TLS handshake is finished and the peer's
 * certificate compared with the pin *before* the request is handed the socket: nothing is sent to, and
 * nothing is read from, a device whose certificate is not exactly the pinned one.
 */
export type EsclHttpRequest = Readonly<{
  method?: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  /** Lowercase hex SHA-256 of the certificate (DER) the scanner must present (https only). */
  certSha256?: string;
  signal?: AbortSignal;
  timeoutMs: number;
}>;

export type EsclHttpResponse = Readonly<{ status: number; header: (name: string) => string | undefined; body: Buffer }>;

const certificateSha256 = (der: Buffer): string => createHash('sha256').update(der).digest('hex');

/** Verification failures that mean "no authority vouches for this certificate" (what self-made certificates give). */
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

class PinMismatch extends Error {
  readonly found: string | null;
  constructor(found: string | null) {
    super('certificate changed');
    this.found = found;
  }
}

/**
 * A TLS connection that accepts any certificate: the caller compares it with a pin, or only describes it.
 * Scanners are addressed by IP and name themselves anything: the pin, not the name, identifies the device.
 */
function connectTls(url: URL): tls.TLSSocket {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return tls.connect({ host, port: Number(url.port || 443), rejectUnauthorized: false, ...(net.isIP(host) ? {} : { servername: host }) });
}

/** The SHA-256 of the certificate the peer presented, or null when it presented none. */
function peerCertificateSha256(socket: tls.TLSSocket): string | null {
  const raw = socket.getPeerCertificate().raw as Buffer | undefined;
  return raw ? certificateSha256(raw) : null;
}

/** A TLS socket handed to the request only once the peer's certificate is the pinned one. */
function pinnedConnection(url: URL, pin: string, signal: AbortSignal) {
  return (_options: unknown, oncreate: (error: Error | null, socket?: Duplex) => void): undefined => {
    const socket = connectTls(url);
    const abort = () => socket.destroy(new Error('aborted'));
    signal.addEventListener('abort', abort, { once: true });
    const done = (error: Error | null) => {
      signal.removeEventListener('abort', abort);
      socket.removeListener('error', done);
      if (error) {
        socket.destroy();
        oncreate(error);
      } else oncreate(null, socket);
    };
    socket.once('error', done);
    socket.once('secureConnect', () => {
      const found = peerCertificateSha256(socket);
      done(found === pin ? null : new PinMismatch(found));
    });
    return undefined;
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

/** One request; the whole answer is read (a page is one JPEG). Network and certificate failures become ScannerErrors. */
export function esclRequest(target: string, request: EsclHttpRequest): Promise<EsclHttpResponse> {
  const url = new URL(target);
  const secure = url.protocol === 'https:';
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const options: https.RequestOptions = { method: request.method ?? 'GET', headers, signal };
  return new Promise<EsclHttpResponse>((resolve, reject) => {
    const req =
      secure && request.certSha256
        ? https.request(url, { ...options, createConnection: pinnedConnection(url, request.certSha256, signal) as unknown as https.RequestOptions['createConnection'] })
        : (secure ? https : http).request(url, options);
    // `on`, not `once`: an abort during a pinned handshake reports twice (the request, then its connection).
    req.on('error', (error) => reject(toScannerError(error, url, request, signal)));
    req.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(toScannerError(error, url, request, signal)));
      response.once('end', () => {
        const header = (name: string) => {
          const value = response.headers[name.toLowerCase()];
          return Array.isArray(value) ? value[0] : value;
        };
        resolve({ status: response.statusCode ?? 0, header, body: Buffer.concat(chunks) });
      });
    });
    req.end(request.body);
  });
}

function toScannerError(error: unknown, url: URL, request: EsclHttpRequest, signal: AbortSignal): ScannerError {
  if (request.signal?.aborted) return new ScannerError('cancelled', 'the scan was cancelled');
  if (error instanceof PinMismatch) {
    return new ScannerError('scanner-certificate-changed', `The scanner at ${url.host} presented a certificate other than the trusted one (SHA-256 ${error.found ?? 'none'})`, {
      details: { url: url.toString(), expected: request.certSha256, found: error.found },
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (url.protocol === 'https:' && !request.certSha256 && code && UNTRUSTED_CODES.has(code)) {
    return new ScannerError('scanner-certificate-untrusted', `The scanner at ${url.host} has a certificate no authority vouches for (${code}): a supervisor must check and trust it in the settings`, {
      details: { url: url.toString() },
    });
  }
  if (signal.aborted) return new ScannerError('scanner-unavailable', `The scanner at ${url.host} did not answer within ${Math.round(request.timeoutMs / 1000)} s`);
  return new ScannerError('scanner-unavailable', `The scanner at ${url.host} does not answer: ${describeError(error)}`);
}

/** "CN=Scanner\nO=HP" → "CN=Scanner, O=HP". */
const oneLine = (name: string) =>
  name
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');

/**
 * The certificate an https address presents: a TLS handshake and nothing else (no HTTP request). Whatever it
 * is, it is only described here; trusting it is the supervisor's decision (stored as `certSha256`).
 */
export function inspectCertificate(target: string, timeoutMs = 10_000): Promise<ScannerCertificate> {
  const url = new URL(target);
  return new Promise((resolve, reject) => {
    const socket = connectTls(url);
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new ScannerError('scanner-unavailable', `No TLS answer from ${url.host}: ${describeError(error)}`));
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const raw = socket.getPeerCertificate().raw as Buffer | undefined;
      const caTrusted = socket.authorized;
      socket.end();
      if (!raw) return void reject(new ScannerError('scanner-unavailable', `${url.host} presented no certificate`));
      const certificate = new X509Certificate(raw);
      resolve({
        sha256: certificateSha256(raw),
        subject: oneLine(certificate.subject),
        issuer: oneLine(certificate.issuer),
        validFrom: new Date(certificate.validFrom).toISOString(),
        validTo: new Date(certificate.validTo).toISOString(),
        selfSigned: certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey),
        caTrusted,
      });
    });
  });
}
