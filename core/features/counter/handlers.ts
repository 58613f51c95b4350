import type { Handlers } from '../../rpc/dispatch.ts';
import type { SettingsService } from '../settings/service.ts';

/** Until enrolment with the central server exists (sync issue), identity comes from the settings alone. */
export function counterHandlers(profile: string, settings: SettingsService) {
  return {
    'counter.get': () => {
      const { counter } = settings.get();
      return { profile, centreName: counter.centreName, counterName: counter.counterName, counterCode: null, enrolled: false };
    },
  } satisfies Partial<Handlers>;
}
