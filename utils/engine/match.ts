/**
 * Candidate records for a claim: pre-filter by place (tables built once), rank measures with
 * fuse.js, then score each measure by the concepts that tell measures apart. A measure is
 * `strong` when the claim's words name what distinguishes it, `compatible` when nothing
 * contradicts it. Only strong measures can make a claim wrong; compatible ones can confirm it.
 */
import type { Place } from '../../data/schema';
import {
  bit,
  CONCEPTS,
  EVENTS,
  GENERIC,
  SPECIFIC,
  VICTIMS,
  type ConceptKind,
  type ConceptMask,
} from './concepts';
import { compatiblePlaces, placeGroup, type DatasetIndex, type RecordInfo } from './dataset-index';
import { BoundedMemo } from './memo';

/** Score from which a measure counts as named by the claim (see `measureScore`). */
export const STRONG_SCORE = 0.7;
/** Score from which a measure is worth confirming a value against. */
export const COMPATIBLE_SCORE = 0.3;
/** How much a fuse rank adds to the concept score when ordering candidates. */
const FUSE_WEIGHT = 0.2;
/** Concepts elsewhere in the sentence, or carried from earlier text, count less than the clause's own. */
const SENTENCE_FACTOR = 0.85;
const CONTEXT_FACTOR = 0.8;

/**
 * How much naming a concept says about which measure is meant: details ("agency staff",
 * "child present") pin a measure down, victims and topics narrow it, events less so.
 */
const KIND_WEIGHT: Readonly<Record<ConceptKind, number>> = {
  detail: 3,
  specific: 3,
  victim: 2,
  topic: 2,
  event: 1.5,
};
const WEIGHT_OVERRIDES: Readonly<Record<string, number>> = {
  sexual: 1,
  incident: 1,
  patient: 1.5,
  people: 1.5,
};
const WEIGHTS: ReadonlyArray<readonly [ConceptMask, number]> = CONCEPTS.map(
  (c) => [c.bit, WEIGHT_OVERRIDES[c.id] ?? KIND_WEIGHT[c.kind]] as const,
);

/**
 * Groups of details of which a measure has at most one: a claim naming one member is about
 * a different measure from a record naming another.
 */
const EXCLUSIVE_GROUPS: readonly ConceptMask[] = [
  bit('agency') | bit('kmpt-staff') | bit('other-org') | bit('any-staff'),
  bit('present') | bit('witness') | bit('household') | bit('under-11') | bit('other-age'),
  bit('patient-on-patient') | bit('by-patient'),
  bit('police-report') | bit('prosecution') | bit('charge') | bit('arrest'),
  bit('with-injury') | bit('without-injury') | bit('against-person'),
];
/** Details that make a claim narrower than a record that lacks them. */
const NARROWING =
  bit('agency') |
  bit('kmpt-staff') |
  bit('other-org') |
  bit('any-staff') |
  bit('patient-on-patient') |
  bit('by-patient') |
  bit('police-report') |
  bit('prosecution') |
  bit('successful') |
  bit('with-injury') |
  bit('without-injury');
/** Victims that make a claim narrower than a record naming no victim. */
const NARROW_VICTIMS =
  bit('staff') | bit('teacher') | bit('social-worker') | bit('child') | bit('patient');

export interface ClaimConcepts {
  /** The number's own clause and noun phrase. */
  near: ConceptMask;
  /** Its sentence (or table row and column). */
  own: ConceptMask;
  /** Carried from earlier text. */
  context: ConceptMask;
  /** The number is a change ("up by 9 per cent"), which no record measures. */
  change: boolean;
}

export interface Candidate {
  record: RecordInfo;
  /** 0..1: how much of what distinguishes the record's measure the claim names. */
  score: number;
  /** Score plus fuse rank, for ordering. */
  rank: number;
  strong: boolean;
}

/** Why a record's measure cannot be the claim's, or null. */
export function conflict(record: RecordInfo, c: ClaimConcepts): string | null {
  const said = c.near | c.own;
  const r = record.concepts;
  if (c.change) return 'change';
  if ((said & SPECIFIC & ~r) !== 0n) return 'specific offence';
  for (const group of EXCLUSIVE_GROUPS) {
    // Only the number's own clause decides details: "28 involved allegations against staff,
    // and 18 of those concerned the trust's own employees" — the 28 is about all staff.
    const claimed = c.near & group;
    const recorded = r & group;
    if (claimed !== 0n && recorded !== 0n && (claimed & recorded) === 0n) return 'different detail';
    if ((c.near & group & NARROWING) !== 0n && recorded === 0n) return 'narrower detail';
  }
  const nearEvents = c.near & EVENTS;
  const recordEvents = r & EVENTS;
  if (nearEvents !== 0n && recordEvents !== 0n && (nearEvents & recordEvents) === 0n)
    return 'different event';
  const nearVictims = c.near & VICTIMS & ~bit('people');
  const recordVictims = r & VICTIMS;
  if (nearVictims !== 0n) {
    if (recordVictims === 0n && (nearVictims & NARROW_VICTIMS) !== 0n) return 'narrower victims';
    if (recordVictims !== 0n && (nearVictims & recordVictims) === 0n) return 'different victims';
  }
  return null;
}

/** Concept kinds that say which measure is meant, so a claim naming one a record lacks is less likely that record. */
const MEASURE_KINDS =
  CONCEPTS.filter(
    (c) => c.kind !== 'topic' || c.id === 'domestic' || c.id === 'coercive' || c.id === 'sexual',
  ).reduce((m, c) => m | c.bit, 0n) & ~GENERIC;
/** How much a concept the claim names but the record lacks counts against the record. */
const EXTRA_PENALTY = 0.5;

/**
 * Share of the record's distinguishing concepts (weighted) that the claim names, less a
 * penalty for what the claim's own clause names and the record lacks: a claim about
 * "coercive control crimes" fits the coercive control record better than the one about all
 * domestic abuse crimes.
 */
export function measureScore(record: RecordInfo, c: ClaimConcepts): number {
  let total = 0;
  let got = 0;
  let extra = 0;
  const said = c.near | c.own;
  const extras = c.near & MEASURE_KINDS & ~record.key;
  for (const [b, w] of WEIGHTS) {
    if ((extras & b) !== 0n) extra += w;
    if ((record.key & b) === 0n) continue;
    total += w;
    if ((c.near & b) !== 0n) got += w;
    else if ((said & b) !== 0n) got += w * SENTENCE_FACTOR;
    else if ((c.context & b) !== 0n) got += w * CONTEXT_FACTOR;
  }
  if (total === 0) return 0;
  return got / total - (EXTRA_PENALTY * extra) / (total + extra);
}

export interface CandidateQuery {
  place: Place;
  /** The place came from earlier text, not the claim's sentence. */
  weak: boolean;
  concepts: ClaimConcepts;
  /**
   * Words for fuse: the claim's clause and noun phrase, plus context when it is anaphoric; in
   * parts read as if joined by spaces, so each part's terms are read once (`queryTerms`).
   */
  words: string | readonly string[];
}

/**
 * Candidates for a claim, best first: records at compatible places whose measure nothing
 * contradicts, scored by concepts and ranked with fuse among measures of the place group.
 * fuse.js only orders candidates of different measures (its rank is the same for every record
 * of one measure), and on the real pages three claims in four leave one measure or none: only
 * the others read their words into a query and ask fuse for a ranking.
 */
export function findCandidates(
  index: DatasetIndex,
  q: CandidateQuery,
  fuseCache: Map<string, Map<number, number>>,
): readonly Candidate[] {
  const group = placeGroup(q.place, q.weak);
  const c = q.concepts;
  const key = `${group}\u0000${c.near}\u0000${c.own}\u0000${c.context}\u0000${c.change}`;
  let memo = CANDIDATE_MEMO.get(fuseCache);
  if (!memo) {
    memo = {
      scored: new BoundedMemo(CANDIDATE_MEMO_LIMIT),
      ranked: new BoundedMemo(CANDIDATE_MEMO_LIMIT),
    };
    CANDIDATE_MEMO.set(fuseCache, memo);
  }
  const scored = memo.scored.get(key, () => scoreMeasures(index, q));
  if (scored.unranked) return scored.unranked;
  const query = queryTerms(index, q.words);
  return memo.ranked.get(`${key}\u0000${query}`, () =>
    ranked(scored, rankQuery(index, group, query, fuseCache)),
  );
}

/**
 * Candidates already found, by everything they depend on: the place group and the concepts
 * (`scored`), and the fuse query as well where fuse orders them (`ranked`). Claims of one page
 * repeat these (each figure of a paragraph about one measure), and scoring every record of a
 * place for each cost a tenth of the engine's time. They are kept as long as the fuse ranks
 * they were made with: per fuse cache, which its caller keeps for one index (the engine for
 * its life, a benchmark for one timed run). Callers only read the arrays, so they are shared.
 */
const CANDIDATE_MEMO = new WeakMap<
  Map<string, Map<number, number>>,
  {
    scored: BoundedMemo<string, Scored>;
    ranked: BoundedMemo<string, readonly Candidate[]>;
  }
>();
/** Entries kept per fuse cache; cleared when full. */
const CANDIDATE_MEMO_LIMIT = 2000;

/** The records a claim's concepts leave, before any fuse ranking. */
interface Scored {
  /** In the order of the place tables. */
  records: readonly RecordInfo[];
  /** Each measure's concept score, by measure id. */
  scores: ReadonlyMap<number, number>;
  /** The candidates when fuse cannot reorder them (one measure or none); else null. */
  unranked: readonly Candidate[] | null;
}

/** The records at compatible places whose measure nothing contradicts, with their scores. */
function scoreMeasures(index: DatasetIndex, q: CandidateQuery): Scored {
  const places = compatiblePlaces(q.place, q.weak);
  // Records of one measure share their concepts: score each measure once, not each record.
  const byMeasure = new Map<number, number | null>();
  const scores = new Map<number, number>();
  const records: RecordInfo[] = [];
  for (const place of places) {
    for (const record of index.byPlace.get(place) ?? []) {
      let score = byMeasure.get(record.measure.id);
      if (score === undefined) {
        const s = conflict(record, q.concepts) ? 0 : measureScore(record, q.concepts);
        score = s < COMPATIBLE_SCORE ? null : s;
        byMeasure.set(record.measure.id, score);
        if (score !== null) scores.set(record.measure.id, score);
      }
      if (score !== null) records.push(record);
    }
  }
  const scored: Scored = { records, scores, unranked: null };
  if (scores.size < 2) scored.unranked = ranked(scored, null);
  return scored;
}

/** Candidates best first, ranked by concept score and the fuse scores of their measures. */
function ranked(scored: Scored, fuseScores: ReadonlyMap<number, number> | null): Candidate[] {
  const out = scored.records.map((record): Candidate => {
    const score = scored.scores.get(record.measure.id)!;
    const fuse = fuseScores?.get(record.measure.id) ?? 1;
    return { record, score, rank: score + FUSE_WEIGHT * (1 - fuse), strong: score >= STRONG_SCORE };
  });
  return out.sort((a, b) => b.rank - a.rank);
}

/** Most words a fuse query keeps: enough for a clause, few enough to run on every claim. */
const MAX_QUERY_TERMS = 10;
const QUERY_STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'were',
  'was',
  'are',
  'has',
  'had',
  'have',
  'been',
  'per',
  'into',
  'over',
  'than',
  'more',
  'its',
  'their',
]);

/**
 * The words of a claim that can rank measures: lower-cased, at least three letters, sharing
 * their first three letters with some word of some measure (so "assualt" still counts), in
 * a fixed order so equal word sets share one cached search. Words given in parts are read as
 * if joined by spaces: no word spans a space, so the terms are each part's in turn.
 */
export function queryTerms(index: DatasetIndex, words: string | readonly string[]): string {
  const parts = typeof words === 'string' ? [words] : words;
  const terms: string[] = [];
  for (let i = 0; i < parts.length && terms.length < MAX_QUERY_TERMS; i += 1) {
    for (const w of termsOf(index, i, parts[i]!)) {
      if (terms.includes(w)) continue;
      terms.push(w);
      if (terms.length >= MAX_QUERY_TERMS) break;
    }
  }
  return sortTerms(terms).join(' ');
}

/**
 * `terms.sort()` for a few distinct strings, in place: an insertion sort by code units, as
 * the default sort orders strings. The built-in sort copies its array first, and this ran for
 * every claim.
 */
function sortTerms(terms: string[]): string[] {
  for (let i = 1; i < terms.length; i += 1) {
    const t = terms[i]!;
    let j = i - 1;
    for (; j >= 0 && terms[j]! > t; j -= 1) terms[j + 1] = terms[j]!;
    terms[j + 1] = t;
  }
  return terms;
}

/**
 * The last text read at each part's place, with its terms and the index read for (the
 * vocabulary is the index's): the claims of a sentence come one after another and share its
 * text, and reading it again for each was 4% of the engine's time. Only the last is kept, so
 * no page's text is held once the page is read.
 */
const lastTerms: Array<{ index: DatasetIndex; text: string; terms: readonly string[] }> = [];

/**
 * Forgets the last texts read for query terms. A sentence's text is a slice that keeps its
 * whole block alive (a 5 MB text node after its read), so a read clears them when it ends.
 */
export function forgetQueryTexts(): void {
  lastTerms.length = 0;
}

/** A word of a query: a letter, then at least two letters, apostrophes or hyphens. */
const QUERY_WORD = /\p{L}[\p{L}'’-]{2,}/gu;

/**
 * A query word up to its first apostrophe or hyphen ("abuse-related" → "abuse"), as
 * `word.replace(/['’-].*$/, '')` reads it (a word holds no line break), without a pattern
 * per word.
 */
function beforeJoiner(word: string): string {
  for (let i = 1; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c === 0x27 || c === 0x2019 || c === 0x2d) return word.slice(0, i);
  }
  return word;
}

/** The first MAX_QUERY_TERMS distinct terms of one text, in order. */
function termsOf(index: DatasetIndex, part: number, text: string): readonly string[] {
  const last = lastTerms[part];
  if (last && last.index === index && last.text === text) return last.terms;
  const found: string[] = [];
  for (const word of text.toLowerCase().match(QUERY_WORD) ?? []) {
    const w = beforeJoiner(word);
    if (w.length < 3 || QUERY_STOP.has(w) || !index.vocabulary.has(w.slice(0, 3))) continue;
    if (found.includes(w)) continue;
    found.push(w);
    if (found.length >= MAX_QUERY_TERMS) break;
  }
  lastTerms[part] = { index, text, terms: found };
  return found;
}

/** Fuse scores (0 best, 1 worst) of the measures of a place group for the claim's words. */
export function rankMeasures(
  index: DatasetIndex,
  group: string,
  words: string,
  cache: Map<string, Map<number, number>>,
): Map<number, number> {
  return rankQuery(index, group, queryTerms(index, words), cache);
}

/** `rankMeasures` for words already made a query (`queryTerms`). */
function rankQuery(
  index: DatasetIndex,
  group: string,
  query: string,
  cache: Map<string, Map<number, number>>,
): Map<number, number> {
  const key = `${group}\u0000${query}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const scores = new Map<number, number>();
  const fuse = index.fuse.get(group);
  if (fuse && query) {
    for (const result of fuse.search(query)) scores.set(result.item.id, result.score ?? 1);
  }
  cache.set(key, scores);
  return scores;
}
