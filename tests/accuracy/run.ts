/**
 * `npm run accuracy`: the accuracy table for every fixture set (own golden pages, real
 * published text, peer negatives), then with `--details` every disagreement with the labels.
 */
import { dataset } from '../../data';
import { createEngine } from '../../utils/engine';
import { problems, scoreSet, SETS, table, type SetName } from './score';

const engine = createEngine(dataset);
const scores = [];
for (const set of Object.keys(SETS) as SetName[]) scores.push(await scoreSet(engine, set));
console.log(table(scores));
for (const s of scores)
  for (const m of s.falseDiffers) console.log(`FALSE DIFFERS (${SETS[s.set as SetName]}) ${m}`);
if (process.argv.includes('--details'))
  for (const s of scores) console.log(`\n## ${SETS[s.set as SetName]}\n${problems(s)}`);
