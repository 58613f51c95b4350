import type { viScan } from './scan.vi.ts';

/** English for `scan.vi.ts`: the same keys, checked by the type. */
export const enScan: Readonly<Record<keyof typeof viScan, string>> = {
  'scan.heading': 'Digitise the papers',
  'scan.scanner': 'Scanner',
  'scan.noScanner': 'No scanner yet. IT sets scanners up in the settings.',
  'scan.loading': 'Looking for scanners…',
  'scan.start': 'Scan',
  'scan.rescan': 'Scan again',
  'scan.cancel': 'Stop scanning',
  'scan.notYet': 'Not digitised',
  'scan.linked': 'Digitised',
  'scan.scanning': 'Scanning: {pages} pages received',
  'scan.assembling': 'Putting {pages} pages into one PDF…',
  'scan.done': 'Digitised: {pages} pages',
  'scan.blank': '{count} pages look blank (page {list}): check them.',
  'scan.cancelled': 'Scanning stopped; no page was kept.',
};
