export type HttpRequest = Readonly<{
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'HEAD' | 'DELETE';
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Bytes for binary uploads (scans: `application/offset+octet-stream` chunks). */
  body?: string | Uint8Array;
  timeoutMs: number;
  /** `bytes`: a 2xx answer's body is delivered as `bytes` (file downloads), anything else as text. */
  responseType?: 'text' | 'bytes';
}>;

/** `headers` names are lower-case (sync reads `date` for the clock check and `retry-after` for 429/503). */
export type HttpResponse = Readonly<{ status: number; headers: Readonly<Record<string, string>>; body: string; bytes?: Uint8Array }>;

/** Network failures (refused, reset, timed out) reject with HttpNetworkError; any HTTP status resolves. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}
