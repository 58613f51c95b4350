import type { Logger } from '../ports/logger.ts';

type Level = 'info' | 'warn' | 'error';

const RANK: Readonly<Record<Level, number>> = { info: 0, warn: 1, error: 2 };

/**
 * One JSON line per entry on stderr (stdout stays clean for `desk call` output). `minLevel` 'warn' keeps
 * a one-shot command quiet unless something is wrong.
 */
export function createJsonLogger(scope: string, minLevel: Level = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (level: Level) => (message: string, context?: Record<string, unknown>) => {
    if (RANK[level] < RANK[minLevel]) return;
    write(`${JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...context })}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
