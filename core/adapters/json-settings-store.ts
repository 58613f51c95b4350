import fs from 'node:fs';
import path from 'node:path';
import type { SettingsStore } from '../ports/settings-store.ts';

/**
 * Settings as a JSON file, written atomically (temp file + rename) so a power cut leaves either the old or
 * the new file. An unreadable file is kept aside (never deleted) and defaults are used.
 */
export function createJsonSettingsStore(file: string): SettingsStore {
  return {
    read() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        fs.renameSync(file, `${file}.unreadable-${Date.now()}`);
        return undefined;
      }
    },
    write(value) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(temp, 'w', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
    },
  };
}

export function createMemorySettingsStore(initial?: unknown): SettingsStore {
  let value = initial;
  return {
    read: () => (value === undefined ? undefined : structuredClone(value)),
    write: (next) => {
      value = structuredClone(next);
    },
  };
}
