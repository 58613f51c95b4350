import { PrinterProfileSchema, type PrinterProfile } from '../../../shared/contract/printing.ts';

/** What the printer form holds: strings as typed, so a half-typed port is not lost to a number conversion. */
export type PrinterDraft = Readonly<{
  id: string;
  name: string;
  kind: 'tcp' | 'device' | 'os';
  host: string;
  port: string;
  path: string;
  queue: string;
  paper: PrinterProfile['paper'];
  mode: PrinterProfile['mode'];
  cashDrawer: PrinterProfile['cashDrawer'];
  cut: boolean;
  statusCheck: boolean;
  isDefault: boolean;
}>;

export type PrinterField = 'id' | 'name' | 'host' | 'port' | 'path' | 'queue';

export const EMPTY_PRINTER_DRAFT: PrinterDraft = {
  id: '',
  name: '',
  kind: 'tcp',
  host: '',
  port: '9100',
  path: '',
  queue: '',
  paper: '80mm',
  mode: 'raster',
  cashDrawer: 'none',
  cut: true,
  statusCheck: true,
  isDefault: false,
};

export function draftFromProfile(profile: PrinterProfile): PrinterDraft {
  const { connection } = profile;
  return {
    ...EMPTY_PRINTER_DRAFT,
    id: profile.id,
    name: profile.name,
    kind: connection.kind,
    host: connection.kind === 'tcp' ? connection.host : '',
    port: connection.kind === 'tcp' ? String(connection.port) : '9100',
    path: connection.kind === 'device' ? connection.path : '',
    queue: connection.kind === 'os' ? connection.queue : '',
    paper: profile.paper,
    mode: profile.mode,
    cashDrawer: profile.cashDrawer,
    cut: profile.cut,
    statusCheck: profile.statusCheck,
    isDefault: profile.isDefault,
  };
}

/** A printer id from its name: "Máy in quầy 2" → "may-in-quay-2" (the id is what print jobs refer to). */
export function idFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** Checked with the contract's own schema; each problem is named by the form field that holds it. */
export function checkPrinterDraft(draft: PrinterDraft): { profile: PrinterProfile; problems: readonly PrinterField[] } | { profile: null; problems: readonly PrinterField[] } {
  const port = /^\d{1,5}$/.test(draft.port.trim()) ? Number(draft.port.trim()) : Number.NaN;
  const connection = draft.kind === 'tcp' ? { kind: 'tcp', host: draft.host, port } : draft.kind === 'device' ? { kind: 'device', path: draft.path } : { kind: 'os', queue: draft.queue };
  const parsed = PrinterProfileSchema.safeParse({
    id: draft.id.trim(),
    name: draft.name,
    connection,
    paper: draft.paper,
    mode: draft.mode,
    cut: draft.cut,
    cashDrawer: draft.cashDrawer,
    statusCheck: draft.statusCheck,
    isDefault: draft.isDefault,
  });
  if (parsed.success) return { profile: parsed.data, problems: [] };
  const problems = new Set<PrinterField>();
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'id' || first === 'name') problems.add(first);
    else if (first === 'connection' && (second === 'host' || second === 'port' || second === 'path' || second === 'queue')) problems.add(second);
  }
  return { profile: null, problems: [...problems] };
}
