import { describe, expect, it } from 'vitest';
import { badgeFor, countVerdicts, DIFFERS_COLOR, NEUTRAL_COLOR } from '@/utils/badge';

const claims = (...verdicts: Array<'match' | 'mismatch' | 'not-held' | 'unverified'>) =>
  verdicts.map((verdict) => ({ verdict }));

describe('the toolbar badge', () => {
  it('counts the figures that differ, on the verdict’s hue, and says what they are', () => {
    const badge = badgeFor(countVerdicts(claims('match', 'mismatch', 'match', 'not-held')));
    expect(badge).toEqual({
      text: '2',
      color: DIFFERS_COLOR,
      title:
        'Kent Stats Check, on this page: 1 figure differs, 1 figure credited to a body that says it holds no such figure, 2 figures agree.',
    });
  });

  it('shows a neutral count when no figure differs', () => {
    expect(badgeFor(countVerdicts(claims('match', 'match', 'unverified')))).toEqual({
      text: '3',
      color: NEUTRAL_COLOR,
      title:
        'Kent Stats Check, on this page: 2 figures agree, 1 figure with no official record to check against.',
    });
  });

  it('shows nothing on a page with nothing to check', () => {
    expect(badgeFor(countVerdicts([]))).toBeNull();
  });
});
