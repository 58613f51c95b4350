import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../adapters/json-logger.ts';
import { createJsonSettingsStore } from '../../adapters/json-settings-store.ts';
import { createEventBus } from '../../rpc/event-bus.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createSettingsService } from './service.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'settings.json');
});
afterEach(() => temp.remove());

function service() {
  return createSettingsService(createJsonSettingsStore(file), createEventBus(silentLogger), silentLogger);
}

describe('settings', () => {
  test('defaults when nothing is saved: Vietnamese, no server', () => {
    expect(service().get()).toEqual({ language: 'vi', counter: { centreName: '', counterName: '', agencyCode: null, slot: null }, serverUrl: null });
  });

  test('an update keeps the other fields and is written to the file', () => {
    service().update({ counter: { centreName: 'UBND phường Hoàn Kiếm' } });
    service().update({ counter: { counterName: 'Quầy 2' }, language: 'en' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ language: 'en', counter: { centreName: 'UBND phường Hoàn Kiếm', counterName: 'Quầy 2', agencyCode: null, slot: null }, serverUrl: null });
  });

  test('a bad hand edit falls back to the default for that part only', () => {
    fs.writeFileSync(file, JSON.stringify({ language: 'klingon', counter: { centreName: 'Trung tâm HCC tỉnh', counterName: 'Quầy 1' }, serverUrl: 'ftp://x' }));
    expect(service().get()).toEqual({ language: 'vi', counter: { centreName: 'Trung tâm HCC tỉnh', counterName: 'Quầy 1', agencyCode: null, slot: null }, serverUrl: null });
  });

  test('a file that is not JSON is kept aside, not deleted, and defaults are used', () => {
    fs.writeFileSync(file, '{ this is not json');
    expect(service().get().language).toBe('vi');
    const kept = fs.readdirSync(temp.dir).filter((name) => name.startsWith('settings.json.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, kept[0]!), 'utf8')).toBe('{ this is not json');
  });
});
