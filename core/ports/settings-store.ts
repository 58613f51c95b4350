/**
 * Where counter settings live: electron-store in Electron main, a JSON file in the Node host and tests.
 * The core validates what it reads, so a store only moves JSON in and out.
 */
export interface SettingsStore {
  /** The stored settings object, or undefined when nothing was saved yet. */
  read(): unknown;
  write(value: unknown): void;
}
