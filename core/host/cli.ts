import fs from 'node:fs';
import path from 'node:path';
import { describeError, type ErrorCode } from '../../shared/contract/errors.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';
import { DoctorReportSchema } from '../../shared/contract/system.ts';
import { createJsonLogger } from '../adapters/json-logger.ts';
import { createJsonSettingsStore } from '../adapters/json-settings-store.ts';
import { createCore, type Core, type HostKind } from '../app/create-core.ts';
import { CoreError } from '../rpc/core-error.ts';
import { parseCliArgs, USAGE, UsageError } from './cli-args.ts';
import { defaultDataDir, settingsFileFor } from './data-dir.ts';
import { startNodeHost } from './node-host.ts';

export type CliIo = Readonly<{ stdout: (text: string) => void; stderr: (text: string) => void }>;

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function appVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function bilingual(code: ErrorCode): string {
  return `${describeError(code, 'vi')}\n${describeError(code, 'en')}`;
}

function openCore(host: HostKind, data: string | undefined, profile: string | undefined): Core {
  const dataDir = path.resolve(data ?? defaultDataDir());
  return createCore({
    appVersion: appVersion(),
    dataDir,
    profile,
    host,
    settings: createJsonSettingsStore(settingsFileFor(dataDir)),
    logger: host === 'cli' ? createJsonLogger('desk-call', 'warn') : createJsonLogger('desk-serve'),
  });
}

function printEnvelope(io: CliIo, result: RpcResult<unknown>): number {
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  if (result.ok) return 0;
  io.stderr(`[${result.error.code}] ${bilingual(result.error.code)}\n${result.error.message}\n`);
  return 1;
}

async function call(io: CliIo, data: string | undefined, profile: string | undefined, method: string, json: string | undefined): Promise<number> {
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (error) {
      return printEnvelope(io, failResult('invalid-json', `The input is not valid JSON: ${error instanceof Error ? error.message : ''}`));
    }
  }
  const core = openCore('cli', data, profile);
  try {
    return printEnvelope(io, await core.dispatch(method, input));
  } finally {
    core.stop();
  }
}

async function doctor(io: CliIo, data: string | undefined, profile: string | undefined): Promise<number> {
  const core = openCore('cli', data, profile);
  try {
    const result = await core.dispatch('system.doctor', {});
    if (!result.ok) return printEnvelope(io, result);
    const { checks } = DoctorReportSchema.parse(result.value);
    for (const check of checks) {
      const mark = check.status === 'ok' ? 'OK  ' : check.status === 'skip' ? 'SKIP' : 'FAIL';
      io.stdout(`${mark}  ${check.label.vi} / ${check.label.en}\n      ${check.detail}\n`);
    }
    return checks.some((check) => check.status === 'fail') ? 1 : 0;
  } finally {
    core.stop();
  }
}

async function serve(io: CliIo, command: Readonly<{ data?: string; profile?: string; port: number; host: string }>): Promise<number> {
  const core = openCore('node', command.data, command.profile);
  let host;
  try {
    host = await startNodeHost({
      core,
      uiDir: path.join(projectRoot, 'dist', 'renderer'),
      port: command.port,
      host: command.host,
      logger: createJsonLogger('node-host'),
    });
  } catch (error) {
    core.stop();
    throw error;
  }
  core.start();
  const storage = core.storageState();
  if (storage.state === 'unavailable') io.stderr(`[${storage.code}] ${bilingual(storage.code)}\n${storage.message}\n`);
  io.stdout(`Một Cửa Desk: ${host.url}\n`);
  const running = host;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  core.stop();
  return 0;
}

/** The `desk` command. Returns the exit code: 0 ok, 1 a failed call or check, 2 a usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'version':
        io.stdout(`${appVersion()}\n`);
        return 0;
      case 'call':
        return await call(io, command.data, command.profile, command.method, command.json);
      case 'doctor':
        return await doctor(io, command.data, command.profile);
      case 'serve':
        return await serve(io, command);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CoreError) {
      io.stderr(`[${error.code}] ${bilingual(error.code)}\n${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
