import type { viDevices } from './devices.vi.ts';

/** English for `devices.vi.ts`: the same keys, checked by the type. */
export const enDevices: Readonly<Record<keyof typeof viDevices, string>> = {
  'devices.heading': 'Printer and scanner',
  'devices.refresh': 'Check again',
  'devices.checking': 'Checking…',
  'devices.checkedAt': 'Checked at {time}',
  'devices.loadFailed': 'Could not check: {reason}',

  'devices.printer.label': 'Slip printer',
  'devices.printer.state.ready': 'Ready',
  'devices.printer.state.paper-out': 'Out of paper',
  'devices.printer.state.cover-open': 'Cover open',
  'devices.printer.state.offline': 'Printer paused',
  'devices.printer.state.error': 'Printer error',
  'devices.printer.state.no-answer': 'State unknown',
  'devices.printer.state.unreachable': 'Cannot be reached',
  'devices.printer.state.not-set-up': 'Not set up',
  'devices.printer.hint.paperNearEnd': 'The paper roll is nearly finished: change it between two citizens.',
  'devices.printer.hint.paper-out': 'Load a new paper roll: waiting slips then print by themselves. Press “Check again” to see the new state.',
  'devices.printer.hint.cover-open': 'Close the printer cover firmly, then press “Check again”.',
  'devices.printer.hint.offline': 'The printer has paused (usually paper out or cover open): check the printer.',
  'devices.printer.hint.error': 'Switch the printer off and on again; if the error stays, call IT.',
  'devices.printer.hint.no-answer': 'The printer does not answer status requests (many do not); slips are still sent to it.',
  'devices.printer.hint.unreachable': 'Check the printer’s power and network cable; if it still fails, call IT.',
  'devices.printer.hint.not-set-up': 'No default slip printer yet. IT sets printers up in the settings.',

  'devices.scanner.label': 'Scanner',
  'devices.scanner.state.present': 'Connected',
  'devices.scanner.state.unavailable': 'Not found',
  'devices.scanner.state.not-set-up': 'Not set up',
  'devices.scanner.hint.unavailable': 'The scanners could not be asked: check the cable and power, or call IT.',
  'devices.scanner.hint.not-set-up': 'No scanner yet. IT sets scanners up in the settings.',
};
