import type { HostKind } from '../../app/create-core.ts';
import type { Storage } from '../../app/storage.ts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import type { SettingsService } from '../settings/service.ts';
import type { SyncService } from '../sync/service.ts';
import { describeContract } from './describe.ts';
import { checkDatabase, checkDataFolder, checkFreeSpace, checkServer } from './doctor.ts';

export type SystemContext = Readonly<{
  appVersion: string;
  dataDir: string;
  profile: string;
  host: HostKind;
  storage: Storage;
  settings: SettingsService;
  sync: SyncService;
}>;

export function systemHandlers(context: SystemContext) {
  return {
    'system.info': () => ({
      appVersion: context.appVersion,
      dataDir: context.dataDir,
      profile: context.profile,
      databaseFile: context.storage.file,
      schemaVersion: LATEST_SCHEMA_VERSION,
      storage: context.storage.state(),
      runtime: { host: context.host, node: process.versions.node, platform: process.platform },
    }),
    'system.describe': () => describeContract(),
    'system.doctor': async () => ({
      checks: [
        checkDataFolder(context.dataDir),
        checkFreeSpace(context.dataDir),
        checkDatabase(context.storage),
        await checkServer(context.settings.get().serverUrl, context.sync),
      ],
    }),
  } satisfies Partial<Handlers>;
}
