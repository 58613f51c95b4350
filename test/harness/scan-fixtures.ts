import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Core, CoreOptions } from '../../core/app/create-core.ts';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import type { DocumentInfo, ScanProgress } from '../../shared/contract/scanning.ts';
import { callCore as call } from './central-fixture.ts';
import { createTestCore } from './test-core.ts';

export const SCAN_APPLICANT = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '001090012345' } as const;

export { call };

/** The error code (and the contract's bilingual message exists for it) of a call expected to fail. */
export async function failure(core: Core, method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** A configured counter core with scanning backends of the test's choosing. */
export async function scanningCore(dataDir: string, overrides: Partial<CoreOptions> = {}): Promise<Core> {
  const core = createTestCore(dataDir, overrides);
  await call(core, 'settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
  return core;
}

export function intakeWithPapers(core: Core, applicant: Readonly<Record<string, unknown>> = SCAN_APPLICANT): Promise<Dossier> {
  return call<Dossier>(core, 'dossiers.intake', {
    procedureCode: '1.001193',
    applicant,
    papers: [
      { name: 'Giấy chứng sinh', form: 'original', count: 1 },
      { name: 'Căn cước của người đi khai sinh', form: 'copy', count: 1 },
    ],
  });
}

/** Starts a scan and collects its progress events until it ends. */
export async function scanToEnd(core: Core, input: Readonly<Record<string, unknown>>, onEvent?: (event: ScanProgress, sessionId: string) => void): Promise<{ final: ScanProgress; events: ScanProgress[] }> {
  const events: ScanProgress[] = [];
  let sessionId = '';
  const unsubscribe = core.subscribe('scanning.progressed', (event) => {
    events.push(event);
    if (sessionId && event.sessionId === sessionId) onEvent?.(event, sessionId);
  });
  try {
    ({ sessionId } = await call<{ sessionId: string }>(core, 'scanning.start', input));
    await core.scanning.finished(sessionId);
    return { final: await call<ScanProgress>(core, 'scanning.session', { sessionId }), events: events.filter((event) => event.sessionId === sessionId) };
  } finally {
    unsubscribe();
  }
}

export function documentFile(dataDir: string, document: Pick<DocumentInfo, 'sha256'>): string {
  return path.join(dataDir, 'documents', document.sha256.slice(0, 2), `${document.sha256}.pdf`);
}

/** Every file under DATA/documents and DATA/tmp: what a failed or cancelled scan must not leave. */
export function storedFiles(dataDir: string): string[] {
  const found: string[] = [];
  for (const root of ['documents', 'tmp']) {
    const dir = path.join(dataDir, root);
    if (fs.existsSync(dir)) for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

/** `qpdf --check` (structure, xref, streams) and the page count poppler reads. */
export function checkPdf(file: string): { qpdfOk: boolean; pages: number } {
  let qpdfOk = true;
  try {
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
  } catch {
    qpdfOk = false;
  }
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { qpdfOk, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0) };
}
