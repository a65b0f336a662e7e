/**
 * Value bands: every constant that decides whether two written figures agree lives here.
 *
 * A figure on a page is never a point. "20,600" was rounded by somebody, "over 100" is a
 * lower bound and "three-quarters" is a way of speaking; comparing points would call correct
 * journalism wrong, which is the worst error this product can make. So each written value
 * becomes the interval it honestly stands for, the official figure gets the same treatment
 * from its own wording, and the two agree when the intervals overlap.
 */
import type { Qualifier } from '../../data/schema';

/** How a qualifier word bounds the figure it belongs to. */
export type QualifierKind =
  | 'exact'
  /** "over", "more than", "above", "in excess of", "just over". */
  | 'over'
  /** "well over", "upwards of": above, with no sensible ceiling. */
  | 'well-over'
  /** "nearly", "almost", "just under", "close to". */
  | 'nearly'
  /** "around", "about", "some", "roughly", "approximately", "an estimated", "circa". */
  | 'about'
  /** "at least", "a minimum of". */
  | 'at-least'
  /** "up to", "no more than", "as many as". */
  | 'up-to'
  /** "under", "less than", "fewer than", "below". */
  | 'under';

/**
 * "Over X" in a news sentence means a little over X: a writer with 150 would say "150" or
 * "nearly 150". Ten per cent is where "over 100" stops being a fair summary.
 */
export const OVER_MAX_RATIO = 1.1;

/** "Nearly X" / "almost X": just below X, by at most ten per cent (mirror of OVER_MAX_RATIO). */
export const NEARLY_MIN_RATIO = 0.9;

/** "Around X", "an estimated X": five per cent either side, the usual tolerance for an estimate. */
export const ABOUT_RELATIVE = 0.05;

/**
 * Proportions said in words ("four in ten", "three-quarters", "a third") are already rounded
 * to a simple fraction; five per cent of the value either side covers the rounding without
 * letting "a third" agree with 40%.
 */
export const WORD_PROPORTION_RELATIVE = 0.05;

/**
 * Relative tolerance when comparing interval ends, so that 27.6 + 0.05 computed in floating
 * point (27.650000000000002) still touches, rather than overlaps, 27.7 - 0.05.
 */
const COMPARE_EPSILON = 1e-9;

/** Qualifier phrases as journalists write them, longest first so "just over" wins over "over". */
export const QUALIFIER_PHRASES: ReadonlyArray<readonly [string, QualifierKind]> = [
  ['in excess of', 'over'],
  ['a little over', 'over'],
  ['slightly more than', 'over'],
  ['slightly over', 'over'],
  ['just more than', 'over'],
  ['more than', 'over'],
  ['just over', 'over'],
  ['over', 'over'],
  ['above', 'over'],
  ['well over', 'well-over'],
  ['well above', 'well-over'],
  ['far more than', 'well-over'],
  ['upwards of', 'well-over'],
  ['just under', 'nearly'],
  ['just below', 'nearly'],
  ['just short of', 'nearly'],
  ['close to', 'nearly'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['approaching', 'nearly'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['estimates', 'about'],
  ['estimate', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['approx', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['about', 'about'],
  ['some', 'about'],
  ['circa', 'about'],
  ['c.', 'about'],
  ['an average of', 'exact'],
  ['at least', 'at-least'],
  ['a minimum of', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['up to', 'up-to'],
  ['no more than', 'up-to'],
  ['as many as', 'up-to'],
  ['at most', 'up-to'],
  ['fewer than', 'under'],
  ['less than', 'under'],
  ['under', 'under'],
  ['below', 'under'],
];

/** The dataset's qualifier vocabulary mapped onto the same bands. */
export const OFFICIAL_QUALIFIER: Readonly<Record<Qualifier, QualifierKind>> = {
  exact: 'exact',
  over: 'over',
  nearly: 'nearly',
  almost: 'nearly',
  estimate: 'about',
};

/** A closed, open or half-open interval of values. */
export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/**
 * Half a unit of the last significant digit of a number as written: 26.7 → 0.05,
 * 20,615 → 0.5, 20,600 → 50, 100 → 50. Trailing zeros of a whole number are not significant,
 * because "4,000" is how people write "about four thousand", not "exactly 4,000".
 *
 * @param digits the number's digits as written, commas allowed, no scale word ("2.4", "1,500").
 * @param scale the multiplier of a scale word ("million" → 1e6), 1 when none.
 */
export function precisionHalfUnit(digits: string, scale = 1): number {
  const plain = digits.replace(/,/g, '');
  const dot = plain.indexOf('.');
  if (dot >= 0) return decimalHalfUnit(plain.length - dot - 1, scale);
  return halfUnitOfInteger(Number(plain)) * scale;
}

/**
 * Half a unit of 10^k and of 10^-k for the usual k, worked out once: `**` is slow, and not
 * correctly rounded (10 ** -5 is not 1e-5), so the tables hold what the same expression gives,
 * and the functions below give the same bits with them as without.
 */
const HALF_POWERS = Array.from({ length: 23 }, (_, k) => 0.5 * 10 ** k);
const HALF_INVERSE_POWERS = Array.from({ length: 23 }, (_, k) => 0.5 * 10 ** -k);

/** The same rule for a number with `decimals` digits after its point: 2 → 0.005. */
export function decimalHalfUnit(decimals: number, scale = 1): number {
  return (HALF_INVERSE_POWERS[decimals] ?? 0.5 * 10 ** -decimals) * scale;
}

/** The same rule for a whole number known only by its value (numbers written in words). */
export function halfUnitOfInteger(value: number): number {
  if (!Number.isFinite(value) || value === 0 || !Number.isInteger(value)) return 0.5;
  let zeros = 0;
  let v = Math.abs(value);
  while (v % 10 === 0) {
    v /= 10;
    zeros += 1;
  }
  return HALF_POWERS[zeros] ?? 0.5 * 10 ** zeros;
}

/**
 * The interval a written value stands for. A qualifier replaces the precision band: "over
 * 100" says nothing about rounding, only about direction.
 */
export function valueInterval(value: number, halfUnit: number, qualifier: QualifierKind): Interval {
  switch (qualifier) {
    case 'over':
      return { lo: value, hi: value * OVER_MAX_RATIO, loOpen: true, hiOpen: false };
    case 'well-over':
      return { lo: value, hi: Infinity, loOpen: true, hiOpen: true };
    case 'nearly':
      return { lo: value * NEARLY_MIN_RATIO, hi: value, loOpen: false, hiOpen: true };
    case 'about':
      return {
        lo: value * (1 - ABOUT_RELATIVE),
        hi: value * (1 + ABOUT_RELATIVE),
        loOpen: false,
        hiOpen: false,
      };
    case 'at-least':
      return { lo: value, hi: Infinity, loOpen: false, hiOpen: true };
    case 'up-to':
      return { lo: 0, hi: value, loOpen: false, hiOpen: false };
    case 'under':
      return { lo: 0, hi: value, loOpen: false, hiOpen: true };
    case 'exact':
      // Half-open, like rounding: 2.45 million rounds to 2.5, so 2.4 and 2.5 million never meet.
      return { lo: value - halfUnit, hi: value + halfUnit, loOpen: false, hiOpen: true };
  }
}

/** True when two interval ends are the same value, give or take floating-point error. */
function same(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= COMPARE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** True when some value lies in both intervals. */
export function overlaps(a: Interval, b: Interval): boolean {
  const lo = a.lo >= b.lo ? a.lo : b.lo;
  const hi = a.hi <= b.hi ? a.hi : b.hi;
  if (same(lo, hi)) {
    // The intervals touch at one point: they share it only if both include it.
    return includes(a, lo) && includes(b, lo);
  }
  return lo < hi;
}

function includes(i: Interval, x: number): boolean {
  const atLo = same(i.lo, x);
  const atHi = same(i.hi, x);
  const aboveLo = atLo ? !i.loOpen : i.lo < x;
  const belowHi = atHi ? !i.hiOpen : x < i.hi;
  return aboveLo && belowHi;
}
