import { createNodeHttpClient } from '../../core/adapters/node-http-client.ts';
import type { HttpClient } from '../../core/ports/http-client.ts';

export type Exchange = Readonly<{ path: string; status: number }>;

/** The real fetch client, remembering each exchange's path and status (e.g. that an unchanged kind cost one 304). */
export function recordingHttpClient(): { http: HttpClient; exchanges: Exchange[] } {
  const fetchClient = createNodeHttpClient();
  const exchanges: Exchange[] = [];
  const http: HttpClient = {
    async request(request) {
      const response = await fetchClient.request(request);
      exchanges.push({ path: new URL(request.url).pathname, status: response.status });
      return response;
    },
  };
  return { http, exchanges };
}
