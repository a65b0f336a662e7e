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
