export type HttpRequest = Readonly<{
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  timeoutMs: number;
}>;

export type HttpResponse = Readonly<{ status: number; body: string }>;

/** Network failures (refused, reset, timed out) reject with HttpNetworkError; any HTTP status resolves. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}
