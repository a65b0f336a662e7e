/**
 * Two costly Unicode patterns sit behind a cheap test of the words they need, written by hand
 * beside them: `RATE_BASE_HINT` in utils/engine/measure.ts (the population of a rate, "per
 * 1,000 residents") and `SOURCE_BEFORE_HINT` in utils/engine/cues.ts (a place named as the
 * source, "according to Kent Police"). A word missing from a hint would switch its pattern off
 * for every text that uses that word, with no error anywhere. So every way each pattern is
 * written has an example here, as a reader would see it go wrong: the people of a rate read as
 * what the figure counts, or a cited body read as the place the figure is about.
 * (The restrictions' hint has its own examples in restrictions.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readCues } from '../../../utils/engine/cues';
import { countedIn } from '../../../utils/engine/measure';

/** Each way the rate-base pattern opens, in lower case and as a heading would write it. */
const RATE_BASES = ['per', 'for every', 'in every', 'out of every'];
/** Each way the source-before pattern opens. */
const SOURCES = ['according to', 'figures from', 'data from'];

const capitalised = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

describe('pattern hints', () => {
  describe.each(RATE_BASES)('a rate "%s 1,000 residents"', (opening) => {
    it.each([opening, opening.toUpperCase(), capitalised(opening)])(
      'counts the crimes, not the residents: %s',
      (written) => {
        expect(countedIn(`crimes ${written} 1,000 residents`)).toEqual(['crime']);
      },
    );
  });

  it('reads the residents as counted when no rate holds them', () => {
    // The examples above would pass if residents were never counted at all.
    expect(countedIn('crimes against 1,000 residents')).toEqual(['crime', 'people']);
  });

  describe.each(SOURCES)('a source "%s Kent Police"', (opening) => {
    it.each([opening, opening.toUpperCase(), capitalised(opening), opening.replace(/s /, 'ſ ')])(
      'reads Kent as the source: %s',
      (written) => {
        const cues = readCues(`${written} Kent Police, 20 crimes were recorded.`, 2023, true);
        expect(cues.places.map((p) => p.role)).toEqual(['source']);
      },
    );
  });

  it('reads Kent as the subject when nothing cites it', () => {
    const cues = readCues('In Kent Police, 20 crimes were recorded.', 2023, true);
    expect(cues.places.map((p) => p.role)).toEqual(['subject']);
  });
});
