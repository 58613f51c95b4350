import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CENTRAL_PATHS } from '../shared/contract/central-api.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-entry-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function admin(args: string[], stdin?: string): Promise<string> {
  const child = execFile(process.execPath, ['server/admin.ts', ...args, '--data', dataDir], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
  const done = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`admin ${args.join(' ')} → ${code}: ${err}`))));
  });
  child.stdin?.end(stdin ?? '');
  return done;
}

describe('npm run server and npm run server:admin', () => {
  it('set up an agency with the admin CLI, start the server with no other setup, enrol, stop on SIGTERM', async () => {
    await admin(['agency', 'create', '--code', '000.00.12.H12', '--name', 'UBND phường Ba Đình']);
    const printed = await admin(['enrolment-code', 'create', '--agency', '000.00.12.H12', '--slot', '3', '--name', 'Quầy 3']);
    const code = /([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})/.exec(printed)![1]!;
    await admin(['clerk', 'create', '--agency', '000.00.12.H12', '--username', 'lan', '--name', 'Trần Thị Lan'], 'mật khẩu dài\n');
    await expect(run(process.execPath, ['server/admin.ts', 'nothing', 'here'], { cwd: root })).rejects.toMatchObject({ code: 2 });

    const server = spawn(process.execPath, ['server/main.ts', '--data', dataDir, '--port', '0'], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) resolve(match[0]);
      });
      server.on('exit', (exitCode) => reject(new Error(`server exited ${exitCode}`)));
    });
    // While the server holds the embedded database, the admin CLI is refused instead of corrupting it.
    await expect(admin(['agency', 'list'])).rejects.toThrow(/in use by process/);

    const enrolled = await fetch(`${url}${CENTRAL_PATHS.enrol}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'PC-3' }) });
    expect(enrolled.status).toBe(201);
    const { credential, slot } = (await enrolled.json()) as { credential: string; slot: number };
    expect(slot).toBe(3);
    const clerks = await fetch(`${url}${CENTRAL_PATHS.clerks}`, { headers: { authorization: `Bearer ${credential}` } });
    expect(((await clerks.json()) as { clerks: { username: string }[] }).clerks.map((clerk) => clerk.username)).toEqual(['lan']);

    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  }, 90_000);
});
