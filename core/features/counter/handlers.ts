import type { Handlers } from '../../rpc/dispatch.ts';
import type { SettingsService } from '../settings/service.ts';

/** Identity from the settings (enrolment fills them in); the counter id once enrolled with the central server. */
export function counterHandlers(profile: string, settings: SettingsService, counterId: () => string | null) {
  return {
    'counter.get': () => {
      const { counter } = settings.get();
      const id = counterId();
      return { profile, centreName: counter.centreName, counterName: counter.counterName, counterCode: id, enrolled: id !== null };
    },
  } satisfies Partial<Handlers>;
}
