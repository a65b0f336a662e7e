// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimList } from '@/components/popup/ClaimList';
import { PageUi, type PageClaimView } from '@/components/page/PageUi';
import type { ClaimSummary } from '@/utils/messages/content';
import { LISTED_PER_VERDICT, listed, type Verdict } from '@/utils/verdicts';

afterEach(() => render(null, document.body));

/** A long page's claims: 5,000 that agree, then 3 that differ, in page order. */
function longPage(): ClaimSummary[] {
  const claim = (i: number, verdict: Verdict): ClaimSummary => ({
    id: `claim-${i}`,
    mention: `${i} crimes`,
    sentence: `Kent Police recorded ${i} crimes.`,
    verdict,
    reason: '',
    officialDisplay: null,
    sourceLabel: null,
    official: null,
  });
  return [
    ...Array.from({ length: 5000 }, (_, i) => claim(i, 'match')),
    ...[1, 2, 3].map((i) => claim(10_000 + i, 'mismatch')),
  ];
}

describe('the claim lists of a long page', () => {
  it('keeps the first claims of each verdict, in page order, and counts them all', () => {
    const { shown, counts } = listed(longPage(), (c) => c.verdict);
    expect(counts).toEqual({ match: 5000, mismatch: 3, 'not-held': 0, unverified: 0 });
    expect(shown).toHaveLength(LISTED_PER_VERDICT + 3);
    expect(shown[0]!.id).toBe('claim-0');
    // Every claim that differs is listed, however many agree before it.
    expect(shown.filter((c) => c.verdict === 'mismatch')).toHaveLength(3);
  });

  it('in the popup: every differing claim, the first that agree, and how many more', () => {
    const { shown, counts } = listed(longPage(), (c) => c.verdict);
    render(
      <ClaimList claims={shown} counts={counts} onOpen={() => {}} onReport={() => {}} />,
      document.body,
    );
    expect(document.querySelectorAll('.claim')).toHaveLength(LISTED_PER_VERDICT + 3);
    const headings = [...document.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['≠ Differ (3)', '✓ Agree (5,000)']);
    expect(document.querySelector('.claims__more')?.textContent).toBe(
      `and ${(5000 - LISTED_PER_VERDICT).toLocaleString('en-GB')} more, marked on the page`,
    );
  });

  it('on the page: the same, in the list the floating control opens', () => {
    const { shown, counts } = listed(longPage(), (c) => c.verdict);
    const views = shown.map((c) => ({ ...c, sentence: c.sentence }) as unknown as PageClaimView);
    render(
      <PageUi
        count={5003}
        claims={views}
        counts={counts}
        openClaim={null}
        anchor={null}
        focusCard={false}
        listOpen={true}
        viewport={{ width: 1280, height: 800 }}
        onOpenClaim={() => {}}
        onCloseCard={() => {}}
        onToggleList={() => {}}
        onReport={() => {}}
        onCardHover={() => {}}
      />,
      document.body,
    );
    const items = [...document.querySelectorAll('.ksc-list li')];
    expect(items).toHaveLength(LISTED_PER_VERDICT + 3 + 1);
    expect(items[0]!.textContent).toContain('10001 crimes');
    expect(items.at(-1)!.textContent).toBe(
      `Agree: and ${(5000 - LISTED_PER_VERDICT).toLocaleString('en-GB')} more, marked on the page`,
    );
  });
});
