/**
 * `npx tsx --cpu-prof --cpu-prof-dir=<dir> tests/bench/profile-engine.ts [KB]`: the engine over
 * a generated article (500 KB unless told), several times, so a CPU profile shows where the
 * engine's time goes; `tests/bench/profile-top.ts <file>` prints its top functions. Kept
 * apart from `npm run bench` because a profiler skews the timings that one reports.
 */
import { dataset } from '../../data';
import { createEngine } from '../../utils/engine';
import { buildIndex } from '../../utils/engine/dataset-index';
import { article } from './articles';

const kb = Number(process.argv[2] ?? 500);
const text = article(kb * 1000, 7);
const ctx = { date: '2023-07-28', title: 'Domestic abuse in Kent' };
let claims = 0;
// A fresh engine and index each time, as a page has (see engine.bench.ts).
for (let i = 0; i < 5; i += 1)
  claims = createEngine(dataset, buildIndex(dataset)).analyseText(text, ctx).length;
console.log(`${kb} KB article, ${claims} claims, analysed 5 times`);
