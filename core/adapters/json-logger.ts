import type { Logger } from '../ports/logger.ts';

type Level = 'info' | 'warn' | 'error';

/** One JSON line per entry on stderr (stdout stays clean for `desk call` output). */
export function createJsonLogger(scope: string, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (level: Level) => (message: string, context?: Record<string, unknown>) => {
    write(`${JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...context })}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
