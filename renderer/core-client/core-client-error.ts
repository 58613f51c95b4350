import type { ErrorCode } from '../../shared/contract/errors.ts';

/** A call's `ok: false` answer, rethrown so components and error boundaries can switch on `code`. */
export class CoreClientError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CoreClientError';
    this.code = code;
    this.details = details;
  }
}
