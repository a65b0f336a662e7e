/**
 * Everything the engine derives from the dataset, built once per dataset in `createEngine`
 * and reused for every page and keystroke:
 * - per-record features: measure concepts, years, the official value's interval;
 * - pre-filter tables: records by place, and by measure and place;
 * - fuse.js indexes over the *measures* (not the records), one per group of compatible
 *   places. Records of a series share one measure text, so ranking measures keeps the fuzzy
 *   work independent of how many places and periods the dataset covers.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Dataset, Figure, NotHeld, Place, Source } from '../../data/schema';
import {
  OFFICIAL_QUALIFIER,
  precisionHalfUnit,
  halfUnitOfInteger,
  valueInterval,
  type Interval,
} from './bands';
import { conceptsOf, conceptsOfTags, GENERIC, type ConceptMask } from './concepts';
import { scanNumbers } from './numbers';
import { recordCounted, restrictionsIn, type Counted } from './measure';
import { recordWindow, recordYears } from './periods';
import { bodiesNamed, type Body } from './producers';
import { memoTokenSearch, termMatchMemo } from './fuse-terms';
import { PLACE_LABELS } from './places';

export interface MeasureDoc {
  id: number;
  measure: string;
  /** Topic tags in words ("domestic abuse", "coercive control"). */
  topics: string;
  /** Unit and rate base in words ("per 1,000 population", "per day"). */
  unitWords: string;
}

export interface RecordInfo {
  figure: Figure;
  source: Source | undefined;
  measure: MeasureDoc;
  concepts: ConceptMask;
  /** Concepts that tell this record's measure from others (generic topic words removed). */
  key: ConceptMask;
  /** `window`: the closing month of a rolling year ("2025-06"), which only the same rolling year fits. */
  years: { from: number | null; to: number | null; total: boolean; window: string | null };
  interval: Interval;
  placeLabel: string;
  /** What the measure counts (crimes, calls, referrals…), for the measure axis. */
  counted: Counted | null;
  /** Population restrictions the measure itself has ("repeat"), so a page naming them agrees. */
  restrictions: readonly string[];
  /** Who produced or published the figure, for the producer axis. */
  bodies: readonly Body[];
  /** No other record has this measure at this place: a page giving no period can only mean it. */
  soleOfMeasure: boolean;
}

export interface NotHeldInfo {
  statement: NotHeld;
  source: Source | undefined;
  concepts: ConceptMask;
}

export interface DatasetIndex {
  records: RecordInfo[];
  byPlace: ReadonlyMap<Place, RecordInfo[]>;
  byMeasure: ReadonlyMap<number, RecordInfo[]>;
  measures: MeasureDoc[];
  notHeld: NotHeldInfo[];
  /** One fuse index per place group key (see `placeGroup`), plus `*` over every measure. */
  fuse: ReadonlyMap<string, Fuse<MeasureDoc>>;
  /** First three letters of every word of every measure: a query word outside it cannot rank anything. */
  vocabulary: ReadonlySet<string>;
  sources: ReadonlyMap<string, Source>;
}

/**
 * Fuse options, chosen for ranking a handful of measures against the words around a number:
 * - token search: the query is a bag of words, not a phrase; rare words ("coercive",
 *   "agency") weigh more than common ones ("abuse") through fuse's IDF weighting;
 * - `ignoreLocation`: the words may sit anywhere in a long measure description;
 * - `threshold` 0.3 per word: tolerates a typo or an inflection ("referral"/"referrals"),
 *   not a different word;
 * - keys weighted towards the measure text, then its topic tags, then its unit words.
 */
export const FUSE_OPTIONS: IFuseOptions<MeasureDoc> = {
  keys: [
    { name: 'measure', weight: 0.6 },
    { name: 'topics', weight: 0.3 },
    { name: 'unitWords', weight: 0.1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  useTokenSearch: true,
  minMatchCharLength: 3,
  shouldSort: true,
};

/** The county's places, and with its mental health trust (see `compatiblePlaces`). */
const COUNTY: readonly Place[] = Object.freeze(['kent', 'kent-and-medway', 'kent-police-area']);
const COUNTY_WEAK: readonly Place[] = Object.freeze([...COUNTY, 'kmpt']);
/** Each other place alone, one list per place: every claim asks for its list several times. */
const ALONE = new Map<Place, readonly Place[]>();
/** The group key of each list. */
const GROUPS = new Map<readonly Place[], string>();

/** Places whose records a claim about `place` may be checked against. */
export function compatiblePlaces(place: Place, weak: boolean): readonly Place[] {
  switch (place) {
    case 'kent':
    case 'kent-and-medway':
      // "Kent" and "Kent and Medway" are one area for the sources; a page that only says
      // "Kent" somewhere before may still be talking about Kent's mental health trust.
      return weak ? COUNTY_WEAK : COUNTY;
    default: {
      let alone = ALONE.get(place);
      if (!alone) {
        alone = Object.freeze([place]);
        ALONE.set(place, alone);
      }
      return alone;
    }
  }
}

export function placeGroup(place: Place, weak: boolean): string {
  const places = compatiblePlaces(place, weak);
  let group = GROUPS.get(places);
  if (group === undefined) {
    group = places.join('|');
    GROUPS.set(places, group);
  }
  return group;
}

/** Measure text without its parenthetical notes, which describe rather than define it. */
function coreMeasure(measure: string): string {
  return measure
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function officialInterval(f: Figure): Interval {
  const token = scanNumbers(f.valueText)[0];
  let half: number;
  if (token && Math.abs(token.value - f.value) <= Math.abs(f.value) * 1e-9 + 1e-9)
    half = token.halfUnit;
  else if (token?.kind === 'digits') half = precisionHalfUnit(token.digits);
  else half = Number.isInteger(f.value) ? halfUnitOfInteger(f.value) : 0.05;
  return valueInterval(f.value, half, OFFICIAL_QUALIFIER[f.qualifier]);
}

function unitWords(f: Figure): string {
  const base =
    f.unit === 'per-1000'
      ? `per 1,000 ${f.rateBase || 'population'}`
      : f.unit === 'percent'
        ? 'per cent share proportion'
        : 'number';
  return f.timeBase ? `${base} per ${f.timeBase}` : base;
}

export function buildIndex(dataset: Dataset): DatasetIndex {
  return finishIndex(indexSteps(dataset));
}

/** Runs what is left of `indexSteps` to the end. */
export function finishIndex(steps: Generator<void, DatasetIndex>): DatasetIndex {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Records per step of `indexSteps`, for each column of the records table. A count, not a
 * clock, so the engine stays free of timers and builds the same steps everywhere: warm, a
 * record's column costs a few hundredths of a millisecond; each column's first records also
 * pay for compiling its readers' code and patterns (up to about 12 ms on a cold start, in
 * Node and Chromium alike: tests/bench/NOTES.md).
 */
const RECORDS_PER_STEP = 32;
/** Fuse indexes built per step of `indexSteps` (1 to 7 ms each on a cold start). */
const FUSE_PER_STEP = 2;

/**
 * `buildIndex` in steps, each short enough for a time slice: built in one go, on a cold start
 * in a page, it was a task of 40 to 90 ms. The records table is built column by column
 * (official values, concepts, what is counted, restrictions, bodies), `RECORDS_PER_STEP`
 * records a step, so the first use of each column's readers, which compiles their code and
 * regular expressions, lands in a step of its own rather than all in the first record's; then
 * the lookup tables, then the fuse indexes `FUSE_PER_STEP` at a time. The index is the same
 * whichever way it is built.
 */
export function* indexSteps(dataset: Dataset): Generator<void, DatasetIndex> {
  const sources = new Map(dataset.sources.map((s) => [s.id, s] as const));
  const figures = dataset.figures;
  const measures: MeasureDoc[] = [];
  const measureIds = new Map<string, MeasureDoc>();
  const docs = figures.map((figure) => {
    const words = unitWords(figure);
    const key = `${figure.measure}\u0000${figure.topics.join(',')}\u0000${words}`;
    let doc = measureIds.get(key);
    if (!doc) {
      doc = {
        id: measures.length,
        measure: figure.measure,
        topics: figure.topics.join(' ').replace(/-/g, ' '),
        unitWords: words,
      };
      measures.push(doc);
      measureIds.set(key, doc);
    }
    return doc;
  });
  const intervals = yield* column(figures, officialInterval);
  const concepts = yield* column(
    figures,
    (f) => conceptsOf(coreMeasure(f.measure)) | conceptsOfTags(f.topics),
  );
  const counted = yield* column(figures, (f) => recordCounted(f.measure));
  const restrictions = yield* column(figures, (f) => restrictionsIn(coreMeasure(f.measure)));
  const bodies = yield* column(figures, (f) => recordBodies(f, sources.get(f.sourceId)));
  const records = figures.map((figure, i): RecordInfo => ({
    figure,
    source: sources.get(figure.sourceId),
    measure: docs[i]!,
    concepts: concepts[i]!,
    key: concepts[i]! & ~GENERIC,
    years: {
      ...recordYears(figure.period.from, figure.period.to),
      total: figure.series?.total === true,
      window: recordWindow(figure.period.from, figure.period.to),
    },
    interval: intervals[i]!,
    placeLabel: PLACE_LABELS[figure.place],
    counted: counted[i]!,
    restrictions: restrictions[i]!,
    bodies: bodies[i]!,
    soleOfMeasure: true,
  }));

  const byPlace = new Map<Place, RecordInfo[]>();
  const byMeasure = new Map<number, RecordInfo[]>();
  const perMeasurePlace = new Map<string, number>();
  for (const r of records) {
    push(byPlace, r.figure.place, r);
    push(byMeasure, r.measure.id, r);
    const key = `${r.measure.id}\u0000${r.figure.place}`;
    perMeasurePlace.set(key, (perMeasurePlace.get(key) ?? 0) + 1);
  }
  for (const r of records)
    r.soleOfMeasure = perMeasurePlace.get(`${r.measure.id}\u0000${r.figure.place}`) === 1;
  yield;

  // One fuse index per group of places a claim can be checked against, built up front.
  const fuse = new Map<string, Fuse<MeasureDoc>>();
  const groups = new Set<string>(['*']);
  for (const place of byPlace.keys()) {
    groups.add(placeGroup(place, false));
    groups.add(placeGroup(place, true));
  }
  // Word matches are remembered across groups: a word's match against a text is the same in each.
  const wordMatches = termMatchMemo(FUSE_OPTIONS);
  for (const group of groups) {
    const places = group === '*' ? null : new Set(group.split('|'));
    const docs = measures.filter((m) =>
      (byMeasure.get(m.id) ?? []).some((r) => !places || places.has(r.figure.place)),
    );
    const search = memoTokenSearch(docs, FUSE_OPTIONS, wordMatches);
    fuse.set(group, new Fuse(docs, search.options, search.index));
    if (fuse.size % FUSE_PER_STEP === 0) yield;
  }

  const notHeld = dataset.notHeld.map((statement) => ({
    statement,
    source: sources.get(statement.sourceId),
    concepts: conceptsOf(coreMeasure(statement.measure)) | conceptsOfTags(statement.topics),
  }));

  const vocabulary = new Set<string>();
  for (const m of measures) {
    for (const word of `${m.measure} ${m.topics} ${m.unitWords}`
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? [])
      vocabulary.add(word.slice(0, 3));
  }

  return { records, byPlace, byMeasure, measures, notHeld, fuse, sources, vocabulary };
}

/** The producer named inside the source, and the source's publisher: either may be credited. */
function recordBodies(figure: Figure, source: Source | undefined): Body[] {
  const out = [...bodiesNamed(figure.producer ?? ''), ...bodiesNamed(source?.publisher ?? '')];
  // Police recorded crime is what the force recorded, compiled by the Home Office: a page
  // crediting Kent Police with it credits the same count. (Every place the dataset covers is
  // Kent Police's.)
  if (/police recorded crime/i.test(figure.producer ?? '')) out.push('kent-police');
  return [...new Set(out)];
}

/** `read` of every figure, `RECORDS_PER_STEP` figures a step. */
function* column<T>(figures: readonly Figure[], read: (f: Figure) => T): Generator<void, T[]> {
  const out: T[] = [];
  for (let start = 0; start < figures.length; start += RECORDS_PER_STEP) {
    for (const f of figures.slice(start, start + RECORDS_PER_STEP)) out.push(read(f));
    yield;
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
