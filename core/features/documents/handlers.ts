import type { Handlers } from '../../rpc/dispatch.ts';
import type { DocumentsService } from './service.ts';

export function documentsHandlers(documents: DocumentsService) {
  return {
    'documents.import': ({ paths, mode, dossierId, paperIndex }) => documents.import(paths, { dossierId, paperIndex }, mode),
    'documents.attach': ({ dossierId, paperIndex, sha256 }) => documents.attach(dossierId, paperIndex, sha256),
    'documents.findReusable': ({ idNumber }) => documents.findReusable(idNumber),
    'documents.get': ({ sha256 }) => documents.get(sha256),
    'documents.pages': ({ sha256 }) => documents.pages(sha256),
    'documents.editPages': (input) => documents.editPages(input),
    'documents.uploadStart': ({ size }) => documents.uploadStart(size),
    'documents.uploadChunk': ({ uploadId, offset, data }) => documents.uploadChunk(uploadId, offset, data),
    'documents.uploadFinish': ({ uploadIds, mode, dossierId, paperIndex }) => documents.uploadFinish(uploadIds, { dossierId, paperIndex }, mode),
    'scanning.settings': () => documents.settings(),
    'scanning.updateSettings': (patch) => documents.updateSettings(patch),
  } satisfies Partial<Handlers>;
}
