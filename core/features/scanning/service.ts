import fs from 'node:fs';
import type { ScannerInfo, ScanProgress, ScanStartInput } from '../../../shared/contract/scanning.ts';
import type { Logger } from '../../ports/logger.ts';
import { uuidv7 } from '../../ports/ids.ts';
import { ScannerError, type ScannerBackend } from '../../ports/scanner.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { DocumentsService } from '../documents/service.ts';
import { makeScratchDir } from '../documents/store.ts';
import type { NormalisedPage } from './pipeline/normalise.ts';
import { preparePages } from './pipeline/pages.ts';

export type ScanningServiceOptions = Readonly<{
  backends: readonly ScannerBackend[];
  documents: DocumentsService;
  bus: EventBus;
  logger: Logger;
  dataDir: string;
}>;

type Session = { progress: ScanProgress; controller: AbortController; scannerId: string; done: Promise<void> };

/** Pages whose JPEG encoding may run at once: each holds ~50 MB of pixels at 300 dpi A4, so memory stays bounded. */
const MAX_ENCODING = 3;

/** Sessions kept for `scanning.session` after they ended (the newest ones). */
const KEPT_SESSIONS = 50;

function splitId(scannerId: string, backends: readonly ScannerBackend[]): { backend: ScannerBackend; device: string } {
  const colon = scannerId.indexOf(':');
  const backend = backends.find((candidate) => candidate.kind === scannerId.slice(0, colon));
  if (colon < 1 || !backend) throw new CoreError('scanner-not-found', `No scanner ${scannerId.slice(0, 100)}`);
  return { backend, device: scannerId.slice(colon + 1) };
}

function toCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  if (error instanceof ScannerError && error.code !== 'cancelled') return new CoreError(error.code, error.message, error.details);
  return new CoreError('scan-failed', error instanceof Error ? error.message.slice(0, 300) : 'scan failed');
}

export function createScanningService(options: ScanningServiceOptions) {
  const { backends, documents, bus, logger } = options;
  const sessions = new Map<string, Session>();

  function emit(session: Session, change: Partial<ScanProgress>): void {
    session.progress = { sessionId: session.progress.sessionId, state: session.progress.state, pagesDone: session.progress.pagesDone, ...change };
    bus.emit('scanning.progressed', session.progress);
  }

  /**
   * One session: the backend feeds pages into the scratch folder; each is decoded, normalised and flagged as
   * it arrives (a progress event per page); at the end the pages become one PDF, stored and linked. On a
   * failure or a cancel nothing is kept: the pages were only in memory and the scratch folder goes.
   */
  async function run(session: Session, input: ScanStartInput, workDir: string): Promise<void> {
    const { backend, device } = splitId(input.scannerId, backends);
    // Pages in scan order; each one's JPEG encoding may still be running while the next page is decoded.
    const pages: Promise<NormalisedPage>[] = [];
    const encoding = new Set<Promise<unknown>>();
    let pagesDone = 0;
    let reported: Promise<unknown> = Promise.resolve();
    const { maxPages, deskew, autoCrop } = documents.settings();
    // The settings' auto-crop is for the flatbed (the glass is bigger than most papers); a scan may ask either way.
    const geometry = { deskew: input.deskew ?? deskew, autoCrop: input.autoCrop ?? (autoCrop && input.source === 'flatbed') };
    try {
      await backend.scan(device, { source: input.source, duplex: input.duplex, dpi: input.dpi, mode: input.mode, workDir }, async (raw) => {
        for (const prepared of await preparePages(raw, input.mode, maxPages, geometry)) {
          if (pages.length >= maxPages) throw new CoreError('too-many-pages', `More than ${maxPages} pages in one scan`, { limit: maxPages });
          const number = pages.length + 1;
          // Encodings finish in any order; the clerk sees pages reported in scan order (found as a flaky
          // "2, 1, 3" in the SANE test under load).
          const previous = reported;
          const page = prepared.then(async (done) => {
            await previous;
            pagesDone += 1;
            const shaped = { ...(done.deskewedDegrees ? { deskewedDegrees: done.deskewedDegrees } : {}), ...(done.cropped ? { cropped: true } : {}) };
            if (!session.controller.signal.aborted) emit(session, { pagesDone, page: { number, width: done.width, height: done.height, blank: done.blank, bytes: done.bytes.length, ...shaped } });
            return done;
          });
          const settled = page.catch(() => undefined); // awaited below; a failure then fails the session
          encoding.add(settled);
          void settled.then(() => encoding.delete(settled));
          pages.push(page);
          reported = settled;
          // Backpressure: the device waits (scanimage blocks on its pipe) rather than pages piling up in memory.
          while (encoding.size >= MAX_ENCODING) await Promise.race(encoding);
        }
      }, session.controller.signal);
      if (session.controller.signal.aborted) throw new ScannerError('cancelled', 'cancelled');
      const finished = await Promise.all(pages);
      emit(session, { state: 'assembling' });
      const document = await documents.keepPages(finished, 'scan', { dossierId: input.dossierId, paperIndex: input.paperIndex });
      emit(session, { state: 'done', document });
      logger.info('scan stored', { sessionId: session.progress.sessionId, pages: finished.length, bytes: document.size });
    } catch (error) {
      await Promise.allSettled(pages); // no encoding outlives the session
      if (session.controller.signal.aborted) {
        emit(session, { state: 'cancelled' });
        return;
      }
      const failure = toCoreError(error);
      logger.warn('scan failed', { sessionId: session.progress.sessionId, code: failure.code, reason: failure.message.slice(0, 200) });
      emit(session, { state: 'failed', error: { code: failure.code, message: failure.message } });
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  }

  return {
    async list(): Promise<{ scanners: ScannerInfo[]; problems: { backend: ScannerInfo['backend']; message: string }[]; untrusted?: { name: string; url: string }[] }> {
      const results = await Promise.allSettled(backends.map((backend) => backend.list()));
      const scanners: ScannerInfo[] = [];
      const problems: { backend: ScannerInfo['backend']; message: string }[] = [];
      results.forEach((result, index) => {
        const kind = backends[index]!.kind;
        if (result.status === 'fulfilled') scanners.push(...result.value.map((scanner) => ({ ...scanner, id: `${kind}:${scanner.id}` })));
        else problems.push({ backend: kind, message: result.reason instanceof Error ? result.reason.message.slice(0, 300) : 'failed' });
      });
      const untrusted = backends.flatMap((backend) => backend.untrusted?.() ?? []);
      return { scanners, problems, ...(untrusted.length > 0 ? { untrusted } : {}) };
    },

    async test(scannerId: string): Promise<{ scanner: ScannerInfo; answeredInMs: number }> {
      const { backend, device } = splitId(scannerId, backends);
      const started = performance.now();
      try {
        const scanner = await backend.describe(device);
        return { scanner: { ...scanner, id: scannerId }, answeredInMs: Math.round(performance.now() - started) };
      } catch (error) {
        throw toCoreError(error);
      }
    },

    start(input: ScanStartInput): { sessionId: string } {
      splitId(input.scannerId, backends);
      documents.checkTarget({ dossierId: input.dossierId, paperIndex: input.paperIndex });
      for (const other of sessions.values()) {
        if (other.scannerId === input.scannerId && (other.progress.state === 'scanning' || other.progress.state === 'assembling')) {
          throw new CoreError('scanner-busy', 'This scanner is already scanning at this counter', { sessionId: other.progress.sessionId });
        }
      }
      const sessionId = uuidv7();
      const session: Session = { progress: { sessionId, state: 'scanning', pagesDone: 0 }, controller: new AbortController(), scannerId: input.scannerId, done: Promise.resolve() };
      sessions.set(sessionId, session);
      for (const id of [...sessions.keys()].slice(0, Math.max(0, sessions.size - KEPT_SESSIONS))) sessions.delete(id);
      const workDir = makeScratchDir(options.dataDir, 'scan');
      bus.emit('scanning.progressed', session.progress);
      session.done = run(session, input, workDir);
      return { sessionId };
    },

    cancel(sessionId: string): { cancelled: boolean } {
      const session = sessions.get(sessionId);
      if (!session) throw new CoreError('not-found', 'No such scan session');
      if (session.progress.state !== 'scanning' && session.progress.state !== 'assembling') return { cancelled: false };
      session.controller.abort();
      return { cancelled: true };
    },

    session(sessionId: string): ScanProgress {
      const session = sessions.get(sessionId);
      if (!session) throw new CoreError('not-found', 'No such scan session');
      return session.progress;
    },

    /** Resolves when the session has ended (tests, benchmarks, shutdown). */
    finished: (sessionId: string): Promise<void> => sessions.get(sessionId)?.done ?? Promise.resolve(),

    stop(): void {
      for (const session of sessions.values()) session.controller.abort();
    },
  };
}

export type ScanningService = ReturnType<typeof createScanningService>;
