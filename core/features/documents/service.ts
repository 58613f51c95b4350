import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_SCANNING_SETTINGS, ScanningSettingsSchema, type DocumentInfo, type DocumentPage, type DocumentsEditPagesInput, type ScanMode, type ScanningSettings } from '../../../shared/contract/scanning.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { Storage } from '../../app/storage.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { DossierService } from '../dossiers/service.ts';
import type { NormalisedPage } from '../scanning/pipeline/normalise.ts';
import { assemblePdf } from './assemble-pdf.ts';
import { editPdf } from './edit-pages.ts';
import { importFiles } from './import-files.ts';
import { readPdfPages, thumbnailOf } from './page-images.ts';
import * as repo from './repo.ts';
import { findReusableLocal } from './reuse.ts';
import { createServerCopies, type CentralAccess } from './server-copies.ts';
import { documentPath, removeDocumentFile, storeDocument } from './store.ts';
import { createUploads } from './uploads.ts';

export type PaperTarget = Readonly<{ dossierId?: string | undefined; paperIndex?: number | undefined }>;

export type DocumentsServiceOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** Bound late: the dossier service is made after this one. */
  dossiers: () => Pick<DossierService, 'get' | 'attachScan'>;
  /** The central server (reuse across counters: search by ID number, download on attach); none in some tests. */
  central?: CentralAccess;
}>;

export type DocumentsService = ReturnType<typeof createDocumentsService>;

/** Where a clerk may drop files to import besides the configured folders. */
export const importDropFolder = (dataDir: string) => path.join(dataDir, 'import');

export function createDocumentsService(options: DocumentsServiceOptions) {
  const { storage, clock, dataDir } = options;
  // Stored in the +07:00 form dossiers use: one offset, so text order is time order (retention compares them).
  const nowIso = () => toVietnamIso(clock.now());
  const uploads = createUploads(dataDir, () => clock.now().getTime());
  const serverCopies = createServerCopies(options.central ?? (() => null));

  function settings(): ScanningSettings {
    const stored = ScanningSettingsSchema.partial().safeParse(repo.readScanningSettings(storage.db()) ?? {});
    return { ...DEFAULT_SCANNING_SETTINGS, ...(stored.success ? stored.data : {}) };
  }

  function get(sha256: string): DocumentInfo {
    const found = repo.findDocument(storage.db(), sha256);
    if (!found) throw new CoreError('not-found', 'No such document on this counter');
    return found;
  }

  /**
   * Links the paper in the dossier's own transaction (audit entry, new snapshot for the server); a document
   * made for another dossier is recorded as reused. `fresh` is a new document's row, inserted in the same
   * transaction, so a failed link leaves no row behind.
   */
  function link(dossierId: string, paperIndex: number, sha256: string, fresh: repo.NewDocument | null, fromServerDossier: string | null = null): { reused: boolean; dossierVersion: number } {
    const existing = fresh === null ? get(sha256) : repo.findDocument(storage.db(), sha256);
    const reusedFrom = existing?.links.find((other) => other.dossierId !== dossierId)?.dossierId ?? (fromServerDossier !== dossierId ? fromServerDossier : null);
    const dossier = options.dossiers().attachScan(dossierId, paperIndex, sha256, reusedFrom === null ? {} : { reusedFromDossierId: reusedFrom }, (db, current) => {
      if (fresh !== null) repo.insertDocument(db, fresh);
      repo.linkDocument(db, { dossierId, paperIndex, sha256, linkedAt: nowIso(), reusedFromDossierId: reusedFrom, ownerIdNumber: current.applicant.idNumber ?? null });
    });
    return { reused: reusedFrom !== null, dossierVersion: dossier.version };
  }

  /** Stores a finished PDF, linked to the paper when one is named; on any failure nothing new is left behind. */
  function keep(bytes: Buffer, meta: Readonly<{ pages: number; source: 'scan' | 'import'; blankPages: number[] }>, target: PaperTarget): DocumentInfo {
    const stored = storeDocument(dataDir, bytes);
    const fresh: repo.NewDocument = { sha256: stored.sha256, size: bytes.length, pages: meta.pages, source: meta.source, blankPages: meta.blankPages, createdAt: nowIso() };
    try {
      if (target.dossierId === undefined) repo.insertDocument(storage.db(), fresh);
      else link(target.dossierId, target.paperIndex ?? 0, stored.sha256, fresh);
    } catch (error) {
      if (stored.created && !repo.findDocument(storage.db(), stored.sha256)) removeDocumentFile(dataDir, stored.sha256);
      throw error;
    }
    return get(stored.sha256);
  }

  /**
   * Reuse of a paper digitised at another counter of the agency: the file comes from the central server
   * (verified against its SHA-256), is stored like any document, and is linked in the dossier's transaction.
   * The paper is checked before anything is fetched; on any failure nothing new is left behind. The upload
   * step later tells the server about this dossier's use of it (`POST uploads` answers `complete` at once).
   */
  async function attachFromServer(dossierId: string, paperIndex: number, sha256: string): Promise<{ reused: boolean; dossierVersion: number }> {
    const papers = options.dossiers().get(dossierId).papers.length;
    if (paperIndex >= papers) throw new CoreError('invalid-input', `The dossier has ${papers} papers; there is no paper ${paperIndex}`, { papers });
    const bytes = await serverCopies.download(sha256);
    let pdf: PDFDocument;
    try {
      pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    } catch {
      throw new CoreError('file-corrupt', 'The document from the server is not a readable PDF; nothing was kept');
    }
    const stored = storeDocument(dataDir, bytes);
    // Our own PDFs carry the title they were made with; any other PDF counts as a scan made elsewhere.
    const fresh: repo.NewDocument = { sha256, size: bytes.length, pages: pdf.getPageCount(), source: pdf.getTitle() === 'Tài liệu nhập' ? 'import' : 'scan', blankPages: [], createdAt: nowIso() };
    try {
      return link(dossierId, paperIndex, sha256, fresh, serverCopies.listedAs(sha256)?.dossierId ?? null);
    } catch (error) {
      if (stored.created && !repo.findDocument(storage.db(), stored.sha256)) removeDocumentFile(dataDir, stored.sha256);
      throw error;
    }
  }

  /** A stored document's bytes; `not-found` when it left the counter (retention) or its file is gone. */
  function readDocument(sha256: string): { bytes: Buffer; info: DocumentInfo } {
    const info = get(sha256);
    const file = documentPath(dataDir, sha256);
    if (info.removedAt !== null || !fs.existsSync(file)) throw new CoreError('not-found', 'The document is no longer on this counter (the server holds it)');
    return { bytes: fs.readFileSync(file), info };
  }

  async function importPaths(paths: readonly string[], roots: readonly string[], target: PaperTarget, mode: ScanMode): Promise<DocumentInfo> {
    const current = settings();
    // Imported images are cut and levelled as a flatbed scan is (a scan saved by another program, a photo of a paper).
    const geometry = { deskew: current.deskew, autoCrop: current.autoCrop };
    const imported = await importFiles(paths, roots, { maxFileBytes: current.maxFileMb * 1024 * 1024, maxPages: current.maxPages }, mode, geometry);
    if (imported.kind === 'pdf') return keep(imported.bytes, { pages: imported.pages, source: 'import', blankPages: [] }, target);
    return keepPages(imported.pages, 'import', target);
  }

  /** Scanned (or imported) pages → one PDF/A-2b, stored and linked. */
  async function keepPages(pages: readonly NormalisedPage[], source: 'scan' | 'import', target: PaperTarget): Promise<DocumentInfo> {
    const bytes = await assemblePdf(pages, clock.now(), source === 'scan' ? 'Bản quét' : 'Tài liệu nhập');
    const blankPages = pages.flatMap((page, index) => (page.blank ? [index + 1] : []));
    return keep(bytes, { pages: pages.length, source, blankPages }, target);
  }

  return {
    settings,
    updateSettings(patch: Partial<ScanningSettings>): ScanningSettings {
      const next = ScanningSettingsSchema.parse({ ...settings(), ...patch });
      repo.writeScanningSettings(storage.db(), next, nowIso());
      return next;
    },
    get,
    /** Fails fast (before a scan starts) when the dossier or its paper does not exist. */
    checkTarget(target: PaperTarget): void {
      if (target.dossierId === undefined) return;
      const papers = options.dossiers().get(target.dossierId).papers.length;
      if ((target.paperIndex ?? 0) >= papers) throw new CoreError('invalid-input', `The dossier has ${papers} papers; there is no paper ${target.paperIndex ?? 0}`, { papers });
    },
    /** Links a document this counter holds (or held: the server keeps removed files); else fetches it first. */
    async attach(dossierId: string, paperIndex: number, sha256: string) {
      const held = repo.findDocument(storage.db(), sha256) !== null;
      const { reused, dossierVersion } = held ? link(dossierId, paperIndex, sha256, null) : await attachFromServer(dossierId, paperIndex, sha256);
      return { document: get(sha256), reused, dossierVersion };
    },

    keepPages,

    import(paths: readonly string[], target: PaperTarget, mode: ScanMode = 'grey'): Promise<DocumentInfo> {
      return importPaths(paths, [importDropFolder(dataDir), ...settings().importFolders], target, mode);
    },
    uploadStart: (size: number) => uploads.start(size, settings().maxFileMb * 1024 * 1024),
    uploadChunk: (uploadId: string, offset: number, data: string) => uploads.chunk(uploadId, offset, data),
    /** The files sent are imported like files from an import folder (same checks), then removed whatever happened. */
    async uploadFinish(uploadIds: readonly string[], target: PaperTarget, mode: ScanMode = 'grey'): Promise<DocumentInfo> {
      const { paths, release } = uploads.take(uploadIds);
      try {
        return await importPaths(paths, [uploads.root], target, mode);
      } finally {
        release();
      }
    },
    /** Every page with a small picture of it as shown; pages that are not one picture have none. */
    async pages(sha256: string): Promise<{ sha256: string; pages: DocumentPage[] }> {
      const { bytes, info } = readDocument(sha256);
      const { pages } = await readPdfPages(bytes);
      const out: DocumentPage[] = [];
      for (const [index, page] of pages.entries()) {
        const thumbnail = page.image ? await thumbnailOf(page.image).catch(() => null) : null;
        out.push({ index, widthPt: page.widthPt, heightPt: page.heightPt, rotate: page.rotate, blank: info.blankPages.includes(index + 1), thumbnail });
      }
      return { sha256, pages: out };
    },
    /**
     * A new document from the paper's current one (pages kept, turned, reordered, appended from another),
     * stored, then linked to the paper in the dossier's transaction. The old document is not touched: other
     * dossiers reusing it keep it, and once nothing links it the retention sweep removes its file. Any
     * failure before the link leaves the paper on the old document and no new file behind.
     */
    async editPages(input: DocumentsEditPagesInput): Promise<DocumentInfo> {
      const paper = options.dossiers().get(input.dossierId).papers[input.paperIndex];
      if (!paper) throw new CoreError('invalid-input', `The dossier has no paper ${input.paperIndex}`);
      if (paper.scanSha256 !== input.sha256) throw new CoreError('conflict', 'The paper holds another document now; look at its pages again');
      const original = get(input.sha256);
      const edited = await editPdf(
        (sha256) => {
          const { bytes, info } = readDocument(sha256);
          return { bytes, blankPages: info.blankPages };
        },
        input,
        clock.now(),
        original.source === 'scan' ? 'Bản quét' : 'Tài liệu nhập',
        settings().maxPages,
      );
      return keep(edited.bytes, { pages: edited.pages, source: original.source, blankPages: edited.blankPages }, { dossierId: input.dossierId, paperIndex: input.paperIndex });
    },

    findReusable: (idNumber: string) => findReusableLocal(storage.db(), idNumber, (id) => options.dossiers().get(id), (id) => serverCopies.search(id)),

    // The sync upload step (core/features/sync/upload-scans.ts) works through these.
    uploadQueue: (limit: number) => repo.uploadCandidates(storage.db(), nowIso(), limit),
    uploadRetry(sha256: string, attempts: number, delayMs: number, error: string): void {
      repo.scheduleUploadRetry(storage.db(), sha256, attempts, toVietnamIso(new Date(clock.now().getTime() + delayMs)), error);
    },
    uploadConfirmed: (sha256: string) => repo.markConfirmed(storage.db(), sha256, nowIso()),
    makeDue: () => repo.makeUploadsDue(storage.db()),
    waiting: () => repo.countWaitingUploads(storage.db()),

    /** For the sync upload step: the file of a document, or null when it is gone. */
    fileOf(sha256: string): string | null {
      const file = documentPath(dataDir, sha256);
      return fs.existsSync(file) ? file : null;
    },

    /** Files confirmed by the server more than `retentionDays` ago leave the counter (their rows stay). */
    applyRetention(): number {
      const days = settings().retentionDays;
      const cutoff = toVietnamIso(new Date(clock.now().getTime() - days * 86_400_000));
      const db = storage.db();
      // Confirmed by the server, or linked to no paper any more (an edit or a new scan replaced it) and older
      // than the retention: the server never needs the latter (the dossier's snapshot names the new one).
      const due = [...new Set([...repo.dueForRemoval(db, cutoff), ...repo.unlinkedBefore(db, cutoff)])];
      for (const sha256 of due) {
        removeDocumentFile(dataDir, sha256);
        repo.markRemoved(db, sha256, nowIso());
      }
      if (due.length > 0) options.logger.info('scans removed after retention', { count: due.length, days });
      return due.length;
    },
  };
}
