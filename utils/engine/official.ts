/**
 * How an official figure is shown: the CLI contract's `official` object and the short
 * phrases reasons are built from. Kept apart from the verdict logic so wording changes never
 * touch decisions.
 */
import type { RecordInfo } from './dataset-index';
import type { Official } from './types';

/** "Kent County Council (Information Resilience and Transparency)" → "Kent County Council". */
export function shortBody(name: string): string {
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim();
  if (/^Kent (?:and|&) Medway NHS (?:and|&) Social Care Partnership Trust$/i.test(plain))
    return 'KMPT';
  return plain || name;
}

/**
 * Each record's credit and phrase, worked out once: a reason quotes them for every claim it
 * checks against the record, and a page checks thousands of claims against the same few.
 */
const whos = new WeakMap<RecordInfo, string>();
const phrases = new WeakMap<RecordInfo, string>();

/** Who the reader should credit the figure to: the producer named inside the source, else its publisher. */
export function whoOf(r: RecordInfo): string {
  let who = whos.get(r);
  if (who === undefined) {
    who = shortBody(r.figure.producer || r.source?.publisher || 'the source');
    whos.set(r, who);
  }
  return who;
}

/** The figure as the source words it, qualifier included ("over 100", "an estimated 20,615"). */
export function displayOf(r: RecordInfo): string {
  const { qualifier, qualifierText, valueText } = r.figure;
  if (qualifier === 'exact') return valueText;
  if (qualifier === 'estimate') return `an estimated ${valueText}`;
  return `${qualifierText || qualifier} ${valueText}`.trim();
}

/** The figure with its unit in words: "over 100 a day", "27.6 per 1,000 population", "40%". */
export function officialPhrase(r: RecordInfo): string {
  let phrase = phrases.get(r);
  if (phrase === undefined) {
    phrase = phraseOf(r);
    phrases.set(r, phrase);
  }
  return phrase;
}

function phraseOf(r: RecordInfo): string {
  const f = r.figure;
  const display = displayOf(r);
  const perTime = f.timeBase ? ` a ${f.timeBase}` : '';
  switch (f.unit) {
    case 'per-1000':
      return `${display} per 1,000 ${f.rateBase || 'population'}${perTime}`;
    case 'percent':
      return /%|per ?cent/i.test(display) || /[a-z]/i.test(f.valueText)
        ? lowerFirst(display)
        : `${display}%`;
    case 'count':
      return `${display}${perTime}`;
  }
}

export function periodLabel(r: RecordInfo): string {
  const p = r.figure.period;
  if (p.label) return p.label;
  if (p.from && p.to && p.from !== p.to) return `${p.from} to ${p.to}`;
  return p.from || p.to || '';
}

/** "Three quarters" → "three quarters" inside a sentence; acronyms ("KCC") stay as they are. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * The official figure as claims carry it: one frozen object per record, shared by every
 * claim that cites it. A long page cites the same few records tens of thousands of times,
 * and a copy each made the garbage collector's pauses long enough to show.
 */
const officials = new WeakMap<RecordInfo, Official>();

export function officialOf(r: RecordInfo): Official {
  let official = officials.get(r);
  if (official) return official;
  const s = r.source;
  official = Object.freeze({
    recordId: r.figure.id,
    value: r.figure.value,
    display: displayOf(r),
    unit: r.figure.unit,
    place: r.placeLabel,
    period: periodLabel(r),
    quote: r.figure.quote,
    source: Object.freeze({
      id: r.figure.sourceId,
      title: s?.title ?? '',
      publisher: s?.publisher ?? '',
      date: s?.date ?? '',
      reference: s?.reference ?? '',
      url: s?.url ?? '',
    }),
  });
  officials.set(r, official);
  return official;
}
