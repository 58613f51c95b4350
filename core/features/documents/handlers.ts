import type { Handlers } from '../../rpc/dispatch.ts';
import type { DocumentsService } from './service.ts';

export function documentsHandlers(documents: DocumentsService) {
  return {
    'documents.import': ({ paths, mode, dossierId, paperIndex }) => documents.import(paths, { dossierId, paperIndex }, mode),
    'documents.attach': ({ dossierId, paperIndex, sha256 }) => documents.attach(dossierId, paperIndex, sha256),
    'documents.findReusable': ({ idNumber }) => documents.findReusable(idNumber),
    'documents.get': ({ sha256 }) => documents.get(sha256),
    'scanning.settings': () => documents.settings(),
    'scanning.updateSettings': (patch) => documents.updateSettings(patch),
  } satisfies Partial<Handlers>;
}
