import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../../../utils/engine/numbers';

/** The one number read from `text`: its words, value, precision and whether it is a share. */
function read(text: string) {
  const tokens = scanNumbers(text);
  expect(tokens).toHaveLength(1);
  const t = tokens[0]!;
  return {
    words: text.slice(t.start, t.end),
    value: t.value,
    halfUnit: t.halfUnit,
    percent: t.percent,
  };
}

describe('number grammar', () => {
  it.each([
    // digits, separators, decimals
    ['11,485 incidents', '11,485', 11485, 0.5],
    ['27.6 crimes', '27.6', 27.6, 0.05],
    ['3.0 crimes', '3.0', 3, 0.05],
    ['20,600 children', '20,600', 20600, 50],
    ['4,000 crimes', '4,000', 4000, 500],
    ['1,500 incidents', '1,500', 1500, 50],
    ['0 referrals', '0', 0, 0.5],
    // scale words and suffixes
    ['2.4 million people', '2.4 million', 2_400_000, 50_000],
    ['2.4m people', '2.4m', 2_400_000, 50_000],
    ['11.5k assaults', '11.5k', 11_500, 50],
    ['3bn pounds', '3bn', 3_000_000_000, 500_000_000],
    // words
    ['a hundred crimes', 'a hundred', 100, 50],
    ['four thousand crimes', 'four thousand', 4000, 500],
    ['five referrals', 'five', 5, 0.5],
    ['twenty-one victims', 'twenty-one', 21, 0.5],
    ['one hundred and twenty cases', 'one hundred and twenty', 120, 5],
    ['half a million people', 'half a million', 500_000, 25_000],
  ])('reads %j as %j = %d (±%d)', (text, words, value, halfUnit) => {
    const r = read(text);
    expect(r.words).toBe(words);
    expect(r.value).toBeCloseTo(value, 9);
    expect(r.halfUnit).toBeCloseTo(halfUnit, 9);
    expect(r.percent).toBe(false);
  });

  it.each([
    ['four out of ten incidents', 'four out of ten', 40],
    ['two in five incidents', 'two in five', 40],
    ['one in four teachers', 'one in four', 25],
    ['9 out of 10 victims', '9 out of 10', 90],
    ['Three in four of the children', 'Three in four', 75],
    ['three-quarters of children', 'three-quarters', 75],
    ['Three quarters of children', 'Three quarters', 75],
    ['half of the incidents', 'half', 50],
    ['a third of the children', 'a third', 100 / 3],
    ['a fifth more calls', 'a fifth', 20],
    ['two thirds of cases', 'two thirds', 200 / 3],
  ])(
    'reads the proportion %j as %j = %f per cent, give or take 5 per cent of itself',
    (text, words, value) => {
      const r = read(text);
      expect(r.words).toBe(words);
      expect(r.value).toBeCloseTo(value, 6);
      expect(r.percent).toBe(true);
      expect(r.halfUnit).toBeCloseTo(value * 0.05, 6);
    },
  );

  it('never reads a misgrouped number as a well-formed one ("4,5489" is not 4,548)', () => {
    const values = scanNumbers('Thanet 4,5489 calls').map((t) => t.value);
    expect(values).not.toContain(4548);
    expect(scanNumbers('averaged 1,709, the report said').map((t) => t.value)).toEqual([1709]);
  });

  it('reads digits to the last bit and thousands groups only where they end', () => {
    const text = '1,234,5678 calls, 0.1 and 0.000001, 1,000.50 each, 12345678901234567 people';
    expect(scanNumbers(text).map((t) => [text.slice(t.start, t.end), t.value, t.halfUnit])).toEqual(
      [
        ['1,234', 1234, 0.5],
        ['5678', 5678, 0.5],
        ['0.1', 0.1, 0.05],
        ['0.000001', 0.000001, 0.5 * 10 ** -6],
        ['1,000.50', 1000.5, 0.5 * 10 ** -2],
        ['12345678901234567', Number('12345678901234567'), 0.5],
      ],
    );
  });

  it('ends a number at a word that only objects know', () => {
    // "constructor" is a name every plain object answers to: it once made the value a string.
    const text = 'twenty constructor jobs and one hasOwnProperty';
    expect(scanNumbers(text).map((t) => [text.slice(t.start, t.end), t.value])).toEqual([
      ['twenty', 20],
      ['one', 1],
    ]);
  });

  it('reads a fraction after "a" across a non-breaking or thin space', () => {
    for (const space of ['\u00a0', '\u2009']) {
      const text = `a${space}third of victims`;
      expect(scanNumbers(text).map((t) => [text.slice(t.start, t.end), t.kind])).toEqual([
        [`a${space}third`, 'fraction'],
      ]);
    }
  });

  it('reads a scale word after "a" across a non-breaking space', () => {
    const text = 'a\u00a0million people';
    expect(scanNumbers(text).map((t) => [text.slice(t.start, t.end), t.value])).toEqual([
      ['a\u00a0million', 1_000_000],
    ]);
  });

  it('reads several numbers left to right without overlap', () => {
    const text = 'Thanet had 4,548 calls compared to 1,709, a rate of 27.6 and two in five cases.';
    expect(scanNumbers(text).map((t) => text.slice(t.start, t.end))).toEqual([
      '4,548',
      '1,709',
      '27.6',
      'two in five',
    ]);
  });

  it.each([
    ['codes glued to letters', 'ME14 1XQ, A20, 5G, Covid19'],
    ['ordinals', 'the 58th year, 7th place, 21st'],
    ['words inside words', 'often, tent, someone'],
    ['plurals of scale words', 'hundreds and thousands of people'],
  ])('finds no number in %s', (_label, text) => {
    expect(scanNumbers(text)).toEqual([]);
  });

  it('does not read "x in y" as a proportion when y is a year, a time span or smaller than x', () => {
    for (const text of ['37 in 2024', '11 in 18 months', '154 in 12']) {
      expect(scanNumbers(text)[0]?.percent).toBe(false);
    }
  });
});
