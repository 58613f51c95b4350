// `npm run server`: the reference central server on the embedded PGlite (or DATABASE_URL), no setup needed.
import { createCentralServer } from './app/create-server.ts';
import { readServerConfig, SERVER_USAGE } from './app/config.ts';
import { openStorage } from './db/open.ts';

async function main(): Promise<void> {
  const config = readServerConfig(process.argv.slice(2), process.env);
  if (config === 'help') {
    console.log(SERVER_USAGE);
    return;
  }
  const sql = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const server = createCentralServer({ sql, dataDir: config.dataDir, trustProxy: config.trustProxy });
  const url = await server.listen(config.port, config.host);
  const storage = sql.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Máy chủ một cửa đang chạy / central server listening: ${url}  [${storage}]`);
  console.log(`  API: ${url}/api/v1/openapi.json   Tra cứu: ${url}/tra-cuu`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: dừng máy chủ / shutting down`);
    // Requests in flight finish (and their transactions commit) before the database closes.
    void server
      .close(10_000)
      .then(() => sql.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
