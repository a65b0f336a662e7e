import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/engine/sentences';

describe('sentences', () => {
  const text =
    'Dr. Smith said No. 5 was approx. 40% of the total. Kent Police recorded 100 crimes a day. Was it more?';
  for (const useSegmenter of [true, false]) {
    it(`keeps abbreviations inside sentences (${useSegmenter ? 'Intl.Segmenter' : 'fallback'})`, () => {
      const sentences = splitSentences(text, useSegmenter);
      expect(sentences.map((s) => s.text)).toEqual([
        'Dr. Smith said No. 5 was approx. 40% of the total.',
        'Kent Police recorded 100 crimes a day.',
        'Was it more?',
      ]);
      for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  }

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
