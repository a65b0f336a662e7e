/**
 * Proof, axis by axis, that a page's figure and an official record are the same statistic:
 * the same measure (what is counted, of which population), the same kind of unit (a level,
 * not a change), the same place, the producer the page names (if it names one) and the same
 * period. A verdict other than "unverified" needs every axis proven; the reason a reader sees
 * names the axes that agreed and the first that did not.
 */
import type { Candidate } from './match';
import { conflict } from './match';
import type { RecordInfo } from './dataset-index';
import { COUNTED_LABEL, sameCounted, type CountedCue } from './measure';
import { bit } from './concepts';
import { periodFit, type PagePeriod } from './periods';
import { BODY_LABEL, type Body } from './producers';
import type { Place } from '../../data/schema';

export type AxisName = 'measure' | 'unit' | 'place' | 'producer' | 'period';

/**
 * `same`: proven. `implied`: not stated, but nothing on the page leaves room for another
 * record (good enough to agree, never to differ). `unnamed`: the page names no producer, so
 * there is nothing to prove. `open`: not proven. `different`: proven different.
 */
export type AxisState = 'same' | 'implied' | 'unnamed' | 'open' | 'different';

export interface AxisResult {
  axis: AxisName;
  state: AxisState;
  /** Plain words for the reader when the axis is not proven ("arrests, not crimes"). */
  note: string;
}

/** What the page says about its figure, as far as the axes need it. */
export interface AxisSubject {
  place: Place | 'other';
  weakPlace: boolean;
  period: PagePeriod | null;
  /** The period was stated in the sentence or fixed by its heading or earlier text. */
  periodFixed: boolean;
  counted: CountedCue;
  restrictions: readonly string[];
  producers: readonly Body[];
  change: boolean;
  /** The page's publication date (yyyy-mm-dd, yyyy-mm or yyyy), or null. */
  pageDate: string | null;
}

export interface Proof {
  measure: AxisResult;
  unit: AxisResult;
  place: AxisResult;
  producer: AxisResult;
  period: AxisResult;
}

const ok = (axis: AxisName, state: AxisState = 'same'): AxisResult => ({ axis, state, note: '' });
const no = (axis: AxisName, state: AxisState, note: string): AxisResult => ({ axis, state, note });

export function proveAxes(
  s: AxisSubject,
  c: Candidate,
  onlyOfMeasure: boolean,
  concepts: Parameters<typeof conflict>[1],
): Proof {
  const producer = producerAxis(s, c.record);
  return {
    measure: measureAxis(s, c, concepts),
    unit: s.change ? no('unit', 'different', 'a change, not a level') : ok('unit'),
    place: placeAxis(s, c.record),
    producer,
    period: periodAxis(s, c.record, onlyOfMeasure, producer.state === 'same'),
  };
}

function measureAxis(
  s: AxisSubject,
  c: Candidate,
  concepts: Parameters<typeof conflict>[1],
): AxisResult {
  const r = c.record;
  const why = conflict(r, concepts);
  if (why && why !== 'change') return no('measure', 'different', `different measure (${why})`);
  const extra = s.restrictions.filter((x) => !r.restrictions.includes(x));
  if (extra.length > 0)
    return no('measure', 'different', `different measure: ${extra.join(', ')} only`);
  const alleges = (r.concepts & bit('allegation')) !== 0n;
  const { head, scope, vague } = s.counted;
  if (r.counted && head && !sameCounted(head, r.counted, alleges))
    return no(
      'measure',
      'different',
      `different measure: ${COUNTED_LABEL[head]}, not ${COUNTED_LABEL[r.counted]}`,
    );
  if (vague)
    return no('measure', 'open', `the page counts "${vague}", which may be another measure`);
  if (r.counted && !head) {
    if (scope.length === 0) return no('measure', 'open', 'the page does not say what it counts');
    if (!scope.some((x) => sameCounted(x, r.counted!, alleges)))
      return no(
        'measure',
        'open',
        `the page may be counting ${scope.map((x) => COUNTED_LABEL[x]).join(' or ')}, not ${COUNTED_LABEL[r.counted]}`,
      );
  }
  // What is counted is proven; whether it is this record's measure among several of that
  // unit rests on the topic words: named outright (strong) or only compatible.
  return c.strong ? ok('measure') : ok('measure', 'implied');
}

/** Bodies whose counting covers the police force area: Kent Police, and the national series of its records. */
const FORCE_AREA_COUNTERS: readonly Body[] = ['kent-police', 'home-office', 'ons'];

function placeAxis(s: AxisSubject, r: RecordInfo): AxisResult {
  const p = r.figure.place;
  if (s.place === p) return ok('place');
  const county = (x: string) => x === 'kent' || x === 'kent-and-medway';
  if (county(s.place) && county(p)) return ok('place');
  // "Kent" is the force area (which includes Medway) only when the page says who counted
  // and that is the force or the national series of police records.
  if (county(s.place) && p === 'kent-police-area')
    return s.producers.some((b) => FORCE_AREA_COUNTERS.includes(b))
      ? ok('place')
      : no('place', 'different', 'Kent, not the Kent police force area, which includes Medway');
  // A page that names only Kent, earlier on, may be about Kent's mental health trust.
  return no('place', 'open', `the page's place is not ${r.placeLabel}`);
}

function producerAxis(s: AxisSubject, r: RecordInfo): AxisResult {
  if (s.producers.length === 0) return ok('producer', 'unnamed');
  if (s.producers.some((b) => r.bodies.includes(b))) return ok('producer');
  // The dataset names only the publisher: the figure may be another body's data it repeats.
  const state: AxisState = r.figure.producer ? 'different' : 'open';
  return no(
    'producer',
    state,
    `counted by ${BODY_LABEL[s.producers[0]!]}, not ${r.bodies.map((b) => BODY_LABEL[b])[0] ?? 'the source'}`,
  );
}

/**
 * A page cannot cite a figure for a period that had not ended when the page was published,
 * nor a source published after it. Compared at the precision both dates have.
 */
export function citable(pageDate: string | null, r: RecordInfo): boolean {
  if (!pageDate) return true;
  const pageYear = Number(pageDate.slice(0, 4));
  if (r.years.to !== null && pageYear < r.years.to) return false;
  const sourceDate = r.source?.date ?? '';
  if (sourceDate) {
    const n = Math.min(pageDate.length, sourceDate.length);
    if (pageDate.slice(0, n) < sourceDate.slice(0, n)) return false;
  }
  return true;
}

/** Months from the record's source publication in which an undated figure is still its latest edition. */
const EDITION_MONTHS_AFTER = 12;
const EDITION_MONTHS_BEFORE = 3;

function months(date: string): number | null {
  const m = /^(\d{4})(?:-(\d\d))?/.exec(date);
  return m ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 6) : null;
}

/**
 * The page was published while the record's source was new: a figure it gives without a
 * period is, in context, the one that source gave. The source's date, or where only a
 * republication is dated, that date.
 */
export function sameEdition(pageDate: string | null, r: RecordInfo): boolean {
  const sourceDate = r.source?.date || r.source?.republished?.date || '';
  const page = pageDate ? months(pageDate) : null;
  const source = sourceDate ? months(sourceDate) : null;
  if (page === null || source === null) return false;
  return page - source <= EDITION_MONTHS_AFTER && source - page <= EDITION_MONTHS_BEFORE;
}

function periodAxis(
  s: AxisSubject,
  r: RecordInfo,
  onlyOfMeasure: boolean,
  namesSource: boolean,
): AxisResult {
  if (!citable(s.pageDate, r))
    return no('period', 'different', `the page (${s.pageDate}) predates this figure`);
  const pinned = s.period !== null && (s.period.total || s.period.from !== null);
  if (r.years.from === null) {
    // The source gives no period: the page's figure is this edition's only when the page
    // credits the source, or was published while the source was new.
    return (namesSource && !pinned) || sameEdition(s.pageDate, r)
      ? ok('period')
      : no('period', 'implied', 'the source gives no period, and the page may quote a later one');
  }
  const fit = periodFit(s.period, r.years);
  if (fit === 'same')
    return s.periodFixed || s.period?.total ? ok('period') : ok('period', 'implied');
  if (fit === 'different')
    return no(
      'period',
      'different',
      `another period: ${s.period?.label ?? ''}, not ${r.figure.period.label}`,
    );
  // No period on the page: only a record that is the sole one of its measure there can be
  // meant, and only while its source was new is that proven.
  if (!onlyOfMeasure || s.period?.total)
    return no('period', 'open', 'the page does not say which period');
  return sameEdition(s.pageDate, r)
    ? ok('period')
    : no(
        'period',
        'implied',
        `the page does not say which period (the dataset's is ${r.figure.period.label})`,
      );
}

/** Every axis proven: the page and the record are one statistic. */
export function proven(p: Proof): boolean {
  return (
    p.measure.state === 'same' &&
    p.unit.state === 'same' &&
    p.place.state === 'same' &&
    p.producer.state !== 'different' &&
    p.period.state === 'same'
  );
}

/** Every axis proven or implied, nothing proven different: enough for an agreeing value. */
export function consistent(p: Proof): boolean {
  return (
    (p.measure.state === 'same' || p.measure.state === 'implied') &&
    p.unit.state === 'same' &&
    p.place.state !== 'different' &&
    p.producer.state !== 'different' &&
    (p.period.state === 'same' || p.period.state === 'implied')
  );
}

/** The first axis not proven, for the reason a reader sees. */
export function firstGap(p: Proof): AxisResult | null {
  const axes = [p.measure, p.unit, p.place, p.producer, p.period];
  for (const a of axes) if (a.state === 'different' || a.state === 'open') return a;
  for (const a of axes) if (a.state === 'implied' && a.note) return a;
  return null;
}

/** The axes that agreed, in words ("measure, unit and place"). */
export function agreedAxes(p: Proof): string {
  const names = [p.measure, p.unit, p.place, p.producer, p.period]
    .filter((a) => a.state === 'same')
    .map((a) => a.axis);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
