/**
 * Where print jobs go: a network printer (TCP 9100) now; USB, serial and the OS spooler later. A printer
 * only moves bytes already encoded for it (ESC/POS, PDF); it never sees the document model.
 */
export interface Printer {
  /** Resolves once every byte was handed to the printer; rejects with PrinterError. */
  send(bytes: Uint8Array): Promise<void>;
}

export type PrinterErrorCode =
  /** Nothing listens there (printer off, wrong port): ECONNREFUSED. */
  | 'printer-refused'
  /** No answer in time: wrong address, printer hung, or network down. */
  | 'printer-timeout'
  /** The host or network cannot be reached at all (EHOSTUNREACH, ENETUNREACH, ENOTFOUND). */
  | 'printer-unreachable'
  /** The connection broke while the job was being sent: the job may be partly printed. */
  | 'printer-dropped'
  /** The printer answered its paper sensor status with "paper end" before the job was sent. */
  | 'printer-paper-out'
  /** The device file or OS print queue does not exist. */
  | 'printer-not-found';

export type PrinterErrorOptions = ErrorOptions & {
  /**
   * Whether any byte of the job may have reached the printer. False only when the failure happened before
   * sending began (refused, unreachable, paper out by status): then a retry cannot print twice.
   */
  mayHavePrinted?: boolean;
};

export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  readonly code: PrinterErrorCode;
  readonly mayHavePrinted: boolean;
  constructor(code: PrinterErrorCode, message: string, options?: PrinterErrorOptions) {
    super(message, options);
    this.code = code;
    this.mayHavePrinted = options?.mayHavePrinted ?? code === 'printer-dropped';
  }
}
