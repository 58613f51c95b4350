import type { DocumentInfo, ScanMode } from '../../../../shared/contract/scanning.ts';
import type { CoreClient } from '../../../core-client/core-client.ts';

/** Bytes → base64 without one giant string argument (spread limits) for a chunk of up to 32 KiB. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 8192) binary += String.fromCharCode(...bytes.subarray(offset, offset + 8192));
  return btoa(binary);
}

export type SendProgress = Readonly<{ sentBytes: number; totalBytes: number }>;

/**
 * Files the clerk picked or dropped → one document for the paper. The browser has no path to hand over, so
 * the bytes go through the contract in chunks (`documents.upload*`); the core refuses a file over the size
 * limit before any byte is sent, then sniffs and checks the content exactly as for a file in an import
 * folder. Nothing is kept unless the whole import succeeds.
 */
export async function sendFiles(core: CoreClient, files: readonly File[], target: Readonly<{ dossierId: string; paperIndex: number; mode?: ScanMode }>, onProgress?: (progress: SendProgress) => void): Promise<DocumentInfo> {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let sentBytes = 0;
  const uploadIds: string[] = [];
  for (const file of files) {
    const { uploadId, chunkBytes } = await core.call('documents.uploadStart', { size: file.size });
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      await core.call('documents.uploadChunk', { uploadId, offset, data: toBase64(bytes) });
      sentBytes += bytes.length;
      onProgress?.({ sentBytes, totalBytes });
    }
    uploadIds.push(uploadId);
  }
  return core.call('documents.uploadFinish', { uploadIds, dossierId: target.dossierId, paperIndex: target.paperIndex, mode: target.mode ?? 'grey' });
}
