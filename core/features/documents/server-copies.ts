import { CENTRAL_PATHS, DocumentSearchResponseSchema, type ServerDocument } from '../../../shared/contract/central-api.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { CentralClient, CentralFailure } from '../sync/central-client.ts';
import { sha256Of } from './store.ts';

/** How long a clerk waits for the server's list before the counter's own is shown alone. */
const SEARCH_TIMEOUT_MS = 3_000;
/** A whole document (≤ the import cap of 100 MB by default) over a slow commune link. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The central server as the documents feature sees it: null when this counter is not enrolled. */
export type CentralAccess = () => CentralClient | null;

/**
 * A citizen's scans held by the central server for this counter's agency (docs/SCANNING.md, "Reuse"): listed
 * by ID number (sent in a POST body, never in a URL), and fetched by SHA-256 when a clerk attaches one this
 * counter does not hold. What was listed last is remembered (sha → the server's dossier), so an attach can
 * record which dossier the paper was reused from.
 */
export function createServerCopies(central: CentralAccess) {
  const listed = new Map<string, ServerDocument>();

  function failureError(failure: CentralFailure): CoreError {
    if (failure.kind === 'refused') return new CoreError('credential-refused', failure.message);
    if (failure.kind === 'retry') return new CoreError(failure.problem === 'server-unreachable' ? 'server-unreachable' : 'server-error', failure.message);
    return failure.status === 404 ? new CoreError('not-found', 'The central server holds no such document for this agency') : new CoreError('server-error', failure.message);
  }

  return {
    /** The server's list for this ID number, or null when it was not asked or did not answer (offline). */
    async search(idNumber: string): Promise<ServerDocument[] | null> {
      const client = central();
      if (client === null) return null;
      const answer = await client.call({ method: 'POST', path: CENTRAL_PATHS.documentSearch, body: { idNumber }, timeoutMs: SEARCH_TIMEOUT_MS }, DocumentSearchResponseSchema);
      if (!answer.ok) return null;
      if (listed.size > 1000) listed.clear();
      for (const item of answer.value.documents) listed.set(item.sha256, item);
      return answer.value.documents;
    },

    /** Where the server said this document came from, when it listed it since the counter started. */
    listedAs: (sha256: string): ServerDocument | undefined => listed.get(sha256),

    /** The document's bytes from the server, checked against their SHA-256 (a wrong byte is never kept). */
    async download(sha256: string): Promise<Buffer> {
      const client = central();
      // Not enrolled: there is nowhere else to look.
      if (client === null) throw new CoreError('not-found', 'No such document on this counter');
      const answer = await client.download(`${CENTRAL_PATHS.uploads}/${sha256}`, DOWNLOAD_TIMEOUT_MS);
      if (!answer.ok) throw failureError(answer.failure);
      const bytes = Buffer.from(answer.value);
      if (sha256Of(bytes) !== sha256) throw new CoreError('server-error', 'The document from the server does not match its SHA-256; nothing was kept');
      return bytes;
    },
  };
}

export type ServerCopies = ReturnType<typeof createServerCopies>;
