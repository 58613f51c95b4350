import { z } from 'zod';

/**
 * The Node host's wire protocol (`desk serve`):
 *   POST /rpc/<method>  body: JSON input, Content-Type: application/json  → 200 with the RpcResult envelope
 *   GET  /events        WebSocket; client sends {type:'subscribe'|'unsubscribe', event}; server acks with
 *                       {type:'subscribed'|'unsubscribed', event} and sends {type:'event', event, payload}
 * Every HTTP answer is an envelope, also for bad requests, so a client never has to parse an HTML error.
 */
export const RPC_PATH_PREFIX = '/rpc/';
export const EVENTS_PATH = '/events';
export const MAX_REQUEST_BYTES = 1024 * 1024;

export const ClientSocketMessageSchema = z.object({
  type: z.enum(['subscribe', 'unsubscribe']),
  event: z.string().max(100),
});
export type ClientSocketMessage = z.infer<typeof ClientSocketMessageSchema>;

/** `subscribed` / `unsubscribed` acknowledge a request: events published after the ack are delivered. */
export type ServerSocketMessage =
  | Readonly<{ type: 'event'; event: string; payload: unknown }>
  | Readonly<{ type: 'subscribed' | 'unsubscribed'; event: string }>
  | Readonly<{ type: 'error'; code: string; message: string }>;
