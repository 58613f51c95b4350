import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

/** Reads the whole body, refusing (413) as soon as it passes `limit` bytes, announced or not. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload-too-large', { message: `The body may not exceed ${limit} bytes`, details: { limit } });
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A JSON body validated by `schema`: 400 `invalid-input` with the issues when it is not. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, limit: number, schema: S): Promise<z.infer<S>> {
  const type = req.headers['content-type'] ?? '';
  // Requiring JSON also keeps browsers from sending these requests cross-site without a preflight.
  if (!/^application\/json\b/i.test(type)) throw new ApiError(400, 'invalid-input', { message: 'Content-Type must be application/json' });
  const raw = await readBody(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid-input', { message: 'The body is not valid JSON' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'invalid-input', { message: 'The body does not match the schema', details: { issues: zodIssues(parsed.error) } });
  return parsed.data;
}
