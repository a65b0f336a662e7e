/**
 * What the toolbar button says about a tab without being opened: the number of figures that
 * differ from the official record, on the verdict's own hue, or a neutral count of the figures
 * found when none differs. Its title says the same in words. A page with nothing found gets no
 * badge at all.
 */
import type { ClaimSummary } from '@/utils/messages/content';

/** The counts the content script reports for its page (plain JSON, for messaging). */
export interface BadgeCounts {
  match: number;
  mismatch: number;
  notHeld: number;
  unverified: number;
}

export interface Badge {
  text: string;
  /** Background; white text on it has a contrast of at least 4.5:1 (WCAG AA). */
  color: string;
  title: string;
}

/** A darker shade of the marks' vermilion (white on it: 6.6:1). */
export const DIFFERS_COLOR = '#A33A00';
/** Neutral grey (white on it: 8.0:1). */
export const NEUTRAL_COLOR = '#505058';
export const BADGE_TEXT_COLOR = '#FFFFFF';

export function countVerdicts(claims: ReadonlyArray<Pick<ClaimSummary, 'verdict'>>): BadgeCounts {
  const counts: BadgeCounts = { match: 0, mismatch: 0, notHeld: 0, unverified: 0 };
  for (const { verdict } of claims) {
    if (verdict === 'not-held') counts.notHeld += 1;
    else counts[verdict] += 1;
  }
  return counts;
}

export function badgeFor(counts: BadgeCounts): Badge | null {
  const wrong = counts.mismatch + counts.notHeld;
  const total = wrong + counts.match + counts.unverified;
  if (total === 0) return null;
  const figures = (n: number) => `${n} figure${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (counts.mismatch > 0)
    parts.push(`${figures(counts.mismatch)} ${counts.mismatch === 1 ? 'differs' : 'differ'}`);
  if (counts.notHeld > 0)
    parts.push(`${figures(counts.notHeld)} credited to a body that says it holds no such figure`);
  if (counts.match > 0)
    parts.push(`${figures(counts.match)} ${counts.match === 1 ? 'agrees' : 'agree'}`);
  if (counts.unverified > 0)
    parts.push(`${figures(counts.unverified)} with no official record to check against`);
  const summary = `Kent Stats Check, on this page: ${parts.join(', ')}.`;
  return wrong > 0
    ? { text: String(wrong), color: DIFFERS_COLOR, title: summary }
    : { text: String(total), color: NEUTRAL_COLOR, title: summary };
}
