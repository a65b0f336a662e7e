import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_QUALIFIER,
  overlaps,
  precisionHalfUnit,
  valueInterval,
  type Interval,
  type QualifierKind,
} from '../../../utils/engine/bands';

const exact = (value: number, digits: string, scale = 1): Interval =>
  valueInterval(value, precisionHalfUnit(digits, scale), 'exact');

describe('precision bands (docs/claim-rules.md)', () => {
  it.each([
    ['26.7', 1, 26.65, 26.75],
    ['20,615', 1, 20614.5, 20615.5],
    ['20,600', 1, 20550, 20650],
    ['1,500', 1, 1450, 1550],
    ['4,000', 1, 3500, 4500],
    ['100', 1, 50, 150],
    ['2.4', 1_000_000, 2_350_000, 2_450_000],
    ['11.5', 1_000, 11_450, 11_550],
  ])('%s (×%d) stands for %d..%d', (digits, scale, lo, hi) => {
    const value = Number(digits.replace(/,/g, '')) * scale;
    const i = exact(value, digits, scale);
    expect(i.lo).toBeCloseTo(lo, 6);
    expect(i.hi).toBeCloseTo(hi, 6);
  });

  it('keeps neighbouring roundings apart (2.4 and 2.5 million do not overlap; 27.6 and 27.7 neither)', () => {
    expect(overlaps(exact(2_400_000, '2.4', 1e6), exact(2_500_000, '2.5', 1e6))).toBe(false);
    expect(overlaps(exact(27.6, '27.6'), exact(27.7, '27.7'))).toBe(false);
    expect(overlaps(exact(27.6, '27.6'), exact(28, '28'))).toBe(true);
  });
});

describe('qualifier bands', () => {
  // Pinned numbers, not the constants under test: a change to a band must change this table.
  const cases: Array<[QualifierKind, number, number, boolean, boolean]> = [
    ['over', 100, 110, true, false],
    ['nearly', 90, 100, false, true],
    ['about', 95, 105, false, false],
    ['at-least', 100, Infinity, false, true],
    ['up-to', 0, 100, false, false],
    ['under', 0, 100, false, true],
  ];
  it.each(cases)('%s 100 → [%f, %f] (open lo %s, open hi %s)', (q, lo, hi, loOpen, hiOpen) => {
    const i = valueInterval(100, 50, q);
    expect(i.lo).toBeCloseTo(lo, 9);
    expect(i.hi).toBeCloseTo(hi, 9);
    expect([i.loOpen, i.hiOpen]).toEqual([loOpen, hiOpen]);
  });

  it('"more than 100" agrees with "over 100" and with 105, not with 120 or with "up to 100"', () => {
    const official = valueInterval(100, 50, OFFICIAL_QUALIFIER.over);
    expect(overlaps(valueInterval(100, 50, 'over'), official)).toBe(true);
    expect(overlaps(exact(105, '105'), official)).toBe(true);
    expect(overlaps(exact(120, '120'), official)).toBe(false);
    expect(overlaps(valueInterval(100, 50, 'up-to'), official)).toBe(false);
  });

  it('"nearly 4,000" (official) agrees with "just under 4,000" and 3,900 but not with 4,100', () => {
    const official = valueInterval(4000, 500, OFFICIAL_QUALIFIER.nearly);
    expect(overlaps(valueInterval(4000, 500, 'nearly'), official)).toBe(true);
    expect(overlaps(exact(3900, '3,900'), official)).toBe(true);
    expect(overlaps(exact(4100, '4,100'), official)).toBe(false);
  });

  it('an official estimate (20,615) agrees with "more than 20,000" and "about 20,600" but not with 26,015', () => {
    const official = valueInterval(20615, 0.5, OFFICIAL_QUALIFIER.estimate);
    expect(overlaps(valueInterval(20000, 5000, 'over'), official)).toBe(true);
    expect(overlaps(valueInterval(20600, 50, 'about'), official)).toBe(true);
    expect(overlaps(exact(26015, '26,015'), official)).toBe(false);
  });

  it('"at least 150" agrees with 154; "almost" excludes the value itself', () => {
    expect(overlaps(valueInterval(150, 5, 'at-least'), exact(154, '154'))).toBe(true);
    expect(overlaps(valueInterval(100, 50, 'nearly'), valueInterval(100, 50, 'at-least'))).toBe(
      false,
    );
  });

  it('maps every dataset qualifier onto a band', () => {
    expect(OFFICIAL_QUALIFIER).toEqual({
      exact: 'exact',
      over: 'over',
      nearly: 'nearly',
      almost: 'nearly',
      estimate: 'about',
    });
  });
});
