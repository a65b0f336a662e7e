import type { ClaimSummary } from '@/utils/messages';

export type Verdict = ClaimSummary['verdict'];

/** Worst news first: a reader scanning the list sees disagreements before agreements. */
export const VERDICT_ORDER: readonly Verdict[] = ['mismatch', 'not-held', 'match', 'unverified'];

/**
 * Verdicts are named in words and marked by an icon, never told apart by colour alone.
 */
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
