import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: Debian's initdb + pg_ctl on a temp folder and a free port,
 * trust authentication on 127.0.0.1 only, fsync off. CI installs the Debian package `postgresql`.
 * Running as root (CI containers), the binaries run as the `postgres` user through runuser, since
 * PostgreSQL refuses to run as root.
 */
export type PostgresCluster = Readonly<{ url: string; stop: () => void }>;

export const POSTGRES_APT_PACKAGE = 'postgresql';

/** The newest /usr/lib/postgresql/<version>/bin, or PG_BIN when set; null when none is installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** Why the PostgreSQL suite cannot run here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  const bin = findPostgresBin();
  if (!bin) return `no PostgreSQL binaries (looked in /usr/lib/postgresql/*/bin and PG_BIN); install the Debian package '${POSTGRES_APT_PACKAGE}'`;
  if (process.getuid?.() === 0) {
    if (runuserPath() === 'runuser') return 'running as root and runuser (util-linux) is not installed';
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run the cluster as';
    }
  }
  return null;
}

/**
 * runuser lives in /usr/sbin, which a non-login PATH (CI's PATH=/usr/local/bin:/usr/bin:/bin) leaves out:
 * found by the first fresh-clone CI run, where the PostgreSQL suite failed with `spawnSync runuser ENOENT`.
 */
export function runuserPath(): string {
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
    const candidate = path.join(dir, 'runuser');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'runuser';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: PostgreSQL's production settings (fsync, synchronous commit, full page writes) — for benchmarks
 * that stand for a real centre's server; tests keep them off (faster, and a test's cluster is thrown away).
 */
export async function startPostgres(options: Readonly<{ durable?: boolean }> = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailableReason() ?? 'no PostgreSQL');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const [command, commandArgs] = asRoot ? [runuserPath(), ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(command, commandArgs, { stdio: 'pipe', timeout: 60_000 });
  };
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durability}`;
  run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
