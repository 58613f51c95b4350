export type HttpRequest = Readonly<{
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'HEAD' | 'DELETE';
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Bytes for binary uploads (scans: `application/offset+octet-stream` chunks). */
  body?: string | Uint8Array;
  timeoutMs: number;
}>;

/** `headers` names are lower-case (sync reads `date` for the clock check and `retry-after` for 429/503). */
export type HttpResponse = Readonly<{ status: number; headers: Readonly<Record<string, string>>; body: string }>;

/** Network failures (refused, reset, timed out) reject with HttpNetworkError; any HTTP status resolves. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}
