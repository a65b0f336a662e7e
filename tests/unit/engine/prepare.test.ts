import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadHtml } from '../../../cli/html';
import { dataset } from '../../../data';
import { extractBlocks } from '../../../utils/dom/extract';
import { createEngine, createLazyEngine, type PageContext } from '../../../utils/engine';
import { buildIndex, type RecordInfo } from '../../../utils/engine/dataset-index';
import { WARM_UP_PARTS } from '../../../utils/engine/warm-up';

const ARTICLE =
  'In 2021/22, Kent Police recorded more than 100 domestic abuse-related crimes every day.\n\nThanet averaged 4,548 domestic abuse calls to Kent Police between 2017 and 2021.';

/** A real page whose claims agree with their records: fourteen of them (tests/fixtures/real/). */
const REAL_PAGE = join(
  import.meta.dirname,
  '../../fixtures/real/01-isleofthanetnews-domestic-abuse-strategy-consultation-2023.html',
);

/** More steps than this and a page would wait for the engine long after it was idle. */
const MAX_STEPS = 150;

let page: { blocks: string[]; context: PageContext };

beforeAll(async () => {
  const loaded = loadHtml(readFileSync(REAL_PAGE, 'utf8'));
  const { blocks, context } = extractBlocks(loaded.document);
  page = { blocks, context };
  await loaded.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Calls `prepare` until it returns true; the number of calls it took. */
function prepareAll(engine: ReturnType<typeof createLazyEngine>): number {
  let steps = 0;
  for (let ready = false; !ready && steps <= MAX_STEPS; steps += 1) ready = engine.prepare();
  return steps;
}

/** What the record table says of one figure, apart from the record's own identity. */
function columns(r: RecordInfo) {
  return {
    id: r.figure.id,
    measure: r.measure.measure,
    concepts: r.concepts,
    key: r.key,
    interval: r.interval,
    counted: r.counted,
    restrictions: r.restrictions,
    bodies: r.bodies,
    years: r.years,
    soleOfMeasure: r.soleOfMeasure,
  };
}

// Issue 14: the engine's start-up, built in one go, was a task over 50 ms on every page checked.
describe('createLazyEngine().prepare', () => {
  it('builds the index a few fuse tables per step, then reads pages as an engine built at once', () => {
    const spy = vi.spyOn(Fuse, 'createIndex');
    const engine = createLazyEngine(dataset);
    expect(spy).not.toHaveBeenCalled();
    const perStep: number[] = [];
    let ready = false;
    for (let steps = 0; !ready && steps < MAX_STEPS; steps += 1) {
      const before = spy.mock.calls.length;
      ready = engine.prepare();
      perStep.push(spy.mock.calls.length - before);
    }
    expect(ready).toBe(true);
    const built = spy.mock.calls.length;
    expect(built).toBeGreaterThan(4);
    // Spread over steps: no step builds more than two of the tables.
    expect(perStep.filter((n) => n > 0).length).toBeGreaterThan(3);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(2);
    const claims = engine.analyseText(ARTICLE, { date: '2023-07-27' });
    expect(spy.mock.calls.length).toBe(built);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims).toEqual(createEngine(dataset).analyseText(ARTICLE, { date: '2023-07-27' }));
  });

  it('is ready after a bounded number of steps: the index, then each part of the warm-up', () => {
    const steps = prepareAll(createLazyEngine(dataset));
    expect(steps).toBeLessThanOrEqual(MAX_STEPS);
    // The records alone take several steps (a column at a time), and the warm-up one per part.
    expect(steps).toBeGreaterThan(WARM_UP_PARTS.length + 10);
    // Once ready it stays ready.
    const engine = createLazyEngine(dataset);
    prepareAll(engine);
    expect(engine.prepare()).toBe(true);
  });

  it('warms an engine built at once in the same parts, its index being built already', () => {
    const engine = createEngine(dataset);
    expect(prepareAll(engine)).toBe(WARM_UP_PARTS.length);
    expect(engine.prepare()).toBe(true);
  });

  it('reads a real page as an engine built at once, once prepared', () => {
    const expected = createEngine(dataset).analyseBlocks(page.blocks, page.context);
    expect(expected.map((c) => c.verdict)).toContain('match');
    const engine = createLazyEngine(dataset);
    prepareAll(engine);
    expect(engine.analyseBlocks(page.blocks, page.context)).toEqual(expected);
  });

  it('reads a real page as an engine built at once when asked in the middle of its preparation', () => {
    const expected = createEngine(dataset).analyseBlocks(page.blocks, page.context);
    // After 1 step (the records begun), 20 (the records half built), 45 and 70 (the warm-up).
    for (const after of [1, 20, 45, 70]) {
      const engine = createLazyEngine(dataset);
      let ready = false;
      for (let i = 0; i < after && !ready; i += 1) ready = engine.prepare();
      expect(engine.analyseBlocks(page.blocks, page.context), `after ${after} steps`).toEqual(
        expected,
      );
      // What is left of the preparation still ends, and the page still reads the same.
      expect(prepareAll(engine)).toBeLessThanOrEqual(MAX_STEPS);
      expect(engine.analyseBlocks(page.blocks, page.context)).toEqual(expected);
    }
  });

  it('finishes a half-built index when a page is read before preparation is over', () => {
    const engine = createLazyEngine(dataset);
    expect(engine.prepare()).toBe(false);
    expect(engine.prepare()).toBe(false);
    const claims = engine.analyseText(ARTICLE, { date: '2023-07-27' });
    expect(claims).toEqual(createEngine(dataset).analyseText(ARTICLE, { date: '2023-07-27' }));
    expect(claims.map((c) => c.verdict)).toContain('match');
  });
});

describe('indexSteps', () => {
  it("gives each record its own figure's columns, wherever the record falls among the steps", () => {
    // Built column by column a few records a step: reversed, every figure lands at another
    // place among the steps, and must still get the same values in every column.
    const forward = buildIndex(dataset);
    const reversed = buildIndex({ ...dataset, figures: [...dataset.figures].reverse() });
    expect(dataset.figures.length).toBeGreaterThan(64);
    const byId = new Map(reversed.records.map((r) => [r.figure.id, columns(r)]));
    expect(forward.records.map((r) => r.figure)).toEqual(dataset.figures);
    for (const r of forward.records) expect(byId.get(r.figure.id)).toEqual(columns(r));
  });
});
