/**
 * "Check a number": the closest official figures for a typed sentence or number, even
 * without the Kent context a page claim needs ("Thanet 4,548", "over 100 domestic abuse
 * crimes a day"). Records are ranked by how well their measure, place, period and value
 * fit what was typed; each comes with the verdict the typed figure would get against it.
 *
 * Runs on every keystroke: it reads one short text and scores the records of the places it
 * names (all records when it names none), with the measure ranking cached per query.
 */
import type { Unit } from '../../data/schema';
import { OVER_MAX_RATIO, overlaps, valueInterval } from './bands';
import { scanAttributions } from './attribution';
import { bit, conceptsOf, TOPICAL } from './concepts';
import type { DatasetIndex, RecordInfo } from './dataset-index';
import { measureScore, rankMeasures, type ClaimConcepts } from './match';
import { officialOf, officialPhrase, periodLabel, whoOf } from './official';
import { periodFit, scanPeriods, type PagePeriod } from './periods';
import { DISTRICTS, scanPlaces, type PlaceId } from './places';

import { readMentions, type Mention } from './quantities';
import type { StatementCheck, Verdict } from './types';
import { decide } from './verdict';

const TEACHERS_OR_SOCIAL_WORKERS = bit('teacher') | bit('social-worker');

export function checkStatement(
  text: string,
  index: DatasetIndex,
  limit: number,
  cache: Map<string, Map<number, number>>,
): StatementCheck[] {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return [];
  const { mentions } = readMentions(trimmed);
  const mention = mentions[0] ?? null;
  const places = scanPlaces(trimmed)
    .map(
      (p) =>
        p.place ??
        (p.generic === 'trust'
          ? 'kmpt'
          : p.generic === 'county' || p.generic === 'force'
            ? 'kent'
            : null),
    )
    .filter((p): p is PlaceId => p !== null && p !== 'other');
  const periodCue = scanPeriods(trimmed, null).find((p) => p.kind === 'explicit') ?? null;
  const period: PagePeriod | null = periodCue
    ? { label: periodCue.label, from: periodCue.from, to: periodCue.to, kind: periodCue.kind }
    : null;
  const concepts: ClaimConcepts = {
    near: conceptsOf(trimmed),
    own: 0n,
    context: 0n,
    change: mention?.change ?? false,
  };
  const out: StatementCheck[] = [];

  const kcc = scanAttributions(trimmed, true).some((a) => a.body === 'kcc');
  if (
    kcc &&
    (concepts.near & TEACHERS_OR_SOCIAL_WORKERS) !== 0n &&
    (concepts.near & TOPICAL) !== 0n
  ) {
    const decision = mention
      ? decide(subjectOf(trimmed, mention, 'kent', period, concepts), index, cache)
      : null;
    if (decision?.notHeld) {
      out.push({
        verdict: 'not-held',
        reason: decision.reason,
        mention: mentionText(trimmed, mention),
        value: mention?.value ?? null,
        unit: mention?.unit ?? null,
        recordId: null,
        notHeldId: decision.notHeld.statement.id,
        official: null,
        score: 0,
      });
    }
  }

  const fuseScores = rankMeasures(index, '*', trimmed, cache);
  const pool =
    places.length > 0 ? places.flatMap((p) => index.byPlace.get(p as never) ?? []) : index.records;
  const scored: Array<{ r: RecordInfo; score: number; measure: number }> = [];
  for (const r of pool) {
    const measure = measureScore(r, concepts);
    const fuse = 1 - (fuseScores.get(r.measure.id) ?? 1);
    const value = mention ? valueCloseness(mention, r) : 0;
    const unit = mention && r.figure.unit === mention.unit ? 0.3 : 0;
    const when = period ? (periodFit(period, r.years) === 'same' ? 0.5 : -0.3) : 0;
    const score = measure + 0.5 * fuse + value + unit + when;
    if (measure > 0 || fuse > 0 || value > 0.5) scored.push({ r, score, measure });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  // Typed topic words name a measure: only the records that fit it best are that measure.
  // A figure of another measure can be shown as close, never as agreeing or differing.
  const named = (concepts.near & TOPICAL) !== 0n;
  const bestMeasure = Math.max(0, ...scored.map((x) => x.measure));
  for (const { r, score, measure } of scored.slice(0, limit)) {
    // A district's figure is that district's: with no place typed it is not what was meant.
    const placeFits = places.length > 0 || !DISTRICTS.has(r.figure.place);
    // A different unit and a different value is another measure, not a misquoted one.
    const unitFits =
      !mention ||
      mention.unit === r.figure.unit ||
      overlaps(valueInterval(mention.value, mention.halfUnit, mention.qualifier), r.interval);
    const sameMeasure = named
      ? bestMeasure > 0 && measure >= bestMeasure && placeFits && unitFits
      : null;
    const { verdict, reason } = verdictAgainst(trimmed, mention, r, sameMeasure, places.length > 0);
    out.push({
      verdict,
      reason,
      mention: mentionText(trimmed, mention),
      value: mention?.value ?? null,
      unit: mention?.unit ?? null,
      recordId: r.figure.id,
      notHeldId: null,
      official: officialOf(r),
      score: best > 0 ? Math.max(0, Math.min(1, 1 - score / best)) : 1,
    });
  }
  return out.slice(0, limit);
}

function mentionText(text: string, m: Mention | null): string | null {
  return m ? text.slice(m.start, m.end) : null;
}

/** 1 when the typed value is the record's, falling off with the ratio between them. */
function valueCloseness(m: Mention, r: RecordInfo): number {
  const interval = valueInterval(m.value, m.halfUnit, m.qualifier);
  if (overlaps(interval, r.interval)) return 1.5;
  const a = Math.abs(m.value) + 1;
  const b = Math.abs(r.figure.value) + 1;
  const ratio = Math.max(a, b) / Math.min(a, b);
  return ratio <= OVER_MAX_RATIO * 2 ? 0.5 / ratio : 0;
}

function subjectOf(
  text: string,
  m: Mention,
  place: PlaceId,
  period: PagePeriod | null,
  concepts: ClaimConcepts,
) {
  return {
    mention: text.slice(m.start, m.end),
    value: m.value,
    interval: valueInterval(m.value, m.halfUnit, m.qualifier),
    unit: m.unit,
    timeBase: m.timeBase,
    place,
    weakPlace: false,
    period,
    concepts,
    attribution: 'kcc' as const,
    words: text,
    periodFixed: period !== null,
    counted: { head: null, scope: [], vague: null },
    restrictions: [],
    producers: [],
    change: m.change,
    pageDate: null,
  };
}

/** The verdict the typed figure gets against one record, with its reason. */
function verdictAgainst(
  text: string,
  m: Mention | null,
  r: RecordInfo,
  /** Whether the typed words name this record's measure; null when they name none. */
  sameMeasure: boolean | null,
  /** Whether the typed words name a place. */
  placeNamed: boolean,
): { verdict: Verdict; reason: string } {
  const figure = `${whoOf(r)}'s figure for ${r.placeLabel}${periodLabel(r) ? ` (${periodLabel(r)})` : ''}`;
  const official = `${figure} is ${officialPhrase(r)}`;
  if (!m) return { verdict: 'unverified', reason: `${official}.` };
  const typed = text.slice(m.start, m.end);
  const interval = valueInterval(m.value, m.halfUnit, m.qualifier);
  const sameUnit: boolean = r.figure.unit === (m.unit as Unit);
  const sameTime =
    m.timeBase === r.figure.timeBase || m.timeBase === '' || r.figure.timeBase === '';
  if (sameMeasure === false)
    return {
      verdict: 'unverified',
      reason: `${official}: a different measure from the one you typed, shown as the closest figure.`,
    };
  // A number alone, with neither measure nor place named ("4 out of 5 said they would bake
  // it again"), agrees with some figure by chance: no evidence either way.
  if (sameMeasure === null && !placeNamed)
    return {
      verdict: 'unverified',
      reason: `${official}; you typed ${typed}, with no measure or place to check it against.`,
    };
  if (sameUnit && sameTime && overlaps(interval, r.interval))
    return { verdict: 'match', reason: `Agrees with ${figure}: ${officialPhrase(r)}.` };
  // Without words naming the measure, a different number is no evidence of an error.
  if (sameMeasure === null)
    return {
      verdict: 'unverified',
      reason: `${official}; you typed ${typed}, with no measure to check it against.`,
    };
  if (!sameUnit && overlaps(interval, r.interval))
    return { verdict: 'mismatch', reason: `${official}, not ${typed}.` };
  return { verdict: 'mismatch', reason: `${official}; you typed ${typed}.` };
}
