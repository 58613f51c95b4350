import type { z } from 'zod';
import { SettingsSchema } from './settings.ts';
import { SyncStatusSchema } from './sync.ts';
import { ScanProgressSchema } from './scanning.ts';
import { SessionSchema } from './auth.ts';

/** Pushes from the core to the UI, named `<feature>.<pastTense>`; one payload object each. */
export const events = {
  'sync.stateChanged': SyncStatusSchema,
  'settings.changed': SettingsSchema,
  'scanning.progressed': ScanProgressSchema,
  'auth.changed': SessionSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
