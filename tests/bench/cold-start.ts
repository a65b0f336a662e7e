/**
 * One cold start of the engine, as the content script has it (`tsx tests/bench/cold-start.ts`,
 * spawned afresh for each run by prepare.bench.ts): `createLazyEngine`, `prepare()` until it
 * returns true, each call timed, then the first real read of a claim paragraph (`FIRST_READS`,
 * the one the run number given as the argument picks). Prints one line of JSON. A process of
 * its own each time, because a cold JIT is what is measured: in a process that has run the
 * engine before, every step is fast.
 */
import { dataset } from '../../data';
import { createLazyEngine, type PageContext } from '../../utils/engine';
import { indexSteps } from '../../utils/engine/dataset-index';
import { WARM_UP_PARTS } from '../../utils/engine/warm-up';

/**
 * Typical claim paragraphs from real pages (tests/fixtures/real/), with their titles and dates:
 * none is a warm-up sample, so a first read pays for whatever paths the samples missed. Run
 * `n` reads the paragraph `n` modulo their number, so the median is not one paragraph's luck.
 */
export const FIRST_READS: ReadonlyArray<{ text: string; context: PageContext }> = [
  {
    // 12-isleofthanetnews-thanet-domestic-abuse-rates-2021.html
    text: 'The isle has the highest rates of reported domestic violence in Kent – excluding Medway- with 4,369 recorded crimes in the 2020-2021 year (March-February). This was a rise of 11.8% rise over a three-year time period.',
    context: {
      title:
        'Thanet domestic abuse rates highest in Kent with disproportionate number of repeat victims',
      date: '2021-04-20',
    },
  },
  {
    // 28-kentonline-police-officers-attacked-2282-times.html
    text: 'Between January 2019 and the end of last month, Medway saw the highest amount of reported incidents with a staggering 403 assaults, while Thanet racked up 290 and Maidstone 250.',
    context: { title: 'Police officers attacked over 2,000 times | KentOnline' },
  },
  {
    // 57-itv-meridian-child-cruelty-neglect-kent-south-east-2023.html
    text: 'Cases of child cruelty and neglect in Kent have risen by 76% in ten years, according to the NSPCC. There were 386 recorded offences between 2021-22, which rose to 792 in the next 12 months, between 2022-23.',
    context: {
      title:
        'Child cruelty and neglect risen by 76% in Kent in last decade, NSPCC figures show | ITV News Meridian',
    },
  },
];

export interface ColdStart {
  /** Milliseconds of each `prepare()` call, in order. */
  steps: number[];
  /** What each step did: the index's steps, then the warm-up's parts by name. */
  names: string[];
  /** Milliseconds of the first real read after `prepare()` returned true. */
  first: number;
  claims: number;
}

function coldStart(run: number): ColdStart {
  const engine = createLazyEngine(dataset);
  const steps: number[] = [];
  for (let done = false; !done;) {
    const start = performance.now();
    done = engine.prepare();
    steps.push(performance.now() - start);
  }
  const { text, context } = FIRST_READS[run % FIRST_READS.length]!;
  const start = performance.now();
  const claims = engine.analyseBlocks([text], context).length;
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

console.log(JSON.stringify(coldStart(Number(process.argv[2] ?? 0))));
