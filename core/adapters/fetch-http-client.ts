import { HttpNetworkError, type HttpClient, type HttpRequest } from '../ports/http-client.ts';

export function createFetchHttpClient(): HttpClient {
  return {
    async request(request: HttpRequest) {
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(request.timeoutMs),
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        return { status: response.status, headers, body: await response.text() };
      } catch (error) {
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw new HttpNetworkError(reason);
      }
    },
  };
}
