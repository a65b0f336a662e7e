import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, splitSentences } from '../../../utils/engine/sentences';

/** The sentences of `text`, checked to be exact slices of it at their offsets. */
function sentencesOf(text: string): string[] {
  const sentences = splitSentences(text);
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  return sentences.map((s) => s.text);
}

describe('sentences', () => {
  it('keeps abbreviations inside sentences', () => {
    expect(
      sentencesOf(
        'Dr. Smith said No. 5 was approx. 40% of the total. Kent Police recorded 100 crimes a day. Was it more?',
      ),
    ).toEqual([
      'Dr. Smith said No. 5 was approx. 40% of the total.',
      'Kent Police recorded 100 crimes a day.',
      'Was it more?',
    ]);
  });

  // The cases where a plain "full stop and a space" rule and the Unicode sentence rules
  // (Intl.Segmenter) part: the splitter follows the Unicode rules.
  it.each([
    [
      'quotes closing a sentence',
      '“It is shocking,” she said. “We recorded 100 crimes a day.” The force disagreed.',
      ['“It is shocking,” she said.', '“We recorded 100 crimes a day.”', 'The force disagreed.'],
    ],
    [
      'a sentence going on after a number',
      '1,709 calls were made. 2,000 the year after.',
      ['1,709 calls were made. 2,000 the year after.'],
    ],
    [
      'an aside after an exclamation mark',
      'Some 4,548 assaults — up 20%! — were logged. Staff said so.',
      ['Some 4,548 assaults — up 20%! — were logged.', 'Staff said so.'],
    ],
    [
      'a question run into the next sentence',
      'Another sentence?No space here.',
      ['Another sentence?', 'No space here.'],
    ],
    [
      'a full stop run into the next word',
      'Sevenoaks averaged 1,709 calls.The next year it fell.',
      ['Sevenoaks averaged 1,709 calls.The next year it fell.'],
    ],
    [
      'line breaks, with or without a full stop',
      'Line one without stop\nLine two. Next',
      ['Line one without stop', 'Line two.', 'Next'],
    ],
    ['rows of a table', 'Thanet\t27.6\nswale\t20.1', ['Thanet\t27.6', 'swale\t20.1']],
    [
      'decimals and a bracketed page',
      'The rate was 12.5%. Figures (see p. 4) agreed.',
      ['The rate was 12.5%.', 'Figures (see p. 4) agreed.'],
    ],
  ])('%s', (_label, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });

  // Issue 13: a sentence that never ends made every claim in it read all of it.
  it('reads a sentence that never ends in pieces of bounded length, cut after commas, losing no text', () => {
    const text = `Kent ${Array.from({ length: 2000 }, (_, i) => `${i} assaults`).join(', ')}`;
    const pieces = splitSentences(text);
    expect(pieces.length).toBeGreaterThan(text.length / MAX_SENTENCE);
    for (const p of pieces) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
    }
    for (const p of pieces.slice(0, -1)) expect(p.text).toMatch(/ assaults,$/);
    expect(pieces.map((p) => p.text).join(' ')).toBe(text);
  });

  it('cuts a long sentence without commas at a space, and one without spaces at the limit', () => {
    const words = `Kent Police recorded ${'one in four out of ten in '.repeat(200)}crimes.`;
    const pieces = splitSentences(words);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(pieces.map((p) => p.text).join(' ')).toBe(words);
    const solid = 'x'.repeat(MAX_SENTENCE * 3);
    expect(splitSentences(solid).map((p) => p.text.length)).toEqual([
      MAX_SENTENCE,
      MAX_SENTENCE,
      MAX_SENTENCE,
    ]);
    expect(splitSentences(`Kent ${' '.repeat(64_000)}100 crimes.`).map((p) => p.text)).toEqual([
      'Kent',
      '100 crimes.',
    ]);
  });
});
