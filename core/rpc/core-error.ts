import type { ErrorCode } from '../../shared/contract/errors.ts';

/** The only error a handler throws on purpose; anything else is a bug and reaches the caller as `internal`. */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
