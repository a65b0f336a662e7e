/**
 * `BitapWord` is fuse.js's bitap match, copied for speed (utils/engine/bitap.ts). Every
 * verdict's choice of record rests on its scores, so it is compared with fuse's own
 * `Fuse.match` on the words and texts the engine matches and on seeded random ones, which
 * reach the fuzzy paths (errors, repeated letters, several exact hits, texts shorter than
 * the word) that measure texts rarely do.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { BitapWord, MAX_BITAP_PATTERN } from '../../../utils/engine/bitap';
import { buildIndex, FUSE_OPTIONS } from '../../../utils/engine/dataset-index';
import { rng } from '../../bench/articles';

const OPTIONS = {
  threshold: FUSE_OPTIONS.threshold!,
  minMatchCharLength: FUSE_OPTIONS.minMatchCharLength!,
};

/** fuse's result for one word against one text, as token search asks for it. */
function fuseMatch(word: string, text: string): { isMatch: boolean; score: number } {
  const { isMatch, score } = Fuse.match(word, text, { ...OPTIONS, ignoreLocation: true });
  return { isMatch, score: isMatch ? (score ?? 1) : 1 };
}

function ours(word: string, text: string): { isMatch: boolean; score: number } {
  return BitapWord.of(word)!.match(text.toLowerCase(), OPTIONS);
}

/**
 * Compares 20,000 seeded random pairs with fuse; `pair` makes one from `pick` (random letters
 * of an alphabet) and `next` (a seeded random number, so a failure is reproducible). Returns
 * the results, for the caller to check the pairs reached the paths it meant them to.
 */
function compareRandom(
  seed: number,
  pair: (pick: (alphabet: string, n: number) => string, next: () => number) => [string, string],
): Array<{ isMatch: boolean; score: number }> {
  const next = rng(seed);
  const pick = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const results: Array<{ isMatch: boolean; score: number }> = [];
  for (let i = 0; i < 20_000; i += 1) {
    const [word, text] = pair(pick, next);
    const expected = fuseMatch(word, text);
    expect(ours(word, text), `${word} in "${text}"`).toEqual(expected);
    results.push(expected);
  }
  return results;
}

describe('bitap word matching', () => {
  it('scores the measure texts against their own words and near misses exactly as fuse does', () => {
    const index = buildIndex(dataset);
    const texts = index.measures.flatMap((m) => [m.measure, m.topics, m.unitWords]).filter(Boolean);
    const words = new Set<string>();
    for (const text of texts)
      for (const w of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
        words.add(w);
        words.add(w.slice(1)); // a letter lost
        words.add(`${w}s`); // an inflection
        words.add(w.replace(/[aeiou]/, 'x')); // a typo
      }
    let matched = 0;
    for (const word of words)
      for (const text of texts) {
        const expected = fuseMatch(word, text);
        expect(ours(word, text), `${word} in ${text}`).toEqual(expected);
        if (expected.isMatch) matched += 1;
      }
    expect(matched).toBeGreaterThan(1000);
  });

  it('agrees with fuse on random words and texts over a small alphabet', () => {
    const results = compareRandom(7, (pick, next) => [
      pick('abcé', 1 + Math.floor(next() * 12)),
      pick('abcdé ', Math.floor(next() * 40)),
    ]);
    expect(results.filter((r) => r.isMatch && r.score > 0.001).length).toBeGreaterThan(100);
  });

  it('agrees with fuse where a word shares few letters with the text (the pieces filter)', () => {
    // A wider alphabet: most texts hold none of a word's pieces, and the few near misses that
    // do are where an unsound filter would differ from fuse.
    const results = compareRandom(11, (pick, next) => {
      const word = pick('abcdefghij', 4 + Math.floor(next() * 9));
      // Half the texts hold the word with an edit or two, so matches are not rare.
      let text = pick('abcdefghij ', Math.floor(next() * 30));
      if (next() < 0.5) {
        const chars = [...word];
        for (let e = 0; e < 1 + Math.floor(next() * 3); e += 1)
          chars.splice(
            Math.floor(next() * chars.length),
            next() < 0.5 ? 1 : 0,
            pick('abcdefghij', 1),
          );
        text += chars.join('') + pick('abcdefghij ', Math.floor(next() * 10));
      }
      return [word, text];
    });
    expect(results.filter((r) => r.isMatch).length).toBeGreaterThan(1000);
  });

  it('leaves words longer than one bitap pattern to fuse', () => {
    expect(BitapWord.of('a'.repeat(MAX_BITAP_PATTERN))).not.toBeNull();
    expect(BitapWord.of('a'.repeat(MAX_BITAP_PATTERN + 1))).toBeNull();
  });
});
