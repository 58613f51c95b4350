import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type Output, type ParsedInput } from '../../shared/contract/methods.ts';
import { failResult, okResult, type RpcResult } from '../../shared/contract/result.ts';
import type { Logger } from '../ports/logger.ts';
import { CoreError } from './core-error.ts';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;
/** Throws a CoreError (sign-in-required, session-locked, forbidden-role) when the caller may not run `method`. */
export type Authorize = (method: MethodName) => void;

/** Zod issues as plain data: where, what; never the rejected value itself (it may be personal data). */
function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * The one dispatcher every host uses: validate input, run the handler, check the output against the
 * contract, map CoreError to its code, log and hide everything else.
 *
 * `authorize` runs before the input is even parsed, for every method (shared/contract/access.ts says who may
 * call what): the rule lives here once, not in each handler.
 */
export function createDispatcher(handlers: Handlers, logger: Logger, authorize: Authorize = () => undefined): Dispatch {
  return async function dispatch(method, rawInput) {
    if (!isMethodName(method)) {
      return failResult('unknown-method', `Unknown method: ${method.slice(0, 100)}`);
    }
    const spec = methods[method];
    try {
      authorize(method);
    } catch (error) {
      if (error instanceof CoreError) return failResult(error.code, error.message, error.details);
      logger.error('authorization failed', { method, error: error instanceof Error ? error.message : String(error) });
      return failResult('internal', 'Internal error');
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return failResult('invalid-input', `Invalid input for ${method}`, { issues: describeIssues(parsed.error) });
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error('handler output breaks the contract', { method, issues: describeIssues(checked.error) });
        return failResult('internal', 'Internal error');
      }
      return okResult(checked.data);
    } catch (error) {
      if (error instanceof CoreError) return failResult(error.code, error.message, error.details);
      logger.error('handler failed', {
        method,
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      return failResult('internal', 'Internal error');
    }
  };
}
