/**
 * One cold start of the engine, as the content script has it (`tsx tests/bench/cold-start.ts`,
 * spawned afresh for each run by prepare.bench.ts): `createLazyEngine`, `prepare()` until it
 * returns true, each call timed, then the first real read of a claim paragraph. Prints one
 * line of JSON. A process of its own each time, because a cold JIT is what is measured: in a
 * process that has run the engine before, every step is fast.
 */
import { dataset } from '../../data';
import { createLazyEngine } from '../../utils/engine';
import { indexSteps } from '../../utils/engine/dataset-index';
import { WARM_UP_PARTS } from '../../utils/engine/warm-up';

/**
 * A typical claim paragraph, from a real page (tests/fixtures/real/12-…-thanet-domestic-abuse-
 * rates-2021.html): neither warm-up sample, so the read pays for whatever paths they missed.
 */
export const FIRST_PARAGRAPH =
  'The isle has the highest rates of reported domestic violence in Kent – excluding Medway- with 4,369 recorded crimes in the 2020-2021 year (March-February). This was a rise of 11.8% rise over a three-year time period.';
export const FIRST_CONTEXT = {
  title:
    'Thanet domestic abuse rates highest in Kent with disproportionate number of repeat victims',
  date: '2021-04-20',
};

export interface ColdStart {
  /** Milliseconds of each `prepare()` call, in order. */
  steps: number[];
  /** What each step did: the index's steps, then the warm-up's parts by name. */
  names: string[];
  /** Milliseconds of the first real read after `prepare()` returned true. */
  first: number;
  claims: number;
}

function coldStart(): ColdStart {
  const engine = createLazyEngine(dataset);
  const steps: number[] = [];
  for (let done = false; !done;) {
    const start = performance.now();
    done = engine.prepare();
    steps.push(performance.now() - start);
  }
  const start = performance.now();
  const claims = engine.analyseBlocks([FIRST_PARAGRAPH], FIRST_CONTEXT).length;
  const first = performance.now() - start;
  // Names only, once the timings are taken: counting the index's steps runs them again.
  let indexed = 0;
  for (const steps = indexSteps(dataset); !steps.next().done;) indexed += 1;
  const names = [
    ...Array.from({ length: indexed + 1 }, (_, i) => `index ${i + 1}`),
    ...WARM_UP_PARTS.map((p) => p.name),
  ];
  return { steps, names, first, claims };
}

console.log(JSON.stringify(coldStart()));
