/**
 * Period cues: when a sentence says its figure happened. Periods are compared at the
 * granularity of years (first year, last year), which is how the sources label them
 * ("2021/22", "between 2011 and 2018", "2025 (up to 02/09/25)"): month-level detail such as
 * "by mid-April" is kept in the label but never makes two periods disagree.
 *
 * Cues the product cannot pin to years ("over the past two years", "in under three years")
 * are `vague`: they may confirm a match but never make a mismatch, because a figure for a
 * period we cannot place is unchecked, not wrong.
 */

export type PeriodKind =
  /** Years given outright: "in 2015", "2021/22", "between 2011 and 2018". */
  | 'explicit'
  /** Years resolved from the page's date: "last year", "this year". */
  | 'relative'
  /** A period the product cannot pin down. */
  | 'vague'
  /** "That year", "the same period": the period of the previous sentence. */
  | 'anaphoric';

export interface PeriodCue {
  start: number;
  end: number;
  /** The period as the page words it. */
  label: string;
  from: number | null;
  to: number | null;
  kind: PeriodKind;
}

/** A resolved period: the years it covers, or null years for a vague one. */
export interface PagePeriod {
  label: string;
  from: number | null;
  to: number | null;
  kind: PeriodKind;
  /** "Total": the whole span of a series (a table's total column, a "Total:" label). */
  total?: boolean;
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const NUM_WORD = '(?:two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})';
/** A point in time as journalists write one inside a range: "January 2023", "2 September this year". */
const POINT = `(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+|(?:early|mid-?|late|the end of)\\s*)?${MONTH}\\s+)?(?:${YEAR}|this year|last year)|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}`;
/** "by mid-April", "up to 2 September": the end of a year-to-date period. */
const TO_DATE = `(?:\\s*\\(?(?:up to|up until|until|to|by|as of)\\s+(?:mid-?|early\\s+|late\\s+|the end of\\s+)?(?:\\d{1,2}\\s+)?${MONTH}(?:\\s+${YEAR})?\\)?)?`;

/** "year ending June 2025", "12 months to June 2025": groups 1 and 2 are its closing month and year. */
const ROLLING_YEAR = `(?:year|12 months|twelve months)\\s+(?:ending|ended|to|up to|until)\\s+(?:the end of\\s+)?(?:\\d{1,2}\\s+)?(${MONTH})\\s+(${YEAR})`;

interface Rule {
  re: RegExp;
  read(
    m: RegExpExecArray,
    pageYear: number | null,
  ): Omit<PeriodCue, 'start' | 'end' | 'label'> | null;
}

function year(s: string | undefined, base?: number): number | null {
  if (s === undefined) return null;
  if (s.length === 2 && base !== undefined) return Math.floor(base / 100) * 100 + Number(s);
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A year; not global, so each search starts at the beginning. */
const YEAR_RE = new RegExp(YEAR);

/** Year of a POINT expression, using the page's year for "this year" / "last year". */
function pointYear(point: string, pageYear: number | null): number | null {
  const y = YEAR_RE.exec(point);
  if (y) return Number(y[0]);
  if (/this year/i.test(point)) return pageYear;
  if (/last year/i.test(point)) return pageYear === null ? null : pageYear - 1;
  return null;
}

/**
 * Ordered rules; earlier rules win where spans overlap. Each is precompiled once.
 * Years after "published", "released" and the like are when a report came out, not what
 * its figures cover, so they are not cues.
 */
const RULES: Rule[] = [
  {
    // "the year ending June 2025", "the 12 months to June 2025": a rolling year, told apart
    // from calendar and financial years by its closing month (see `periodFit`).
    re: new RegExp(`\\b(?:the\\s+)?${ROLLING_YEAR}`, 'gi'),
    read(m) {
      const to = year(m[2]);
      if (to === null) return null;
      const december = /^dec/i.test(m[1] ?? '');
      return { from: december ? to : to - 1, to, kind: 'explicit' };
    },
  },
  {
    // "between January 2023 and 2 September this year", "from 2011 to 2018"
    re: new RegExp(
      `\\b(?:between|from)\\s+(${POINT})\\s+(?:and|to|until)\\s+(${POINT})${TO_DATE}`,
      'gi',
    ),
    read(m, pageYear) {
      const from = pointYear(m[1] ?? '', pageYear);
      const to = pointYear(m[2] ?? '', pageYear) ?? from;
      if (from === null || to === null || to < from) return null;
      return { from, to, kind: /this year|last year/i.test(m[0]) ? 'relative' : 'explicit' };
    },
  },
  {
    // "2021/22", "2017-2021", "2021-22 academic year", "2017 to 2021", "2020 and 2021"
    re: new RegExp(
      `\\b(${YEAR})\\s?(?:[/–—-]|\\s(?:to|and|until|through)\\s)\\s?(${YEAR}|\\d{2})(?![\\d/])${TO_DATE}`,
      'gi',
    ),
    read(m) {
      const from = year(m[1]);
      const to = year(m[2], from ?? undefined);
      if (from === null || to === null || to < from || to - from > 30) return null;
      return { from, to, kind: 'explicit' };
    },
  },
  {
    // "this year", "so far this year", "last year", "this year, ... by mid-April"
    re: new RegExp(`\\b(?:so far )?(this|last|previous) (year|month)${TO_DATE}`, 'gi'),
    read(m, pageYear) {
      if (pageYear === null) return { from: null, to: null, kind: 'vague' };
      const which = (m[1] ?? '').toLowerCase();
      const unit = (m[2] ?? '').toLowerCase();
      if (which === 'previous') return { from: null, to: null, kind: 'vague' };
      const y = which === 'last' && unit === 'year' ? pageYear - 1 : pageYear;
      return { from: y, to: y, kind: 'relative' };
    },
  },
  {
    // "that year", "the same period", "the whole period": the previous sentence's period
    re: /\b(?:that|the same|the whole|this) (?:year|period|time|two years|three years)\b(?!(?:'s|’s)?\s+(?:figures|data))/gi,
    read: () => ({ from: null, to: null, kind: 'anaphoric' }),
  },
  {
    // "over the past two years", "in under three years", "in the last 12 months", "since records began"
    re: new RegExp(
      `\\b(?:(?:over|in|during|within)\\s+(?:the\\s+)?(?:past|last|previous|under|less than|more than|just over|nearly|almost)?\\s*${NUM_WORD}\\s+(?:years?|months?|weeks?)|(?:in|over|during)\\s+(?:the\\s+)?(?:past|last|previous)\\s+(?:year|twelve months|decade)|a year earlier|the year before)\\b`,
      'gi',
    ),
    read: () => ({ from: null, to: null, kind: 'vague' }),
  },
  {
    // "since January 2023": from then to the page's date
    re: new RegExp(`\\bsince\\s+(?:(?:\\d{1,2}\\s+)?${MONTH}\\s+)?(${YEAR})\\b`, 'gi'),
    read(m, pageYear) {
      const from = year(m[1]);
      if (from === null || pageYear === null || pageYear < from)
        return { from: null, to: null, kind: 'vague' };
      return { from, to: pageYear, kind: 'relative' };
    },
  },
  {
    // "in 2015", "By 2015", "2025 (to 2 Sept)", "in April 2018"
    re: new RegExp(
      `(?<!(?:(?:published|released|issued|updated|dated|launched|founded|established|since)\\s+(?:in\\s+|on\\s+)?(?:${MONTH}\\s+)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+))\\b(${YEAR})(?![\\d/,.]\\d)${TO_DATE}`,
      'gi',
    ),
    read(m) {
      const y = year(m[1]);
      return y === null ? null : { from: y, to: y, kind: 'explicit' };
    },
  },
  {
    // "by mid-April" alone: the current year, to date
    re: new RegExp(
      `\\b(?:up to|up until|until|by|as of)\\s+(?:mid-?|early\\s+|late\\s+|the end of\\s+)${MONTH}`,
      'gi',
    ),
    read(_m, pageYear) {
      return pageYear === null
        ? { from: null, to: null, kind: 'vague' }
        : { from: pageYear, to: pageYear, kind: 'relative' };
    },
  },
];

/** Every period cue in `text`, left to right, non-overlapping. */
export function scanPeriods(text: string, pageYear: number | null): PeriodCue[] {
  const found: PeriodCue[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        rule.re.lastIndex += 1;
        continue;
      }
      if (found.some((c) => c.start < end && start < c.end)) continue;
      const read = rule.read(m, pageYear);
      // Fields named rather than spread from `read` (same order): cheaper for every cue.
      if (read)
        found.push({
          start,
          end,
          label: m[0].trim(),
          from: read.from,
          to: read.to,
          kind: read.kind,
        });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The years a dataset period covers, from its `from`/`to` partial dates. */
export function recordYears(from: string, to: string): { from: number | null; to: number | null } {
  const f = from ? Number(from.slice(0, 4)) : null;
  const t = to ? Number(to.slice(0, 4)) : f;
  return { from: f, to: t ?? f };
}

export type PeriodFit = 'same' | 'unknown' | 'different';

/**
 * How a page's period relates to a record's. `unknown` when either side does not pin its
 * years down (no cue, a vague cue, or a record without dates): compatible for a match, never
 * grounds for a mismatch on its own.
 */
export function periodFit(
  page: PagePeriod | null,
  record: { from: number | null; to: number | null; total: boolean; window?: string | null },
): PeriodFit {
  if (page?.total) return record.total ? 'same' : 'different';
  if (!page || page.from === null || page.to === null) return 'unknown';
  if (record.from === null || record.to === null) return 'unknown';
  // A rolling year ("year ending June 2025") is only the page's when the page names the same
  // closing month: 2024/25 and calendar 2024 share its years but not its months.
  if (record.window) return windowOf(page.label) === record.window ? 'same' : 'different';
  if (windowOf(page.label)) return 'different';
  return page.from === record.from && page.to === record.to ? 'same' : 'different';
}

const WINDOW_LABEL = new RegExp(`\\b${ROLLING_YEAR}`, 'i');
const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/** 1 to 12 for a month's name or its abbreviation ("June", "Sept."), 0 for anything else. */
export function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The closing month of a rolling year in a page's words ("year ending June 2025" → "2025-06"). */
export function windowOf(label: string): string | null {
  const m = WINDOW_LABEL.exec(label);
  if (!m) return null;
  const month = monthNumber(m[1] ?? '');
  return month > 0 ? `${m[2]}-${String(month).padStart(2, '0')}` : null;
}

/**
 * The closing month of a record whose period is a rolling year not aligned with the calendar
 * or the financial year ("2024-07" to "2025-06"), or null.
 */
export function recordWindow(from: string, to: string): string | null {
  const f = /^(\d{4})-(\d{2})/.exec(from);
  const t = /^(\d{4})-(\d{2})/.exec(to);
  if (!f || !t) return null;
  const span = (Number(t[1]) - Number(f[1])) * 12 + Number(t[2]) - Number(f[2]) + 1;
  const closing = Number(t[2]);
  if (span !== 12 || closing === 12 || closing === 3) return null;
  return `${t[1]}-${t[2]}`;
}

/** The page's year from its ISO date, or null. */
export function pageYearOf(date: string | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})/.exec(date);
  return m && m[1] !== undefined ? Number(m[1]) : null;
}
