import Fuse from 'fuse.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../data';
import { createEngine, createLazyEngine } from '../../../utils/engine';

const ARTICLE =
  'In 2021/22, Kent Police recorded more than 100 domestic abuse-related crimes every day.\n\nThanet averaged 4,548 domestic abuse calls to Kent Police between 2017 and 2021.';

afterEach(() => {
  vi.restoreAllMocks();
});

// Issue 14: the engine's start-up, built in one go, was a task over 50 ms on every page checked.
describe('createLazyEngine().prepare', () => {
  it('builds the index a few fuse tables per step, then reads pages as an engine built at once', () => {
    const spy = vi.spyOn(Fuse, 'createIndex');
    const engine = createLazyEngine(dataset);
    expect(spy).not.toHaveBeenCalled();
    const perStep: number[] = [];
    let ready = false;
    for (let steps = 0; !ready && steps < 100; steps += 1) {
      const before = spy.mock.calls.length;
      ready = engine.prepare();
      perStep.push(spy.mock.calls.length - before);
    }
    expect(ready).toBe(true);
    const built = spy.mock.calls.length;
    expect(built).toBeGreaterThan(4);
    // Spread over steps: no step builds more than a few of the tables.
    expect(perStep.length).toBeGreaterThan(3);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(4);
    const claims = engine.analyseText(ARTICLE, { date: '2023-07-27' });
    expect(spy.mock.calls.length).toBe(built);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims).toEqual(createEngine(dataset).analyseText(ARTICLE, { date: '2023-07-27' }));
  });

  it('finishes a half-built index when a page is read before preparation is over', () => {
    const engine = createLazyEngine(dataset);
    expect(engine.prepare()).toBe(false);
    expect(engine.prepare()).toBe(false);
    const claims = engine.analyseText(ARTICLE, { date: '2023-07-27' });
    expect(claims).toEqual(createEngine(dataset).analyseText(ARTICLE, { date: '2023-07-27' }));
    expect(claims.map((c) => c.verdict)).toContain('match');
    // Nothing is left to build but the sample sentence.
    expect(engine.prepare()).toBe(true);
  });
});
