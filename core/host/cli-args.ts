import { parseArgs } from 'node:util';

export type CliCommand =
  | Readonly<{ kind: 'serve'; data?: string; profile?: string; port: number; host: string }>
  | Readonly<{ kind: 'call'; data?: string; profile?: string; method: string; json?: string }>
  | Readonly<{ kind: 'doctor'; data?: string; profile?: string }>
  | Readonly<{ kind: 'help' }>
  | Readonly<{ kind: 'version' }>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Một Cửa Desk — phần mềm quầy tiếp nhận và trả kết quả / one-stop reception counter

Cách dùng / Usage:
  desk serve  [--data DIR] [--profile NAME] [--port N] [--host 127.0.0.1]
              Phục vụ giao diện và API trên 127.0.0.1 / serve the UI and the API on loopback
  desk call   <method> [json] [--data DIR] [--profile NAME]
              Gọi một chức năng, in kết quả JSON / call one method, print the JSON envelope
              (desk call system.describe lists every method)
  desk doctor [--data DIR] [--profile NAME]
              Kiểm tra máy quầy / check this counter PC
  desk --version | desk help
`;

const OPTIONS = {
  data: { type: 'string' },
  profile: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  const common = { data: values.data, profile: values.profile };
  switch (command) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'serve': {
      const port = Number(values.port ?? 4780);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got ${values.port}`);
      if (rest.length > 0) throw new UsageError(`serve takes no positional arguments: ${rest.join(' ')}`);
      return { kind: 'serve', ...common, port, host: values.host ?? '127.0.0.1' };
    }
    case 'call': {
      const [method, json, ...extra] = rest;
      if (!method) throw new UsageError('call needs a method name, e.g. desk call system.info');
      if (extra.length > 0) throw new UsageError('call takes one JSON argument; quote it');
      return { kind: 'call', ...common, method, json };
    }
    case 'doctor':
      return { kind: 'doctor', ...common };
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}
