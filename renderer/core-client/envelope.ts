import { z } from 'zod';
import { RpcErrorSchema } from '../../shared/contract/errors.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcErrorSchema }),
]);

/**
 * Whatever came back from a host, as an envelope. Anything else (an HTML error page, a code this build
 * does not know) becomes `internal` rather than an exception, so every caller handles one shape.
 */
export function toEnvelope(raw: unknown, where: string): RpcResult<unknown> {
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) return failResult('internal', `${where} did not answer with a result envelope`);
  return parsed.data.ok ? { ok: true, value: parsed.data.value } : { ok: false, error: parsed.data.error };
}
