// `npm run server:admin -- <command>`: agencies, counters, codes, clerks, keys and reference data.
import readline from 'node:readline/promises';
import { ADMIN_USAGE, COMMANDS } from './admin/commands.ts';
import { openStorage } from './db/open.ts';

/** Splits `--data DIR` off and finds the two-word command; everything else goes to the command. */
function parse(argv: string[]): { dataDir: string; name: string | null; rest: string[] } {
  const args = [...argv];
  let dataDir = process.env.SERVER_DATA_DIR ?? 'server-data';
  const at = args.indexOf('--data');
  if (at >= 0) {
    dataDir = args[at + 1] ?? dataDir;
    args.splice(at, 2);
  }
  const name = args.length >= 2 ? `${args[0]} ${args[1]}` : null;
  return { dataDir, name: name && name in COMMANDS ? name : null, rest: args.slice(2) };
}

async function readPassword(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / Password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('không có mật khẩu trên stdin / no password on stdin');
}

async function main(): Promise<void> {
  const { dataDir, name, rest } = parse(process.argv.slice(2));
  if (!name) {
    console.log(ADMIN_USAGE);
    process.exitCode = process.argv.length > 2 && !['-h', '--help', 'help'].includes(process.argv[2]!) ? 2 : 0;
    return;
  }
  const sql = await openStorage({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    await COMMANDS[name]!(sql, rest, { out: (line) => console.log(line), readPassword });
  } finally {
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
