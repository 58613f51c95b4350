import { createCentralServer, type CentralServer } from '../app/create-server.ts';
import type { ServerLimits } from '../app/context.ts';
import type { Sql } from '../db/sql.ts';
import { createAgency } from '../features/agencies/repo.ts';
import { createEnrolmentCode } from '../features/counters/service.ts';
import type { Backend } from './backends.ts';

export type HttpAnswer = Readonly<{ status: number; headers: Headers; text: string; body: unknown }>;

export type RequestOptions = Readonly<{
  method?: string;
  token?: string;
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Readonly<Record<string, string>>;
}>;

export type EnrolledCounter = Readonly<{ counterId: string; credential: string; agencyCode: string; slot: number }>;

export type TestServer = Readonly<{
  url: string;
  sql: Sql;
  dataDir: string;
  server: CentralServer;
  request(path: string, options?: RequestOptions): Promise<HttpAnswer>;
  addAgency(code: string, name?: string): Promise<void>;
  enrolCounter(agencyCode: string, slot: number): Promise<EnrolledCounter>;
  close(): Promise<void>;
}>;

export type TestServerOptions = Readonly<{ now?: () => Date; limits?: Partial<ServerLimits> }>;

/** A real server on 127.0.0.1:0 over the backend's storage, with helpers to seed and to call it. */
export async function startTestServer(backend: Backend, options: TestServerOptions = {}): Promise<TestServer> {
  const { sql, dataDir } = await backend.open();
  const now = options.now ?? (() => new Date());
  const logs: string[] = [];
  const server = createCentralServer({ sql, dataDir, now, limits: options.limits, log: (line) => logs.push(line) });
  const url = await server.listen(0, '127.0.0.1');

  async function request(path: string, request: RequestOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let body: string | Uint8Array | undefined;
    if (request.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.body !== undefined) {
      body = request.body;
    }
    const response = await fetch(`${url}${path}`, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body as string | undefined });
    const text = await response.text();
    let parsed: unknown = undefined;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  return {
    url,
    sql,
    dataDir,
    server,
    request,
    addAgency: async (code, name = `Bộ phận Một cửa ${code}`) => {
      await createAgency(sql, code, name);
    },
    enrolCounter: async (agencyCode, slot) => {
      const { code } = await createEnrolmentCode(sql, { agencyCode, slot, counterName: `Quầy ${slot}`, now: now() });
      const answer = await request('/api/v1/enrolments', { json: { code, deviceName: `PC-${slot}` } });
      if (answer.status !== 201) throw new Error(`enrolment failed: ${answer.text}; server log: ${logs.join('\n')}`);
      const body = answer.body as { counterId: string; credential: string };
      return { counterId: body.counterId, credential: body.credential, agencyCode, slot };
    },
    close: async () => {
      await server.close(1000);
      if (logs.length > 0) console.error(`server log:\n${logs.join('\n')}`);
    },
  };
}
