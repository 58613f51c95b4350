// `npm run bench [-- --dossiers N] [--only foundation|dossiers|sync|printing|scanning]`: figures for speed and size. It prints;
// it asserts nothing (tests never assert times). The dossier part builds N dossiers (default 1 000 000) in a
// temporary file first. The sync part drains `--sync-dossiers` (10 000) to the in-process stand-in, or to a
// real server with `--sync-server URL --sync-code CODE`; `--sync-database postgres` runs the reference server on a
// throwaway PostgreSQL cluster with production durability instead of the embedded PGlite.
import { parseArgs } from 'node:util';
import { benchDossiers } from './bench/dossiers.ts';
import { benchFoundation } from './bench/foundation.ts';
import { benchPrinting } from './bench/printing.ts';
import { benchScanning } from './bench/scanning.ts';
import { benchSync } from './bench/sync.ts';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, only: { type: 'string' }, 'sync-dossiers': { type: 'string', default: '10000' }, 'sync-server': { type: 'string' }, 'sync-code': { type: 'string' }, 'sync-database': { type: 'string', default: 'pglite' } } });
const runs = (part: string) => values.only === undefined || values.only === part;
if (runs('foundation')) {
  console.log('# foundation');
  await benchFoundation();
}
if (runs('dossiers')) {
  console.log(`\n# dossiers`);
  await benchDossiers(Number(values.dossiers));
}
if (runs('sync')) {
  console.log('\n# sync');
  const database = values['sync-database'];
  if (database !== 'pglite' && database !== 'postgres') throw new Error(`--sync-database is pglite or postgres, not ${database}`);
  await benchSync({ dossiers: Number(values['sync-dossiers']), server: values['sync-server'], code: values['sync-code'], database });
}
if (runs('printing')) {
  console.log('\n# printing');
  await benchPrinting();
}
if (runs('scanning')) {
  console.log('\n# scanning');
  await benchScanning();
}
