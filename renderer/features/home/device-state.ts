import type { Output } from '../../../shared/contract/methods.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Tone } from '../../ui/tone.ts';

export type PrinterStatus = Output<'printers.status'>;
export type PrinterState = PrinterStatus['state'];
export type ScannersList = Output<'scanners.list'>;

/** The default printer as Home last read it: none set up, or its profile name and what it said. */
export type PrinterReading = Readonly<{ kind: 'not-set-up' }> | Readonly<{ kind: 'checked'; name: string; status: PrinterStatus }>;

/** Every state the printer line can show: the contract's answers plus "no default printer". */
export type PrinterLine = PrinterState | 'not-set-up';

export const PRINTER_TONE: Readonly<Record<PrinterLine, Tone>> = {
  ready: 'ok',
  'paper-out': 'danger',
  'cover-open': 'danger',
  offline: 'danger',
  error: 'danger',
  // Many cheap printers ignore status requests on port 9100, and a device file or OS queue cannot answer:
  // not a fault, just nothing known.
  'no-answer': 'neutral',
  unreachable: 'danger',
  'not-set-up': 'neutral',
};

export type DeviceLine = Readonly<{ state: string; tone: Tone; label: MessageKey; hint: MessageKey | null }>;

export function printerLine(reading: PrinterReading): DeviceLine {
  const state: PrinterLine = reading.kind === 'not-set-up' ? 'not-set-up' : reading.status.state;
  // Paper near its end is a warning on an otherwise ready printer: the clerk changes the roll between citizens.
  if (reading.kind === 'checked' && state === 'ready' && reading.status.paperNearEnd) {
    return { state, tone: 'warn', label: 'devices.printer.state.ready', hint: 'devices.printer.hint.paperNearEnd' };
  }
  return { state, tone: PRINTER_TONE[state], label: `devices.printer.state.${state}`, hint: state === 'ready' ? null : `devices.printer.hint.${state}` };
}

/**
 * Scanners: there is no chosen scanner yet (the intake screen picks one per scan), so Home says whether this
 * counter has any. Found ones are "present"; none found while a backend could not be asked is "unavailable"
 * (IT reads why); none at all is "not set up".
 */
export type ScannerLine = DeviceLine & Readonly<{ names: readonly string[]; problems: readonly string[] }>;

export function scannerLine(list: ScannersList): ScannerLine {
  const names = list.scanners.map((scanner) => scanner.name);
  const problems = list.problems.map((problem) => `${problem.backend}: ${problem.message}`);
  if (names.length > 0) return { state: 'present', tone: 'ok', label: 'devices.scanner.state.present', hint: null, names, problems };
  if (problems.length > 0) return { state: 'unavailable', tone: 'warn', label: 'devices.scanner.state.unavailable', hint: 'devices.scanner.hint.unavailable', names, problems };
  return { state: 'not-set-up', tone: 'neutral', label: 'devices.scanner.state.not-set-up', hint: 'devices.scanner.hint.not-set-up', names, problems };
}
