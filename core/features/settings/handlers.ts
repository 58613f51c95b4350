import type { Handlers } from '../../rpc/dispatch.ts';
import type { SettingsService } from './service.ts';

export function settingsHandlers(settings: SettingsService) {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'settings.setLanguage': ({ language }) => settings.update({ language }),
  } satisfies Partial<Handlers>;
}
