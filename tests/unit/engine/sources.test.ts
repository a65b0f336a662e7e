/**
 * The engine against the dataset's own words: every figure's verbatim quote, read as a page
 * titled like its source, must never be called wrong — the quotes are the official figures.
 */
import { describe, expect, it } from 'vitest';
import { dataset, sourceById } from '../../../data';
import { createEngine } from '../../../utils/engine';
import { readCues } from '../../../utils/engine/cues';

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
      const own = claims.find((c) => c.recordId === figure.id);
      if (own) expect(own.verdict).toBe('match');
    },
  );

  it('finds every figure whose quote names its place, as a match', () => {
    const named = dataset.figures.filter((f) =>
      readCues(f.quote, null, true).places.some(
        (p) => p.role === 'subject' && p.place !== null && p.place !== 'other',
      ),
    );
    expect(named.length).toBeGreaterThan(10);
    for (const figure of named) {
      const source = sourceById(figure.sourceId);
      const date = source?.date || source?.republished?.date || undefined;
      const claims = engine.analyseText(figure.quote, { title: source?.title, date });
      expect(claims.find((c) => c.recordId === figure.id)?.verdict, figure.id).toBe('match');
    }
  });
});
