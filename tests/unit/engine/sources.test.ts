/**
 * The engine against the dataset's own words: every figure's verbatim quote, read as a page
 * titled like its source, must never be called wrong — the quotes are the official figures.
 */
import { describe, expect, it } from 'vitest';
import { dataset, sourceById } from '../../../data';
import { createEngine } from '../../../utils/engine';
import { readCues } from '../../../utils/engine/cues';
import { scanPeriods } from '../../../utils/engine/periods';

const engine = createEngine(dataset);

describe('official quotes', () => {
  it.each(dataset.figures.map((f) => [f.id, f] as const))(
    '%s: its own quote is never a mismatch',
    (_id, figure) => {
      const source = sourceById(figure.sourceId);
      const date = source?.date || source?.republished?.date || undefined;
      const claims = engine.analyseText(figure.quote, { title: source?.title, date });
      for (const claim of claims)
        expect([claim.verdict, claim.mention, claim.reason]).not.toContain('mismatch');
      // Where the quote is read as the figure itself, it agrees; not finding it is allowed.
      const ownNotAgreeing = claims.filter(
        (c) => c.recordId === figure.id && c.verdict !== 'match',
      );
      expect(ownNotAgreeing.map((c) => c.verdict)).toEqual([]);
    },
  );

  /** A quote that names its place and fixes its period: a series row without its column headers does not. */
  // A table source's quote is a CSV row: read as prose it names no measure.
  const named = dataset.figures.filter(
    (f) =>
      !f.column &&
      readCues(f.quote, null, true).places.some(
        (p) => p.role === 'subject' && p.place !== null && p.place !== 'other',
      ),
  );
  const seriesRow = (f: (typeof named)[number]) =>
    f.series !== undefined &&
    f.period.from !== '' &&
    !scanPeriods(f.quote, null).some((p) => p.kind === 'explicit' && p.from !== null);

  it('finds every figure whose quote names its place and period, as a match', () => {
    const standalone = named.filter((f) => !seriesRow(f));
    expect(standalone.length).toBeGreaterThan(5);
    for (const figure of standalone) {
      const source = sourceById(figure.sourceId);
      const date = source?.date || source?.republished?.date || undefined;
      const claims = engine.analyseText(figure.quote, { title: source?.title, date });
      expect(claims.find((c) => c.recordId === figure.id)?.verdict, figure.id).toBe('match');
    }
  });

  it('never checks a series row read without its column headers: its period is unproven', () => {
    const rows = named.filter(seriesRow);
    expect(rows.length).toBeGreaterThan(5);
    for (const figure of rows) {
      const claims = engine.analyseText(figure.quote, {});
      const own = claims.find((c) => c.value === figure.value);
      // Not found at all is as good: neither agrees nor differs.
      expect([undefined, 'unverified'], figure.id).toContain(own?.verdict);
    }
  });
});
