// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { STRETCH_CHARS, stretchOf } from '@/utils/dom/mark-window';

const paragraphs = (n: number) => Array.from({ length: n }, () => document.createElement('p'));

describe('stretchOf', () => {
  it('watches a run through its first and last elements, and one every ~2,000 characters', () => {
    const run = paragraphs(100);
    const { sentinels } = stretchOf(
      run,
      run.map(() => 100),
    );
    expect(sentinels[0]).toBe(run[0]);
    expect(sentinels.at(-1)).toBe(run[99]);
    // No more than STRETCH_CHARS of text between two sentinels: a viewport anywhere in the
    // run is within the observer's margin of one of them.
    const positions = sentinels.map((s) => run.indexOf(s as HTMLParagraphElement));
    for (let i = 1; i < positions.length; i++)
      expect((positions[i]! - positions[i - 1]!) * 100).toBeLessThanOrEqual(STRETCH_CHARS);
    expect(sentinels.length).toBeLessThan(10);
  });

  it('watches a single element through itself', () => {
    const [p] = paragraphs(1);
    expect(stretchOf([p!], [12_000]).sentinels).toEqual([p]);
  });

  it('gives each long element its own sentinel', () => {
    const run = paragraphs(3);
    expect(stretchOf(run, [3000, 3000, 3000]).sentinels).toEqual(run);
  });
});
