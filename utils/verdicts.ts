/**
 * The one vocabulary of verdicts outside the engine: their order and their words, as the
 * card, the popup, the toolbar badge, the reports list, the CSV and the correction e-mail all
 * say them. The engine states the verdicts themselves (`VERDICTS`); this module words them.
 */
import { VERDICTS, type Verdict } from '@/utils/engine/types';

export { VERDICTS, type Verdict };

/** Worst news first: a reader scanning the list sees disagreements before agreements. */
export const VERDICT_ORDER: readonly Verdict[] = ['mismatch', 'not-held', 'match', 'unverified'];

/** Verdicts are named in words and marked by an icon, never told apart by colour alone. */
export const VERDICT_LABELS: Record<Verdict, { singular: string; plural: string; icon: string }> = {
  match: { singular: 'Agrees with the official figure', plural: 'Agree', icon: '✓' },
  mismatch: { singular: 'Differs from the official figure', plural: 'Differ', icon: '≠' },
  'not-held': {
    singular: 'The body quoted says it holds no such figure',
    plural: 'Figure not held by the body quoted',
    icon: '∅',
  },
  unverified: { singular: 'No official figure to check against', plural: 'Unverified', icon: '?' },
};

/** A figure the reader typed or selected that the extension had not highlighted. */
export const NOT_HIGHLIGHTED = 'Not highlighted (the extension missed this figure)';

/** The verdict the reader saw, in the card's words; `null` is a figure not highlighted. */
export function verdictWords(verdict: Verdict | null): string {
  return verdict === null ? NOT_HIGHLIGHTED : VERDICT_LABELS[verdict].singular;
}

export function isVerdict(value: unknown): value is Verdict {
  return (VERDICTS as readonly unknown[]).includes(value);
}

/**
 * Claims listed per verdict, at most (the popup's list and the page's own). A long page can
 * hold tens of thousands of claims: listing them all made a task of seconds in the page and
 * a message of megabytes to the popup, and no reader scrolls such a list. The rest stay
 * marked on the page, and the list says how many there are.
 */
export const LISTED_PER_VERDICT = 200;

/** How many claims a page holds of each verdict. */
export type VerdictCounts = Record<Verdict, number>;

/** Counts of a page with no claims: a new object each time, for a caller to count into. */
export function noVerdicts(): VerdictCounts {
  return { match: 0, mismatch: 0, 'not-held': 0, unverified: 0 };
}

/**
 * The claims a list shows (at most `LISTED_PER_VERDICT` of each verdict, in the order given)
 * and how many of each there are in all.
 */
export function listed<T>(
  claims: readonly T[],
  verdictOf: (claim: T) => Verdict,
): { shown: T[]; counts: VerdictCounts } {
  const counts = noVerdicts();
  const shown: T[] = [];
  for (const claim of claims) {
    if (counts[verdictOf(claim)]++ < LISTED_PER_VERDICT) shown.push(claim);
  }
  return { shown, counts };
}

/** "and 39,800 more, marked on the page" under a group cut short; null when it is whole. */
export function moreNotListed(count: number, listedCount: number): string | null {
  const more = count - listedCount;
  return more > 0 ? `and ${more.toLocaleString('en-GB')} more, marked on the page` : null;
}
