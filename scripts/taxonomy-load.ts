/**
 * `npm run taxonomy:load [-- --no-index]`: loads the ESCO and O*NET skills taxonomy from
 * REFERENCE_DATA_DIR in one transaction (idempotent: re-running changes nothing), then
 * indexes what changed for search unless --no-index.
 */
import { parseArgs } from 'node:util';
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

const { values } = parseArgs({ options: { 'no-index': { type: 'boolean' } } });

const attribution = [
  'This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.',
  'This service uses the ESCO classification of the European Commission.',
];

const n = (value: number) => value.toLocaleString('en');

withAppEnv(async () => {
  const { loadTaxonomy } = await import('@/lib/skills/taxonomy-loader');
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(7);
  const counts = await loadTaxonomy({ onProgress: (message) => process.stderr.write(`${elapsed()}  ${message}\n`) });
  const rate = counts.technologies ? ((100 * counts.technologiesMatchedToEsco) / counts.technologies).toFixed(1) : '0.0';
  const rows: Array<[string, string]> = [
    ['skills (ESCO)', n(counts.skills.esco)],
    ['skills (O*NET skills and knowledge)', n(counts.skills.onet)],
    ['skills (O*NET technologies, own rows)', n(counts.skills.onetTech)],
    ['skills (total)', n(counts.skills.total)],
    ['occupations (ESCO)', n(counts.occupations.esco)],
    ['occupations (O*NET)', n(counts.occupations.onet)],
    ['occupation–skill links', n(counts.occupationSkills)],
    ['O*NET technologies merged into ESCO', `${n(counts.technologiesMatchedToEsco)} of ${n(counts.technologies)} (${rate}%)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('');
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log(`\nLoaded in ${(counts.ms / 1000).toFixed(1)} s.`);

  if (!values['no-index']) {
    const { applyIndexSettings, drainUntilEmpty } = await import('@/lib/search/sync');
    const indexStarted = performance.now();
    process.stderr.write('indexing changes for search…');
    await applyIndexSettings('skill');
    await applyIndexSettings('occupation');
    await drainUntilEmpty();
    process.stderr.write(` done in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s\n`);
  }
  console.log(`\n${attribution.join('\n')}`);
}).catch(exitWithMessage);
