import type { z } from 'zod';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { ReusableDocumentSchema } from '../../../shared/contract/scanning.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { documentsOfOwner, findDocument } from './repo.ts';

export type ReusableDocument = z.infer<typeof ReusableDocumentSchema>;

/**
 * The central server's documents for a citizen. The server has no such endpoint yet (docs/SCANNING.md), so
 * the core is wired with none and answers `serverAsked: false`; a source returns null when it cannot ask.
 */
export type ReusableSource = (idNumber: string) => Promise<ReusableDocument[] | null>;

/**
 * Papers digitised for this ID number on this counter: every dossier paper a document of that owner is
 * linked to, newest first; then the server's, for papers this counter never held (or already removed).
 */
export async function findReusableLocal(db: CounterDatabase, idNumber: string, dossier: (id: string) => Dossier, server: ReusableSource | undefined): Promise<{ documents: ReusableDocument[]; serverAsked: boolean }> {
  const documents: ReusableDocument[] = [];
  for (const sha256 of documentsOfOwner(db, idNumber)) {
    const document = findDocument(db, sha256);
    if (!document) continue;
    for (const link of document.links) {
      let held: Dossier;
      try {
        held = dossier(link.dossierId);
      } catch {
        continue;
      }
      // The owner is whoever the dossier names: a document linked to someone else's dossier is not listed.
      if (held.applicant.idNumber !== idNumber) continue;
      documents.push({
        sha256,
        origin: 'counter',
        paperName: held.papers[link.paperIndex]?.name ?? '',
        dossierId: held.id,
        dossierCode: held.code,
        createdAt: document.createdAt,
        pages: document.pages,
        onCounter: document.removedAt === null,
      });
    }
  }
  const fromServer = server ? await server(idNumber).catch(() => null) : null;
  const known = new Set(documents.map((item) => item.sha256));
  for (const item of fromServer ?? []) if (!known.has(item.sha256)) documents.push({ ...item, origin: 'server', onCounter: false });
  return { documents, serverAsked: fromServer !== null };
}
