/**
 * How an official figure is shown: the CLI contract's `official` object and the short
 * phrases reasons are built from. Kept apart from the verdict logic so wording changes never
 * touch decisions.
 */
import type { RecordInfo } from './dataset-index';
import { rememberedPer } from './memo';
import type { Official } from './types';

/** "Kent County Council (Information Resilience and Transparency)" → "Kent County Council". */
export function shortBody(name: string): string {
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim();
  if (/^Kent (?:and|&) Medway NHS (?:and|&) Social Care Partnership Trust$/i.test(plain))
    return 'KMPT';
  return plain || name;
}

/**
 * Who the reader should credit the figure to: the producer named inside the source, else its
 * publisher. Remembered per record, as the phrase and the official figure below are: a reason
 * quotes them for every claim it checks against the record, and a page checks thousands of
 * claims against the same few.
 */
export const whoOf = rememberedPer((r: RecordInfo): string =>
  shortBody(r.figure.producer || r.source?.publisher || 'the source'),
);

/** The figure as the source words it, qualifier included ("over 100", "an estimated 20,615"). */
export function displayOf(r: RecordInfo): string {
  const { qualifier, qualifierText, valueText } = r.figure;
  if (qualifier === 'exact') return valueText;
  if (qualifier === 'estimate') return `an estimated ${valueText}`;
  return `${qualifierText || qualifier} ${valueText}`.trim();
}

/** The figure with its unit in words: "over 100 a day", "27.6 per 1,000 population", "40%". */
export const officialPhrase = rememberedPer(phraseOf);

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
export const officialOf = rememberedPer((r: RecordInfo): Official => {
  const s = r.source;
  return Object.freeze({
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
});
