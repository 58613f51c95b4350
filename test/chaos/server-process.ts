import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_LINE = /listening: (http:\/\/127\.0\.0\.1:\d+)/;

export type ServerProcess = Readonly<{
  url: string;
  /** kill -9: PGlite / PostgreSQL must recover from whatever was half written. */
  kill(): Promise<void>;
  /** SIGTERM: requests in flight finish, the database closes cleanly. */
  stop(): Promise<void>;
  output(): string;
}>;

export type ServerProcessOptions = Readonly<{ dataDir: string; port: number; databaseUrl?: string | undefined }>;

/** A port that was free a moment ago; the server is restarted on the same one so the proxy's target stays. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `node server/main.ts` as its own process, exactly as `npm run server` starts it. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['DATABASE_URL'];
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'server', 'main.ts'), '--data', options.dataDir, '--port', String(options.port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the central server did not start within 30 s:\n${output}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the central server exited (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    output: () => output,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (running()) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * What an administrator does before counters can enrol, with the real admin CLI (`node server/admin.ts`, as
 * `npm run server:admin` runs it) on the stopped server's storage: one agency, one enrolment code per slot.
 * Its own processes, so PGlite's memory never counts against a benchmark of the counter.
 */
export function prepareCentralServer(dataDir: string, databaseUrl: string | undefined, agencyCode: string, slots: readonly number[]): string[] {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  const admin = (...args: string[]) => execFileSync(process.execPath, [path.join(REPO_ROOT, 'server', 'admin.ts'), ...args, '--data', dataDir], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  admin('agency', 'create', '--code', agencyCode, '--name', 'UBND phường Thử Nghiệm');
  return slots.map((slot) => {
    const printed = admin('enrolment-code', 'create', '--agency', agencyCode, '--slot', String(slot), '--name', `Quầy ${slot}`);
    const code = /\(shown once\): (\S+)/.exec(printed)?.[1];
    if (!code) throw new Error(`no enrolment code in the admin CLI's output:\n${printed}`);
    return code;
  });
}
