import { HttpNetworkError, type HttpClient, type HttpRequest } from '../ports/http-client.ts';

export function createFetchHttpClient(): HttpClient {
  return {
    async request(request: HttpRequest) {
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          // A fresh Uint8Array over its own ArrayBuffer is what fetch's BodyInit accepts (upload chunks).
          body: request.body instanceof Uint8Array ? new Uint8Array(request.body) : request.body,
          signal: AbortSignal.timeout(request.timeoutMs),
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        if (request.responseType === 'bytes' && response.ok) return { status: response.status, headers, body: '', bytes: new Uint8Array(await response.arrayBuffer()) };
        return { status: response.status, headers, body: await response.text() };
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw new HttpNetworkError(reason);
      }
    },
  };
}
