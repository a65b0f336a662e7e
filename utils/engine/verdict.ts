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
import {
  agreedAxes,
  citable,
  consistent,
  firstGap,
  proveAxes,
  proven,
  type AxisSubject,
  type Proof,
} from './axes';
import { bit, TOPICAL, type ConceptMask } from './concepts';
import type { DatasetIndex, NotHeldInfo, RecordInfo } from './dataset-index';
import { findCandidates, type Candidate, type ClaimConcepts } from './match';
import { compatiblePlaces } from './dataset-index';
import { lowerFirst, officialPhrase, periodLabel, shortBody, whoOf } from './official';
import { periodFit, type PagePeriod, type PeriodFit } from './periods';
import { isLocal, PLACE_LABELS, type PlaceId } from './places';
import type { PageTimeBase } from './quantities';
import type { Verdict } from './types';

export interface Subject extends AxisSubject {
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
  /** Words for fuse ranking, in parts read as if joined by spaces. */
  words: string | readonly string[];
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
  const found = findCandidates(
    index,
    { place: s.place, weak: s.weakPlace, concepts: s.concepts, words: s.words },
    cache,
  );
  if (s.place === 'uk' && found.length === 0) return null;
  // The page's date bounds what it can cite: a record it predates is never its source.
  const candidates = citableOf(found, s.pageDate);
  // Proofs are read only for the candidates a verdict actually weighs (same unit and an
  // overlapping value, or a strong measure), once each.
  const proofs = new Map<Candidate, Proof>();
  const proofOf = (c: Candidate): Proof => {
    let p = proofs.get(c);
    if (!p) {
      p = proveAxes(s, c, c.record.soleOfMeasure, s.concepts);
      proofs.set(c, p);
    }
    return p;
  };

  const match = bestMatch(s, candidates, proofOf);
  if (match) {
    return {
      verdict: 'match',
      reason: matchReason(s, match.record, proofOf(match)),
      record: match.record,
      notHeld: null,
    };
  }
  const target = mismatchTarget(s, candidates, proofOf);
  if (target) {
    return {
      verdict: 'mismatch',
      reason: valueReason(s, target.record, index, proofOf(target)),
      record: target.record,
      notHeld: null,
    };
  }
  const unitTarget = unitMismatch(s, candidates, proofOf);
  if (unitTarget) {
    const r = unitTarget.record;
    return {
      verdict: 'mismatch',
      reason: `${whoOf(r)}'s figure for ${r.placeLabel}${when(r)} is ${officialPhrase(r)}, not ${pagePhrase(s)} (same ${agreedAxes(proofOf(unitTarget))}; different unit).`,
      record: r,
      notHeld: null,
    };
  }
  return unverified(unverifiedReason(s, found, candidates, proofOf));
}

/**
 * The candidates a page of this date can cite, kept with each list `findCandidates` shares:
 * the claims of a page share its date and most of their lists, and each filtering sliced the
 * dates of every candidate again.
 */
const CITABLE = new WeakMap<
  readonly Candidate[],
  { pageDate: string | null; candidates: readonly Candidate[] }
>();

function citableOf(found: readonly Candidate[], pageDate: string | null): readonly Candidate[] {
  const known = CITABLE.get(found);
  if (known && known.pageDate === pageDate) return known.candidates;
  const candidates = found.filter((c) => citable(pageDate, c.record));
  CITABLE.set(found, { pageDate, candidates });
  return candidates;
}

function unverified(reason: string): Decision {
  return { verdict: 'unverified', reason, record: null, notHeld: null };
}

/**
 * The best record whose value the claim agrees with, where every axis is proven or implied
 * (measure, unit, place, producer, period) and none is proven different.
 */
function bestMatch(
  s: Subject,
  candidates: readonly Candidate[],
  proofOf: (c: Candidate) => Proof,
): Candidate | null {
  let best: Candidate | null = null;
  let bestFit: PeriodFit = 'different';
  for (const c of candidates) {
    const r = c.record;
    if (r.figure.unit !== s.unit || !timeFits(s.timeBase, r.figure.timeBase)) continue;
    if (!overlaps(s.interval, r.interval)) continue;
    if (!consistent(proofOf(c))) continue;
    const fit = fitOf(s, r);
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
 * The record the claim gets wrong, if it is proven to be about it on every axis: measure,
 * unit kind, place, producer and a period the page states or its context fixes. Another
 * measure the claim could as well be about makes it ambiguous, and so unverified.
 */
function mismatchTarget(
  s: Subject,
  candidates: readonly Candidate[],
  proofOf: (c: Candidate) => Proof,
): Candidate | null {
  const targets = candidates.filter((c) => {
    const r = c.record;
    if (!c.strong || r.figure.unit !== s.unit || !timeFits(s.timeBase, r.figure.timeBase))
      return false;
    return proven(proofOf(c));
  });
  if (targets.length === 0) return null;
  const best = targets[0]!;
  const rival = candidates.find(
    (c) =>
      c.record.measure.id !== best.record.measure.id &&
      c.strong &&
      c.record.figure.unit === s.unit &&
      timeFits(s.timeBase, c.record.figure.timeBase) &&
      proofOf(c).measure.state !== 'different',
  );
  if (rival && best.score - rival.score < AMBIGUITY_MARGIN) return null;
  const sameMeasure = targets.filter((c) => c.record.measure.id === best.record.measure.id);
  if (sameMeasure.length > 1 && new Set(sameMeasure.map((c) => c.record.figure.id)).size > 1) {
    // Two records of one measure fit: only the one whose period is the page's can be meant.
    const exact = sameMeasure.filter((c) => fitOf(s, c.record) === 'same');
    return exact.length === 1 ? exact[0]! : null;
  }
  return best;
}

/** "27.6 per cent" where the source has 27.6 per 1,000: the same number in the wrong unit. */
function unitMismatch(
  s: Subject,
  candidates: readonly Candidate[],
  proofOf: (c: Candidate) => Proof,
): Candidate | null {
  for (const c of candidates) {
    const r = c.record;
    const unitDiffers = r.figure.unit !== s.unit;
    const timeDiffers =
      s.timeBase !== '' && r.figure.timeBase !== '' && !timeFits(s.timeBase, r.figure.timeBase);
    if (!unitDiffers && !timeDiffers) continue;
    if (!c.strong || !overlaps(s.interval, r.interval)) continue;
    if (proven(proofOf(c))) return c;
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

function matchReason(_s: Subject, r: RecordInfo, proof: Proof): string {
  return `Agrees with ${whoOf(r)}'s figure for ${r.placeLabel}${when(r)}: ${officialPhrase(r)} (same ${agreedAxes(proof)}).`;
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

function valueReason(s: Subject, r: RecordInfo, index: DatasetIndex, proof: Proof): string {
  const base = `Same ${agreedAxes(proof)}: ${whoOf(r)}'s figure for ${r.placeLabel}${when(r)} is ${officialPhrase(r)}; the page says ${pagePhrase(s)}`;
  const other = (index.byMeasure.get(r.measure.id) ?? []).find(
    (o) => o !== r && o.figure.unit === s.unit && overlaps(s.interval, o.interval),
  );
  if (!other) return `${base}.`;
  if (other.figure.place !== r.figure.place)
    return `${base}, which is ${other.placeLabel}'s figure.`;
  if (other.years.total) return `${base}, which is the total for ${periodLabel(other)}.`;
  return `${base}, which is the figure for ${periodLabel(other)}.`;
}

function unverifiedReason(
  s: Subject,
  found: readonly Candidate[],
  candidates: readonly Candidate[],
  proofOf: (c: Candidate) => Proof,
): string {
  const tail = `so the page's ${s.mention} is unchecked, not wrong.`;
  if (s.change)
    return `Not checked: the page's figure is a change (a rise or fall), not a level, and the dataset's figures are levels, ${tail}`;
  const predated = found.find((c) => c.strong && !candidates.includes(c));
  if (predated && !candidates.some((c) => c.strong))
    return `Not checked: the page${s.pageDate ? ` (${s.pageDate})` : ''} was published before ${whoOf(predated.record)}'s figure for ${periodLabel(predated.record) || 'this measure'}, ${tail}`;
  const strong = candidates.find((c) => c.strong) ?? candidates[0];
  if (strong) {
    const proof = proofOf(strong);
    const gap = firstGap(proof);
    const agreed = agreedAxes(proof);
    if (gap && gap.axis === 'period' && s.period && fitOf(s, strong.record) === 'different')
      return `Not checked: the dataset has this figure for ${strong.record.placeLabel} only for ${periodsOf(candidates, strong.record)}, not ${s.period.label}, ${tail}`;
    if (gap)
      return `Not checked against ${whoOf(strong.record)}'s figure for ${strong.record.placeLabel}${when(strong.record)}${agreed ? ` (same ${agreed})` : ''}: ${gap.note}, ${tail}`;
    if (
      strong.record.figure.unit !== s.unit ||
      !timeFits(s.timeBase, strong.record.figure.timeBase)
    )
      return `Not checked: the dataset's figure for ${strong.record.placeLabel} on this is given ${unitWords(strong.record)}, ${tail}`;
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
