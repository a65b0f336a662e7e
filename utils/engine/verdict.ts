/**
 * The verdict on a claim, and the one sentence that explains it.
 *
 * The order of the checks follows the cost of being wrong. A false mismatch on a correct
 * figure is the worst error, so:
 * - a value consistent with any compatible record is a match;
 * - a mismatch needs a measure the claim clearly names, the same place, and a period that is
 *   the record's (or a record that is the only one of its measure there);
 * - everything else a Kent claim says is unverified: unchecked, not wrong.
 */
import type { Unit } from '../../data/schema';
import { overlaps, type Interval } from './bands';
import type { SourceBody } from './attribution';
import { bit, TOPICAL, type ConceptMask } from './concepts';
import type { DatasetIndex, NotHeldInfo, RecordInfo } from './dataset-index';
import { findCandidates, type Candidate, type ClaimConcepts } from './match';
import { compatiblePlaces } from './dataset-index';
import { lowerFirst, officialPhrase, periodLabel, shortBody, whoOf } from './official';
import { periodFit, type PagePeriod, type PeriodFit } from './periods';
import { isLocal, PLACE_LABELS, type PlaceId } from './places';
import type { PageTimeBase } from './quantities';
import type { Verdict } from './types';

export interface Subject {
  /** The figure's words on the page ("more than 100"). */
  mention: string;
  value: number;
  interval: Interval;
  unit: Unit;
  timeBase: PageTimeBase;
  place: PlaceId;
  /** The place came from earlier text, not the claim's own sentence. */
  weakPlace: boolean;
  period: PagePeriod | null;
  concepts: ClaimConcepts;
  attribution: SourceBody | null;
  /** Words for fuse ranking. */
  words: string;
}

export interface Decision {
  verdict: Verdict;
  reason: string;
  record: RecordInfo | null;
  notHeld: NotHeldInfo | null;
}

/** A strong measure must beat the next different measure by this much to be wrong about. */
const AMBIGUITY_MARGIN = 0.15;
/** Victims a not-held statement is about; a KCC-credited figure must name one of them. */
const NOT_HELD_VICTIMS = bit('teacher') | bit('social-worker');
const NOT_HELD_DETAILS: ReadonlyArray<readonly [ConceptMask, number]> = [
  [bit('police-report'), 3],
  [bit('prosecution'), 3],
  [bit('successful'), 3],
  [bit('teacher'), 2],
  [bit('social-worker'), 2],
];

function timeFits(page: PageTimeBase, record: string): boolean {
  if (page === record) return true;
  // A count with no time base over a year and a yearly count say the same thing.
  return (page === '' && record === 'year') || (page === 'year' && record === '');
}

function fitOf(s: Subject, r: RecordInfo): PeriodFit {
  return periodFit(s.period, r.years);
}

/**
 * Decides a claim. Returns null when the number turns out not to be a claim (a UK figure
 * that is not the dataset's UK measure).
 */
export function decide(
  s: Subject,
  index: DatasetIndex,
  cache: Map<string, Map<number, number>>,
): Decision | null {
  if (s.attribution === 'kcc' && isLocal(s.place)) {
    const held = notHeldFor(s, index);
    if (held) {
      return {
        verdict: 'not-held',
        reason: `${shortBody(held.statement.body)} says it does not hold figures on ${lowerFirst(held.statement.measure)}, so it cannot be the source of the page's ${s.mention}.`,
        record: null,
        notHeld: held,
      };
    }
  }
  if (s.place === 'other') return null;
  const placeName = PLACE_LABELS[s.place];
  if (!compatiblePlaces(s.place, s.weakPlace).some((p) => index.byPlace.has(p))) {
    if (s.place === 'uk') return null;
    return unverified(
      `The dataset has no official figure for ${placeName} on this, so the page's ${s.mention} is unchecked, not wrong.`,
    );
  }
  const candidates = findCandidates(
    index,
    { place: s.place, weak: s.weakPlace, concepts: s.concepts, words: s.words },
    cache,
  );
  if (s.place === 'uk' && candidates.length === 0) return null;

  const match = bestMatch(s, candidates);
  if (match) {
    return {
      verdict: 'match',
      reason: matchReason(s, match.record),
      record: match.record,
      notHeld: null,
    };
  }
  const target = mismatchTarget(s, candidates, index);
  if (target) {
    return {
      verdict: 'mismatch',
      reason: valueReason(s, target, index),
      record: target,
      notHeld: null,
    };
  }
  const unitTarget = unitMismatch(s, candidates);
  if (unitTarget) {
    return {
      verdict: 'mismatch',
      reason: `${whoOf(unitTarget)}'s figure for ${unitTarget.placeLabel}${when(unitTarget)} is ${officialPhrase(unitTarget)}, not ${pagePhrase(s)}.`,
      record: unitTarget,
      notHeld: null,
    };
  }
  return unverified(unverifiedReason(s, candidates));
}

function unverified(reason: string): Decision {
  return { verdict: 'unverified', reason, record: null, notHeld: null };
}

/** The best record whose value the claim agrees with, on a compatible measure, place, period and unit. */
function bestMatch(s: Subject, candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestFit: PeriodFit = 'different';
  for (const c of candidates) {
    const r = c.record;
    if (r.figure.unit !== s.unit || !timeFits(s.timeBase, r.figure.timeBase)) continue;
    const fit = fitOf(s, r);
    if (fit === 'different') continue;
    if (!overlaps(s.interval, r.interval)) continue;
    if (
      !best ||
      (fit === 'same' && bestFit !== 'same') ||
      (fit === bestFit && c.rank > best.rank)
    ) {
      best = c;
      bestFit = fit;
    }
  }
  return best;
}

/**
 * The record the claim gets wrong, if it clearly names one: a strong measure, same unit and
 * time base, and the record's period (or the measure's only record at that place when the
 * page gives no period it can pin down).
 */
function mismatchTarget(
  s: Subject,
  candidates: readonly Candidate[],
  index: DatasetIndex,
): RecordInfo | null {
  const targets = candidates.filter((c) => {
    const r = c.record;
    if (!c.strong || r.figure.unit !== s.unit || !timeFits(s.timeBase, r.figure.timeBase))
      return false;
    if (
      s.weakPlace &&
      r.figure.place !== s.place &&
      !(s.place === 'kent' && r.figure.place === 'kent-and-medway')
    )
      return false;
    const fit = fitOf(s, r);
    if (fit === 'same') return true;
    return fit === 'unknown' && !s.period?.total && onlyRecordOfMeasure(r, index);
  });
  if (targets.length === 0) return null;
  const best = targets[0]!;
  // Another measure the claim could as well be about (same unit and time base) makes it ambiguous.
  const rival = candidates.find(
    (c) =>
      c.record.measure.id !== best.record.measure.id &&
      c.strong &&
      c.record.figure.unit === s.unit &&
      timeFits(s.timeBase, c.record.figure.timeBase),
  );
  if (rival && best.score - rival.score < AMBIGUITY_MARGIN) return null;
  const sameMeasure = targets.filter((c) => c.record.measure.id === best.record.measure.id);
  if (sameMeasure.length > 1 && new Set(sameMeasure.map((c) => c.record.figure.id)).size > 1) {
    // Two records of one measure fit: only the one whose period is the page's can be meant.
    const exact = sameMeasure.filter((c) => fitOf(s, c.record) === 'same');
    return exact.length === 1 ? exact[0]!.record : null;
  }
  return best.record;
}

/** True when no other record has the same measure at the same place (one period only). */
function onlyRecordOfMeasure(r: RecordInfo, index: DatasetIndex): boolean {
  const same = (index.byMeasure.get(r.measure.id) ?? []).filter(
    (o) => o.figure.place === r.figure.place,
  );
  return same.length === 1;
}

/** "27.6 per cent" where the source has 27.6 per 1,000: the same number in the wrong unit. */
function unitMismatch(s: Subject, candidates: readonly Candidate[]): RecordInfo | null {
  for (const c of candidates) {
    const r = c.record;
    if (!c.strong) continue;
    const unitDiffers = r.figure.unit !== s.unit;
    const timeDiffers =
      s.timeBase !== '' && r.figure.timeBase !== '' && !timeFits(s.timeBase, r.figure.timeBase);
    if (!unitDiffers && !timeDiffers) continue;
    if (fitOf(s, r) === 'different') continue;
    if (overlaps(s.interval, r.interval)) return r;
  }
  return null;
}

/**
 * The not-held statement a KCC-credited figure falls under: it must be about teachers or
 * social workers; among the statements, the one whose details (reported to police,
 * prosecutions, successful) the claim names — its own words counting more than context.
 */
function notHeldFor(s: Subject, index: DatasetIndex): NotHeldInfo | null {
  const own = s.concepts.near | s.concepts.own;
  const said = own | s.concepts.context;
  if ((said & NOT_HELD_VICTIMS) === 0n || (said & TOPICAL) === 0n) return null;
  let best: NotHeldInfo | null = null;
  let bestScore = -Infinity;
  for (const n of index.notHeld) {
    if ((n.concepts & said & NOT_HELD_VICTIMS) === 0n) continue;
    let score = 0;
    for (const [b, w] of NOT_HELD_DETAILS) {
      // Details come from the claim's own sentence; only who was assaulted may come from before.
      const victim0 = (b & NOT_HELD_VICTIMS) !== 0n;
      const weight = (own & b) !== 0n ? w : victim0 && (said & b) !== 0n ? w / 2 : 0;
      const inStatement = (n.concepts & b) !== 0n;
      const victim = (b & NOT_HELD_VICTIMS) !== 0n;
      if (weight > 0 && inStatement) score += weight;
      else if (weight > 0 && !victim) score -= weight;
      else if (inStatement && !victim) score -= w;
    }
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best;
}

function when(r: RecordInfo): string {
  const label = periodLabel(r);
  return label ? ` (${label})` : '';
}

function matchReason(s: Subject, r: RecordInfo): string {
  return `Agrees with ${whoOf(r)}'s figure for ${r.placeLabel}${when(r)}: ${officialPhrase(r)}.`;
}

/** The page's figure with its unit, as the reason quotes it ("26.7 per 1,000", "more than 1,000 a day"). */
export function pagePhrase(s: Subject): string {
  let phrase = s.mention;
  if (s.unit === 'per-1000' && !/1,?000|thousand/i.test(phrase)) phrase += ' per 1,000';
  if (s.unit === 'percent' && /^[\d.,\s]+$/.test(phrase.replace(/^[^\d]*/, ''))) phrase += '%';
  if (
    s.timeBase &&
    !/\b(?:day|week|month|year|daily|weekly|monthly|annually|yearly)\b/i.test(phrase)
  )
    phrase += ` a ${s.timeBase}`;
  return phrase;
}

function valueReason(s: Subject, r: RecordInfo, index: DatasetIndex): string {
  const base = `${whoOf(r)}'s figure for ${r.placeLabel}${when(r)} is ${officialPhrase(r)}; the page says ${pagePhrase(s)}`;
  const other = (index.byMeasure.get(r.measure.id) ?? []).find(
    (o) => o !== r && o.figure.unit === s.unit && overlaps(s.interval, o.interval),
  );
  if (!other) return `${base}.`;
  if (other.figure.place !== r.figure.place)
    return `${base}, which is ${other.placeLabel}'s figure.`;
  if (other.years.total) return `${base}, which is the total for ${periodLabel(other)}.`;
  return `${base}, which is the figure for ${periodLabel(other)}.`;
}

function unverifiedReason(s: Subject, candidates: readonly Candidate[]): string {
  const strong = candidates.find((c) => c.strong);
  const tail = `so the page's ${s.mention} is unchecked, not wrong.`;
  if (strong && s.period && fitOf(s, strong.record) === 'different') {
    return `The dataset has this figure for ${strong.record.placeLabel} only for ${periodsOf(candidates, strong.record)}, not ${s.period.label}, ${tail}`;
  }
  if (
    strong &&
    (strong.record.figure.unit !== s.unit || !timeFits(s.timeBase, strong.record.figure.timeBase))
  ) {
    return `The dataset's figure for ${strong.record.placeLabel} on this is given ${unitWords(strong.record)}, ${tail}`;
  }
  return `No official figure in the dataset covers this measure for ${PLACE_LABELS[s.place as Exclude<PlaceId, 'other'>]}, ${tail}`;
}

function periodsOf(candidates: readonly Candidate[], r: RecordInfo): string {
  const labels = new Set(
    candidates
      .filter((c) => c.record.measure.id === r.measure.id)
      .map((c) => periodLabel(c.record) || 'an unstated period'),
  );
  return [...labels].join(', ');
}

function unitWords(r: RecordInfo): string {
  if (r.figure.unit === 'per-1000') return 'per 1,000 people';
  if (r.figure.unit === 'percent') return 'as a percentage';
  return r.figure.timeBase ? `per ${r.figure.timeBase}` : 'as a count';
}
