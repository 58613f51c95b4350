import type { z } from 'zod';
import type { ServerDocument } from '../../../shared/contract/central-api.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { ReusableDocumentSchema } from '../../../shared/contract/scanning.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { documentsOfOwner, findDocument } from './repo.ts';

export type ReusableDocument = z.infer<typeof ReusableDocumentSchema>;

/**
 * The central server's documents for a citizen, of this counter's agency (`POST documents/search`); null when
 * it could not be asked (not enrolled, offline, no answer in time).
 */
export type ReusableSource = (idNumber: string) => Promise<ServerDocument[] | null>;

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
        onServer: false,
      });
    }
  }
  const fromServer = server ? await server(idNumber).catch(() => null) : null;
  // One entry per document and dossier: the server's copy of a paper this counter lists marks it `onServer`;
  // the others (digitised at another counter of the agency) follow, to be fetched when attached.
  const onServer = new Set((fromServer ?? []).map((item) => item.sha256));
  const merged = documents.map((item) => ({ ...item, onServer: onServer.has(item.sha256) }));
  const known = new Set(documents.map((item) => item.sha256));
  for (const item of fromServer ?? []) {
    if (known.has(item.sha256)) continue;
    known.add(item.sha256);
    merged.push({ sha256: item.sha256, origin: 'server', paperName: item.paperName, dossierId: item.dossierId, dossierCode: item.dossierCode, createdAt: item.createdAt, pages: item.pages, onCounter: false, onServer: true });
  }
  return { documents: merged, serverAsked: fromServer !== null };
}
