import type { ClerkRole } from './auth.ts';

/**
 * Who may call a method once the counter holds clerk accounts (in setup mode nothing is required). Checked
 * by the one dispatcher, not by each handler.
 * open: anyone — reads that show no more than the screen already does, the clerk's own session, language;
 * clerk: a signed-in clerk whose session is not locked — everything that changes a dossier, moves money,
 *        prints, scans, or reads a citizen's papers, because the audit entry must name a person;
 * supervisor: a signed-in supervisor — the centre's configuration and undoing what clerks did.
 * A method in neither list needs a clerk: a new method is closed until someone decides it may be open.
 */
export type MethodAccess = 'open' | ClerkRole;

const OPEN: ReadonlySet<string> = new Set([
  'system.info',
  'system.describe',
  'system.doctor',
  'counter.get',
  'settings.get',
  // Only the language: the identity, server address and idle lock go through settings.update (supervisor).
  'settings.setLanguage',
  'sync.status',
  'sync.now',
  'sync.deadLetters',
  'dossiers.get',
  'dossiers.list',
  'dossiers.search',
  'dossiers.lateness',
  'audit.verify',
  'audit.timeline',
  'catalogue.search',
  'catalogue.get',
  'citizen.parseIdQr',
  'calendar.day',
  'calendar.dueDate',
  'calendar.year',
  'payments.vietqr',
  'payments.vietqrImage',
  'payments.amountInWords',
  'payments.list',
  'fees.quote',
  'fees.settings',
  'fees.status',
  'receipts.get',
  'receipts.list',
  'receipts.dailyReport',
  'receipts.settings',
  'printers.list',
  'printers.status',
  // A picture of the test page: nothing printed, no personal data.
  'printers.preview',
  'printing.jobs',
  'printing.render',
  'printing.formValues',
  'scanners.list',
  'scanning.session',
  'scanning.settings',
  'auth.session',
  'auth.signIn',
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.touch',
]);

const SUPERVISOR: ReadonlySet<string> = new Set([
  // Re-enrolling could point the counter at another server (and its clerk list).
  'sync.enroll',
  // A new credential: the old one stops working (IT does this after a counter PC changed hands).
  'sync.rotateCredential',
  // The counter's identity, agency code and slot (its dossier codes), server address and idle lock.
  'settings.update',
  // The centre's values, fees, receipt series and signer, printers and scanners: configuration.
  'printing.setFormValues',
  'fees.setSettings',
  'receipts.setSettings',
  'printers.save',
  'scanning.updateSettings',
  // Trusting a scanner's certificate is the step before configuring it (it reaches any https address the supervisor names).
  'scanners.inspectCertificate',
  // Undoing what a clerk did.
  'receipts.cancel',
  'receipts.replace',
  'dossiers.reopen',
]);

export function accessFor(method: string): MethodAccess {
  if (OPEN.has(method)) return 'open';
  if (SUPERVISOR.has(method)) return 'supervisor';
  return 'clerk';
}

/** Methods named here that the contract does not have yet (a contract test keeps this honest). */
export const PLANNED_METHODS: readonly string[] = [];
export const EXPLICIT_ACCESS: Readonly<Record<string, MethodAccess>> = Object.fromEntries([
  ...[...OPEN].map((method) => [method, 'open'] as const),
  ...[...SUPERVISOR].map((method) => [method, 'supervisor'] as const),
]);
