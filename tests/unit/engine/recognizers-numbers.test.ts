/**
 * The number grammar against the count-like phrasings of a peer's test suite, Microsoft
 * Recognizers-Text (`Specs/Number/English/NumberModel.json`, cases chosen and copied in
 * `recognizers-number-cases.json`). Each phrase must read as one number with the spec's value.
 *
 * Left out on purpose, each for a reason a reader of UK news would accept: spaces as
 * thousands separators (they would join phone numbers and list items: "0800 917 9948"),
 * digits mixed with scale words and more digits ("3 hundred and 21"), a lone decimal point
 * (".08"), Indian scales (lakh, crore), a spaced capital "M" (metres), "dozs", and fractions
 * of a scale ("half million", "five and a half million", "five billion and three quarters").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../../../utils/engine/numbers';

interface Case {
  input: string;
  value: number;
}

const { cases } = JSON.parse(
  readFileSync(join(import.meta.dirname, 'recognizers-number-cases.json'), 'utf8'),
) as { cases: Case[] };

const OUT_OF_SCOPE =
  /^\d{1,3}(?:[ \u202f]\d{3})+$|^\d+ (?:hundred|thousand) \S|^\.\d|lakh|crore|\d M$|dozs|(?:half|quarter) million|and a half|and three quarters/;

const inScope = cases.filter((c) => !OUT_OF_SCOPE.test(c.input));

describe('count-like phrasings from Recognizers-Text', () => {
  it('keeps most of the peer cases in scope', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(inScope.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    '2.33 k',
    '1.2b',
    'three dozens',
    'two hundred and two thousand',
    'a dozen',
    'fifty - two',
  ])('includes the phrasing %s', (input) => {
    expect(inScope.map((c) => c.input)).toContain(input);
  });

  it.each(inScope.map((c) => [c.input, c.value] as const))('reads %j as %d', (input, value) => {
    const tokens = scanNumbers(input);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.value).toBeCloseTo(value, 6);
    expect(input.slice(tokens[0]!.start, tokens[0]!.end)).toBe(input);
  });
});

describe('the same phrasings inside a sentence', () => {
  it('reads a glued scale and a spaced k', () => {
    const values = scanNumbers('Domestic abuse affected 2.4million people; 2.33 k calls; 1.2b').map(
      (t) => t.value,
    );
    expect(values).toEqual([2_400_000, 2330, 1_200_000_000]);
  });

  it('keeps metres and a capital M apart from millions', () => {
    expect(scanNumbers('a 5 m wall').map((t) => t.value)).toEqual([5]);
  });
});
