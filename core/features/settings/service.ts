import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/contract/settings.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SettingsStore } from '../../ports/settings-store.ts';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/**
 * Settings are read through the contract's schema: a file edited by hand with a bad value falls back to
 * the default for that part only, and says so in the log, rather than stopping the counter.
 */
export function createSettingsService(store: SettingsStore, bus: EventBus, logger: Logger): SettingsService {
  function get(): Settings {
    const stored = store.read();
    if (stored === undefined) return structuredClone(DEFAULT_SETTINGS);
    const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object) });
    if (parsed.success) return parsed.data;
    logger.warn('stored settings are invalid; using defaults for the invalid parts', {
      paths: parsed.error.issues.map((issue) => issue.path.join('.')),
    });
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const part = SettingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (part.success) merged[key] = part.data;
    }
    return SettingsSchema.parse(merged);
  }

  return {
    get,
    update(patch) {
      const current = get();
      const next = SettingsSchema.parse({
        ...current,
        ...patch,
        counter: { ...current.counter, ...patch.counter },
      });
      store.write(next);
      bus.emit('settings.changed', next);
      return next;
    },
  };
}
