import type { MethodName } from './methods.ts';
import type { EventName } from './events.ts';

// Plain name lists with no zod, for the Electron preload (sandboxed, bundled small). A test checks they
// equal the keys of `methods` and `events`; the `satisfies` below catches typos at compile time.
export const METHOD_NAMES = [
  'system.info',
  'system.describe',
  'system.doctor',
  'counter.get',
  'settings.get',
  'settings.update',
  'sync.status',
  'sync.enroll',
  'sync.now',
  'sync.deadLetters',
  'sync.retry',
  'catalogue.search',
  'catalogue.get',
  'dossiers.intake',
  'dossiers.get',
  'dossiers.list',
  'dossiers.search',
  'dossiers.lateness',
  'dossiers.startProcessing',
  'dossiers.requestSupplement',
  'dossiers.supplement',
  'dossiers.refuse',
  'dossiers.withdraw',
  'dossiers.stop',
  'dossiers.markResultReady',
  'dossiers.returnResult',
  'audit.verify',
  'audit.timeline',
  'printers.testPage',
  'printers.list',
  'printers.save',
  'printers.test',
  'printing.render',
  'printing.print',
  'printing.jobs',
  'printing.reprint',
  'printing.formValues',
  'printing.setFormValues',
  'citizen.parseIdQr',
  'calendar.day',
  'calendar.dueDate',
  'payments.vietqr',
  'payments.amountInWords',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = ['sync.stateChanged', 'settings.changed'] as const satisfies readonly EventName[];

/** IPC channel names are derived here and nowhere else. */
export const ipcChannel = {
  invoke: (method: string): string => `core:${method}`,
  event: (event: string): string => `core-event:${event}`,
  subscribe: 'core:subscribe',
  unsubscribe: 'core:unsubscribe',
} as const;
