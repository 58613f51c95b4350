// `npm run bench [-- --dossiers N]`: figures for speed and size. It prints; it asserts nothing (tests never
// assert times). The dossier part builds N dossiers (default 1 000 000) in a temporary file first.
import { parseArgs } from 'node:util';
import { benchDossiers } from './bench/dossiers.ts';
import { benchFoundation } from './bench/foundation.ts';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, only: { type: 'string' } } });
if (values.only !== 'dossiers') {
  console.log('# foundation');
  await benchFoundation();
}
if (values.only !== 'foundation') {
  console.log(`\n# dossiers`);
  await benchDossiers(Number(values.dossiers));
}
