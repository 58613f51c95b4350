import fs from 'node:fs';
import path from 'node:path';
import type { DoctorCheck } from '../../../shared/contract/system.ts';
import type { Storage } from '../../app/storage.ts';
import type { SyncService } from '../sync/service.ts';

const MIN_FREE_BYTES = 1024 ** 3;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes, syncs, reads back and removes a file: what saving a dossier needs from the folder. */
export function checkDataFolder(dataDir: string): DoctorCheck {
  const label = { vi: 'Thư mục dữ liệu ghi được', en: 'Data folder writable' };
  const probe = path.join(dataDir, `.doctor-${process.pid}.tmp`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(probe, 'w', 0o600);
    fs.writeSync(fd, 'doctor');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (fs.readFileSync(probe, 'utf8') !== 'doctor') throw new Error('read back a different content');
    return { id: 'data-folder', status: 'ok', label, detail: dataDir };
  } catch (error) {
    return { id: 'data-folder', status: 'fail', label, detail: `${dataDir}: ${errorText(error)}` };
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

export function checkFreeSpace(dataDir: string): DoctorCheck {
  const label = { vi: 'Dung lượng đĩa còn trống', en: 'Free disk space' };
  try {
    const stats = fs.statfsSync(dataDir);
    const free = stats.bavail * stats.bsize;
    const detail = `${(free / 1024 ** 3).toFixed(1)} GiB free (at least ${MIN_FREE_BYTES / 1024 ** 3} GiB wanted)`;
    return { id: 'disk-space', status: free >= MIN_FREE_BYTES ? 'ok' : 'fail', label, detail };
  } catch (error) {
    return { id: 'disk-space', status: 'fail', label, detail: errorText(error) };
  }
}

/** A full integrity_check (not quick_check): doctor is run by IT, the time is worth it. */
export function checkDatabase(storage: Storage): DoctorCheck {
  const label = { vi: 'Cơ sở dữ liệu của quầy toàn vẹn', en: 'Counter database integrity' };
  const state = storage.state();
  if (state.state === 'unavailable') {
    return { id: 'database', status: 'fail', label, detail: `${state.code}: ${state.message} (${storage.file})` };
  }
  try {
    const db = storage.db();
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    const version = db.pragma('user_version', { simple: true }) as number;
    return problems.length === 0
      ? { id: 'database', status: 'ok', label, detail: `${storage.file} (schema ${version})` }
      : { id: 'database', status: 'fail', label, detail: problems.slice(0, 5).join('; ') };
  } catch (error) {
    return { id: 'database', status: 'fail', label, detail: errorText(error) };
  }
}

export async function checkServer(serverUrl: string | null, sync: SyncService): Promise<DoctorCheck> {
  const label = { vi: 'Kết nối máy chủ một cửa', en: 'Central one-stop server reachable' };
  if (serverUrl === null) {
    return { id: 'server', status: 'fail', label, detail: 'No server address is configured (settings.serverUrl)' };
  }
  const result = await sync.checkConnection();
  return result.state === 'online'
    ? { id: 'server', status: 'ok', label, detail: serverUrl }
    : { id: 'server', status: 'fail', label, detail: `${serverUrl}: ${result.lastError ?? result.state}` };
}
