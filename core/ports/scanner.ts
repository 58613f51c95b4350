import type { ScanMode, ScannerInfo, ScanSource } from '../../shared/contract/scanning.ts';

export type ScanRequest = Readonly<{
  source: ScanSource;
  duplex: boolean;
  dpi: number;
  mode: ScanMode;
  /** A private scratch folder of this session (0700, inside the data folder); removed by the caller. */
  workDir: string;
}>;

/** One page as the device delivered it; the pipeline decodes and normalises it. */
export type RawPage = Readonly<{
  /** What the bytes are: PNM from scanimage, JPEG/PNG from eSCL, PNG from the Windows helpers, TIFF from imports. */
  format: 'pnm' | 'jpeg' | 'png' | 'tiff';
  bytes: Buffer;
  /** The resolution the page was scanned at (for the PDF page size). */
  dpi: number;
}>;

export type PageSink = (page: RawPage) => Promise<void>;

/**
 * One kind of scanner access (SANE, eSCL, WIA, NAPS2). Ids are the backend's own device names; the service
 * prefixes them with the backend (`sane:test:0`). `scan` resolves when the batch ended normally (feeder
 * empty after at least one page, or the flatbed page) and rejects with ScannerError otherwise; when the
 * signal aborts it stops the device (kills the process, deletes the job) and rejects with `cancelled`.
 */
export interface ScannerBackend {
  readonly kind: ScannerInfo['backend'];
  list(): Promise<ScannerInfo[]>;
  describe(deviceId: string): Promise<ScannerInfo>;
  scan(deviceId: string, request: ScanRequest, sink: PageSink, signal: AbortSignal): Promise<void>;
  /** Devices found by the last `list()` that cannot be used until a supervisor trusts their certificate (eSCL over HTTPS). */
  untrusted?(): readonly Readonly<{ name: string; url: string }>[];
}

export type ScannerErrorCode = 'scanner-not-found' | 'scanner-unavailable' | 'scanner-busy' | 'scanner-option-unsupported' | 'scanner-feeder-empty' | 'scanner-certificate-untrusted' | 'scanner-certificate-changed' | 'scan-failed' | 'cancelled';

export class ScannerError extends Error {
  override readonly name = 'ScannerError';
  readonly code: ScannerErrorCode;
  /** Safe to show (e.g. the certificate fingerprints expected and found); passed on as the error's details. */
  readonly details: unknown;
  constructor(code: ScannerErrorCode, message: string, options?: ErrorOptions & { details?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = options?.details;
  }
}
