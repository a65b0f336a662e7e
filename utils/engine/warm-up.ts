/**
 * The engine's warm-up, in parts (`Engine.prepare`): the pipeline run on sample sentences one
 * stage at a time, so that what a first read pays once (V8 compiles a function on its first
 * call and a regular expression on its first match, then compiles both again to machine code
 * once they run often) is paid in steps of its own, none of them a long task. Run as one
 * sample read, that was a task of 50 to 130 ms, and the first real paragraph after it still
 * took 20 to 70 ms for the paths the sample had not taken (tests/bench/NOTES.md).
 *
 * V8 runs a regular expression's first match in its interpreter and compiles it to machine
 * code on the second, so the costlier readers get three parts (`stage`): a first run, a
 * second, then the samples. The parts are counted, never timed: the engine has no clock.
 * Nothing here changes what the engine reads: each part calls the engine's own pure
 * functions and throws their results away.
 */
import { scanAttributions } from './attribution';
import { claimOf } from './claims';
import { clausesOf } from './clauses';
import { PageReader, type ClaimDraft, type PageFlags } from './context';
import { readCues, sentenceConcepts } from './cues';
import { placeGroup, type DatasetIndex } from './dataset-index';
import { maskSpans } from './exclusions';
import { rankMeasures } from './match';
import { countedIn, restrictionsIn } from './measure';
import { scanNumbers } from './numbers';
import { pageNames } from './page-context';
import { pageYearOf, scanPeriods } from './periods';
import { scanPlaces } from './places';
import { producersIn } from './producers';
import { readMentions } from './quantities';
import { splitSentences } from './sentences';
import type { Claim, PageContext } from './types';

/**
 * Sample paragraphs, each with the page date it is read with. The first takes the common path
 * (a count with a qualifier, a time base, a financial year, a source); the second the paths
 * the first does not: a rate per 1,000, a superlative's scope, a comparison of two places in
 * one sentence, a range of years, a bare number that borrows its unit, a word number, and a
 * second sentence that looks back for its context; the second and third are two-byte strings
 * (a typographic apostrophe, a dash), as most page text is; the third, the numbers a news page holds
 * that are never claims (a date, money, a compound, a range of years, a postcode, an age, a
 * phone number, times) beside a count and the size of a change.
 */
export const WARM_UP_SAMPLES: ReadonlyArray<{ text: string; date: string }> = [
  {
    text: 'Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22, the council said.',
    date: '2023-07-27',
  },
  {
    text: 'Thanet has the highest rate of domestic abuse offences in Kent at 27.6 per 1,000 population, compared to 12.6 in Sevenoaks. Almost four in ten of them were repeat victims between 2017 and 2021, the force’s figures show.',
    date: '2023-07-27',
  },
  {
    text: 'On 14 March 2023 the council agreed a £2.4m five-year plan for 2024-2029 at County Hall, Maidstone ME14 1XQ; victims aged 16 and over can call 0800 123 4567 from 9am to 5pm. Swale recorded 1,250 domestic abuse crimes in 2019-20 – up 14% in three years.',
    date: '2023-07-27',
  },
];

/** What a part reads with: the engine's index and its whole read, and a fuse cache of its own. */
export interface WarmUpContext {
  index: DatasetIndex;
  /** The engine's `analyseBlocks`. */
  analyse(blocks: readonly string[], ctx: PageContext): Claim[];
  /** The warm-up's own cache: the engine's holds only what real reads asked for. */
  cache: Map<string, Map<number, number>>;
}

/** The samples' page title and heading in the whole reads. */
const SAMPLE_TITLE = 'Domestic abuse in Kent – the figures | Kent News';

export interface WarmUpPart {
  /** What the part exercises, for the cold-start benchmark's table. */
  name: string;
  run(ctx: WarmUpContext): void;
}

/** Each sample's text, twice over (see the module comment). */
function twice(read: (text: string, date: string) => unknown): () => void {
  return () => {
    for (let round = 0; round < 2; round += 1)
      for (const { text, date } of WARM_UP_SAMPLES) read(text, date);
  };
}

/** What `analyseBlocks` reads of a page that is the sample alone. */
function flagsOf(text: string, date: string): PageFlags {
  return { ...pageNames(text), pageYear: pageYearOf(date), pageDate: date };
}

function draftsOf(text: string, date: string): ClaimDraft[] {
  return new PageReader([text], [], '', flagsOf(text, date)).read();
}

/** A text with a number and nothing else: it runs a reader's patterns without its rarer paths. */
const BARE = '1';
/**
 * The same with a typographic apostrophe, which makes it a two-byte string: V8 compiles a
 * regular expression once for one-byte texts and again for two-byte ones, and page text with
 * a curly quote or a dash in it (most news pages) is two-byte.
 */
const BARE_WIDE = '1 ’';

/**
 * A stage of the pipeline as five parts: its patterns compiled for V8's interpreter (a first
 * run on a bare text), then to machine code (a second), the same for two-byte text, then its
 * paths on the samples. Apart, because each was up to 15 ms for the costlier readers.
 */
function stage(name: string, read: (text: string, date: string) => unknown): WarmUpPart[] {
  return [
    { name: `${name}: first run`, run: () => read(BARE, '') },
    { name: `${name}: second run`, run: () => read(BARE, '') },
    { name: `${name}: first run, two-byte`, run: () => read(BARE_WIDE, '') },
    { name: `${name}: second run, two-byte`, run: () => read(BARE_WIDE, '') },
    { name, run: twice(read) },
  ];
}

/** The stages every sample goes through, in pipeline order. */
const STAGES: readonly WarmUpPart[] = [
  ...stage('sentences, page names', (text) => [splitSentences(text), pageNames(text)]),
  ...stage('numbers', (text) => scanNumbers(text)),
  ...stage('exclusion patterns', (text) => maskSpans(text)),
  ...stage('quantity mentions', (text) => readMentions(text)),
  ...stage('places, clauses', (text) => clausesOf(text, scanPlaces(text))),
  ...stage('periods', (text, date) => scanPeriods(text, pageYearOf(date))),
  ...stage('concepts', (text) => sentenceConcepts(text)),
  ...stage('sources', (text) => scanAttributions(text, true)),
  ...stage('counted, restrictions', (text) => [countedIn(text), restrictionsIn(text)]),
  ...stage('producers', (text) => producersIn(text)),
  { name: 'sentence cues', run: twice((text, date) => readCues(text, pageYearOf(date), true)) },
  // fuse.js's search code on one word first: its first run is slow however little it searches.
  {
    name: 'fuse search, one word',
    run: ({ index }) => rankMeasures(index, '*', 'abuse', new Map()),
  },
];

/** Then each sample read stage by stage: its drafts, their fuse ranking, their verdicts, the whole read. */
function sampleParts({ text, date }: { text: string; date: string }, n: number): WarmUpPart[] {
  return [
    { name: `sample ${n}: page reader`, run: () => [draftsOf(text, date), draftsOf(text, date)] },
    {
      name: `sample ${n}: fuse ranking`,
      run: ({ index, cache }) => {
        for (const d of draftsOf(text, date)) {
          if (!d.place || d.place.id === 'other') continue;
          rankMeasures(
            index,
            placeGroup(d.place.id, false),
            `${d.mention.nounPhrase} ${d.sentence.text}`,
            cache,
          );
        }
      },
    },
    {
      name: `sample ${n}: verdicts`,
      run: ({ index, cache }) => {
        for (const d of draftsOf(text, date)) claimOf(d, text, index, cache, date);
      },
    },
    {
      name: `sample ${n}: whole read`,
      // With a title and a heading, as pages have: they are read for context too.
      run: ({ analyse }) =>
        analyse([SAMPLE_TITLE, text], { date, title: SAMPLE_TITLE, headings: [SAMPLE_TITLE] }),
    },
  ];
}

/**
 * The warm-up's parts in order, each exercising what the ones before left cold: the text
 * splitters, the number reader, the cue readers (places, clauses, periods, concepts, sources,
 * what is counted), a first fuse search; then, sample by sample, the page reader, the fuse
 * ranking, the verdicts and the whole read through `analyseBlocks`.
 */
export const WARM_UP_PARTS: readonly WarmUpPart[] = [
  ...STAGES,
  ...WARM_UP_SAMPLES.flatMap((sample, i) => sampleParts(sample, i + 1)),
];
