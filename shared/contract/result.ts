import type { ErrorCode, RpcError } from './errors.ts';

/** Every call's result. Errors cross every boundary (IPC, HTTP, CLI) as data, never as thrown objects. */
export type RpcResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: RpcError }>;

export function okResult<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

export function failResult(code: ErrorCode, message: string, details?: unknown): RpcResult<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
