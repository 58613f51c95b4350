import path from 'node:path';
import { parseArgs } from 'node:util';

export type ServerConfig = Readonly<{ dataDir: string; databaseUrl: string | undefined; port: number; host: string; trustProxy: boolean }>;

export const SERVER_USAGE = `Một Cửa Desk — máy chủ một cửa tham chiếu / reference central server

  npm run server -- [--data DIR] [--port N] [--host ADDR] [--trust-proxy]

  --data DIR      thư mục dữ liệu (PGlite, tệp quét) / data folder (PGlite, scans)
                  mặc định / default: $SERVER_DATA_DIR or ./server-data
  --port N        cổng / port (default $PORT or 8780; 0 = any free port)
  --host ADDR     địa chỉ lắng nghe / bind address (default $HOST or 127.0.0.1; 0.0.0.0 to expose it)
  --trust-proxy   lấy IP khách từ X-Forwarded-For (chỉ khi đứng sau reverse proxy của bạn)
                  take the client IP from X-Forwarded-For (only behind your own reverse proxy)

  DATABASE_URL=postgres://…  dùng PostgreSQL thay cho PGlite / use PostgreSQL instead of PGlite`;

/** Flags first, then the environment, then defaults that need no setup at all. */
export function readServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const port = Number(values.port ?? env.PORT ?? 8780);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${values.port ?? env.PORT}`);
  return {
    dataDir: path.resolve(values.data ?? env.SERVER_DATA_DIR ?? 'server-data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    trustProxy: values['trust-proxy'],
  };
}
