// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Claim } from '@/utils/engine';
import { ClaimIndex, type TrackedClaim } from '@/utils/dom/claim-index';

const claim = { verdict: 'match' } as Claim;

/** One paragraph of `n` figures, "12 crimes. " each, as one text node (a data dump). */
function dump(n: number) {
  const p = document.createElement('p');
  p.textContent = Array.from(
    { length: n },
    (_, i) => `${String(i).padStart(4, '0')} crimes. `,
  ).join('');
  document.body.replaceChildren(p);
  const text = p.firstChild as Text;
  /** The range of the i-th figure's four digits. */
  const figure = (i: number) => {
    const r = document.createRange();
    r.setStart(text, i * 13);
    r.setEnd(text, i * 13 + 4);
    return r;
  };
  return { p, text, figure };
}

describe('ClaimIndex.near (the claims under the pointer)', () => {
  it('offers the claim under a caret in a paragraph of thousands, and only a few neighbours', () => {
    const { p, text, figure } = dump(5_000);
    const index = new ClaimIndex();
    const tracked = Array.from({ length: 5_000 }, (_, i) => index.add(claim, figure(i), p));
    for (const i of [0, 1, 2_500, 4_999]) {
      // A caret inside the figure's digits, and at either edge of them.
      for (const offset of [i * 13, i * 13 + 2, i * 13 + 4]) {
        const near = [...index.near(text, offset)];
        expect(near).toContain(tracked[i]);
        expect(near.length).toBeLessThanOrEqual(4);
      }
    }
    // Without a caret offset, every claim of the node, as before.
    expect([...index.near(text)]).toHaveLength(5_000);
  });

  it('finds claims that arrived out of order, and follows claims as they come and go', () => {
    const { p, text, figure } = dump(200);
    const index = new ClaimIndex();
    // Read again from the middle: the second half's claims came first.
    const order = [
      ...Array.from({ length: 100 }, (_, i) => 100 + i),
      ...Array.from({ length: 100 }, (_, i) => i),
    ];
    const tracked = new Map<number, TrackedClaim>(
      order.map((i) => [i, index.add(claim, figure(i), p)]),
    );
    expect([...index.near(text, 50 * 13 + 1)]).toContain(tracked.get(50));
    expect([...index.near(text, 150 * 13 + 1)]).toContain(tracked.get(150));
    index.remove(tracked.get(50)!);
    expect([...index.near(text, 50 * 13 + 1)]).not.toContain(tracked.get(50));
    const again = index.add(claim, figure(50), p);
    expect([...index.near(text, 50 * 13 + 1)]).toContain(again);
  });

  it('offers a claim whose words begin in another node and end in this one', () => {
    const { p, text, figure } = dump(100);
    const before = document.createTextNode('Kent: ');
    p.prepend(before);
    const index = new ClaimIndex();
    for (let i = 0; i < 100; i++) index.add(claim, figure(i), p);
    const across = document.createRange();
    across.setStart(before, 0);
    across.setEnd(text, 4);
    const spanning = index.add(claim, across, p);
    expect([...index.near(text, 90 * 13)]).toContain(spanning);
  });
});

/**
 * A page of `n` paragraphs, one figure each, held as fixed ranges (as browsers make them):
 * each range counts how often it is asked where it is.
 */
function page(n: number) {
  const main = document.createElement('main');
  const ps = Array.from({ length: n }, (_, i) =>
    Object.assign(document.createElement('p'), { textContent: `${1000 + i} crimes.` }),
  );
  main.append(...ps);
  document.body.replaceChildren(main);
  const asked = { count: 0 };
  const index = new ClaimIndex();
  const tracked = ps.map((p) => {
    const text = p.firstChild as Text;
    const range = {
      get startContainer() {
        asked.count++;
        return text;
      },
      endContainer: text,
      startOffset: 0,
      endOffset: 4,
      collapsed: false,
    } as AbstractRange;
    return index.add(claim, range, p);
  });
  return { main, ps, index, tracked, asked };
}

describe('ClaimIndex.detached (marks on text the page threw away)', () => {
  it("finds a removed paragraph's claim and a shortened one's, asking only around the changes", () => {
    const { main, ps, index, tracked, asked } = page(2_000);
    ps[10]!.remove();
    (ps[20]!.firstChild as Text).data = '1';
    asked.count = 0;
    const gone = index.detached([ps[20]!], { from: [main], nodes: [ps[10]!] });
    expect(new Set(gone)).toEqual(new Set([tracked[10], tracked[20]]));
    // The claims of the other 1,998 paragraphs were not asked one by one.
    expect(asked.count).toBeLessThanOrEqual(2);
  });

  it('asks every claim inside a changed container, and none when nothing was lost', () => {
    const { main, index, tracked } = page(50);
    expect(index.detached([main])).toEqual([]);
    (tracked[3]!.root.firstChild as Text).data = '';
    expect(index.detached([main])).toEqual([tracked[3]]);
  });
});

describe('ClaimIndex.within (claims of a chunk looked at again)', () => {
  it("gives a changed paragraph's claims, and a container's, without asking the others", () => {
    const { main, ps, index, tracked, asked } = page(2_000);
    asked.count = 0;
    expect(index.within(ps[7]!)).toEqual([tracked[7]]);
    expect(asked.count).toBe(0);
    expect(index.within(main)).toHaveLength(2_000);
  });
});

describe('ClaimIndex.all (claims in page order, for the list and the badge)', () => {
  const figures = (index: ClaimIndex) =>
    index.all.map((t) => Number(t.range.startContainer.textContent!.slice(0, 4)));

  it('places claims read again among the others, and keeps them there as more arrive', () => {
    const { ps, index, tracked } = page(10);
    // The first half of the page read; then paragraph 2 changed and was read again.
    for (const t of tracked.slice(5)) index.remove(t);
    index.remove(tracked[2]!);
    index.arriveOutOfOrder();
    const again = ps[2]!.firstChild!;
    index.add(claim, { ...tracked[2]!.range, startContainer: again } as AbstractRange, ps[2]!);
    expect(figures(index)).toEqual([1000, 1001, 1002, 1003, 1004]);
    // The rest of the page is read after, in order.
    for (const p of ps.slice(5)) {
      const text = p.firstChild!;
      index.add(claim, { ...tracked[0]!.range, startContainer: text } as AbstractRange, p);
    }
    expect(figures(index)).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009]);
  });

  it('places a few late claims among thousands with a few comparisons each', () => {
    const { ps, index, tracked, asked } = page(4_000);
    expect(index.all).toHaveLength(4_000);
    index.remove(tracked[1_234]!);
    index.arriveOutOfOrder();
    const text = ps[1_234]!.firstChild!;
    index.add(claim, { ...tracked[0]!.range, startContainer: text } as AbstractRange, ps[1_234]!);
    asked.count = 0;
    expect(index.all).toHaveLength(4_000);
    // A binary search: a few dozen positions asked, not one per claim held.
    expect(asked.count).toBeLessThan(60);
    expect(figures(index)[1_234]).toBe(2_234);
  });
});
