import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sql } from '../db/sql.ts';
import { createRouter, type Route } from '../http/router.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { codeBlockRoutes } from '../features/code-blocks/routes.ts';
import { counterRoutes } from '../features/counters/routes.ts';
import { documentRoutes } from '../features/documents/routes.ts';
import { dossierRoutes } from '../features/dossiers/routes.ts';
import { lookupRoutes } from '../features/lookup/routes.ts';
import { publicRoutes } from '../features/openapi/routes.ts';
import { referenceRoutes } from '../features/reference/routes.ts';
import { statusChangeRoutes } from '../features/status-changes/routes.ts';
import { uploadRoutes } from '../features/uploads/routes.ts';
import { receiptRoutes } from '../features/receipts/routes.ts';
import { createLimiters, DEFAULT_LIMITS, type AppContext, type ServerLimits } from './context.ts';

export type CentralServerOptions = Readonly<{
  sql: Sql;
  dataDir: string;
  now?: () => Date;
  limits?: Partial<ServerLimits>;
  /** Take the client IP from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  log?: (line: string) => void;
}>;

export type CentralServer = Readonly<{
  app: AppContext;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes idle connections. */
  close(graceMs?: number): Promise<void>;
}>;

export function routesFor(app: AppContext): Route[] {
  return [...publicRoutes(app), ...counterRoutes(app), ...dossierRoutes(app), ...auditRoutes(app), ...statusChangeRoutes(app), ...codeBlockRoutes(app), ...referenceRoutes(app), ...uploadRoutes(app), ...documentRoutes(app), ...lookupRoutes(app), ...receiptRoutes(app)];
}

export function createCentralServer(options: CentralServerOptions): CentralServer {
  const now = options.now ?? (() => new Date());
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.error(line));
  const app: AppContext = { sql: options.sql, dataDir: options.dataDir, now, limits, limiters: createLimiters(limits, now), log };
  // requestTimeout bounds a whole request body: an 8 MiB chunk over a slow commune link can take minutes.
  const server = http.createServer({ requestTimeout: 600_000, headersTimeout: 30_000 }, createRouter(routesFor(app), { trustProxy: options.trustProxy ?? false, log }));
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shown}:${address.port}`);
        });
      }),
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
