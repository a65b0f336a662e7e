/**
 * The page's publication date, as yyyy-mm-dd: from metadata, JSON-LD, a <time> element or a
 * byline. The engine reads "last year" and a page's period bounds from it.
 */
import { monthNumber } from '../engine/periods';
import type { FailureLog } from './failures';

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date"]',
  'meta[name="dc.date"]',
];

const JSON_LD = 'script[type="application/ld+json"]';

/** The page's publication date as yyyy-mm-dd, from metadata, JSON-LD, a <time> element or a byline. */
export function publicationDate(doc: Document, failures?: FailureLog): string | undefined {
  return taggedDate(doc, failures) ?? bylineDateIn(doc);
}

/**
 * The date from metadata, JSON-LD or a <time> element. Every element of those tags is found
 * in one pass over the page, in document order, and each step picks its own out: a pass per
 * selector took 49-57 ms on a page of 100,000 elements in Firefox, one pass 36-37 ms with the
 * bylines' selector in it too (tests/bench/NOTES.md).
 */
export function taggedDate(doc: Document, failures?: FailureLog): string | undefined {
  const found = Array.from(doc.querySelectorAll(TAGGED_DATE_SOURCE));
  for (const selector of DATE_SELECTORS) {
    const value = isoDate(found.find((el) => el.matches(selector))?.getAttribute('content'));
    if (value) return value;
  }
  for (const script of found.filter((el) => el.matches(JSON_LD))) {
    let value: string | undefined;
    try {
      value = isoDate(jsonLdDate(script.textContent ?? ''));
    } catch (error) {
      // One bad item of the page's metadata skips that item, never the page.
      if (failures) failures.report('read a JSON-LD item', error);
      else console.debug('Kent Stats Check could not read a JSON-LD item', error);
    }
    if (value) return value;
  }
  for (const time of found.filter((el) => el.matches(TIME_DATE))) {
    const value = isoDate(time.getAttribute('datetime'));
    if (value) return value;
  }
  return undefined;
}

/**
 * The date of a dated byline ("Published: 10:46, 15 October 2020"): only the few elements a
 * news site marks as its byline or date line, so a date in the article text is never taken
 * for it. A pass of its own: its selectors of class names are most of the cost of looking for
 * a date in Chromium (29-55 ms of a page of 100,000 elements, with the tagged sources).
 */
export function bylineDateIn(doc: Document): string | undefined {
  for (const el of Array.from(doc.querySelectorAll(BYLINE_SELECTOR)).slice(0, BYLINES_READ)) {
    const value = bylineDate(el.textContent ?? '');
    if (value) return value;
  }
  return undefined;
}

/** Bylines read at most, the first in the page. */
const BYLINES_READ = 8;

const BYLINE_SELECTOR =
  '[class*="byline" i], [class*="dateline" i], [class*="published" i], [class*="article-date" i], [class*="post-date" i], [itemprop="datePublished"], time';
const TIME_DATE = 'time[datetime]';
const TAGGED_DATE_SOURCE = [...DATE_SELECTORS, JSON_LD, TIME_DATE].join(', ');

const DAY_MONTH_YEAR =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/i;
const MONTH_DAY_YEAR =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b/i;

/** A written date in a byline ("15 October 2020", "October 15, 2020") as yyyy-mm-dd. */
export function bylineDate(text: string): string | undefined {
  const short = text.slice(0, 200);
  const dmy = DAY_MONTH_YEAR.exec(short);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(short);
  const day = dmy?.[1] ?? mdy?.[2];
  const month = dmy?.[2] ?? mdy?.[1];
  const year = dmy?.[3] ?? mdy?.[3];
  if (!day || !month || !year) return undefined;
  const m = monthNumber(month);
  if (m === 0 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** JSON-LD items looked at for a date, at most. */
const JSON_LD_ITEMS = 10_000;

function jsonLdDate(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const stack: unknown[] = [data];
  // An item at a time, never spread onto the call stack (an array of 300,000 items overflowed
  // it), and only so many: a date sits near the top of real metadata.
  for (let seen = 0; stack.length > 0 && seen < JSON_LD_ITEMS; seen++) {
    const item = stack.pop();
    if (Array.isArray(item))
      for (let i = 0; i < item.length && i < JSON_LD_ITEMS; i++) stack.push(item[i]);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (typeof record.datePublished === 'string') return record.datePublished;
      if (record['@graph']) stack.push(record['@graph']);
    }
  }
  return undefined;
}

function isoDate(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value ?? '');
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
}
