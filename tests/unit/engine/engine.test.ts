import Fuse from 'fuse.js';
import { describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../data';
import type { Dataset, Figure } from '../../../data/schema';
import { createEngine, hasRelevantContext } from '../../../utils/engine';
import { FUSE_OPTIONS } from '../../../utils/engine/dataset-index';
import { MAX_SENTENCE } from '../../../utils/engine/sentences';

const ARTICLE =
  'In 2021/22, Kent Police recorded more than 100 domestic abuse-related crimes every day.\n\nThanet averaged 4,548 domestic abuse calls to Kent Police between 2017 and 2021.';

describe('createEngine', () => {
  it('builds its fuse indexes once, then never again while analysing or checking', () => {
    const spy = vi.spyOn(Fuse, 'createIndex');
    try {
      const engine = createEngine(dataset);
      const built = spy.mock.calls.length;
      expect(built).toBeGreaterThan(0);
      for (let i = 0; i < 3; i += 1) {
        engine.analyseText(ARTICLE, { date: '2023-07-27' });
        engine.analyseBlocks(ARTICLE.split('\n\n'), { title: 'Domestic abuse in Kent' });
        engine.checkStatement('over 100 domestic abuse crimes a day');
      }
      expect(spy.mock.calls.length).toBe(built);
    } finally {
      spy.mockRestore();
    }
  });

  it('configures fuse deliberately', () => {
    expect(FUSE_OPTIONS).toMatchObject({
      ignoreLocation: true,
      includeScore: true,
      useTokenSearch: true,
    });
    expect(FUSE_OPTIONS.threshold).toBeGreaterThan(0);
    expect(FUSE_OPTIONS.keys?.length).toBeGreaterThan(1);
  });

  // Issue 13: one 120 KB paragraph of short claims froze the tab for 58 s, and 40 KB of them
  // gave 124 MB of JSON from the command line: each claim read, and carried, all of it.
  it('finds the figures of a paragraph that never ends, each with a sentence of bounded length', () => {
    const n = 2000;
    const block = `Kent ${Array.from({ length: n }, (_, i) => `${i} assaults`).join(', ')}`;
    const claims = createEngine(dataset).analyseBlocks([block], { title: 'Kent crime data' });
    expect(claims.length).toBeGreaterThan(n * 0.99);
    for (const c of claims) {
      expect(c.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(c.sentence).toContain(c.mention);
      expect(block.slice(c.start, c.end)).toBe(c.mention);
    }
  });

  it('names the closest official figure when it cannot check one', () => {
    // tests/fixtures/real/05-kentonline-domestic-abuse-reports-almost-double-2016.html: the
    // concepts leave Kent Police's incidents and KCC's children both compatible, and fuse's
    // ranking of the words is what says the incidents are the nearer measure. A reader shown
    // "not children" for a count of incidents would rightly distrust the card.
    const text =
      'According to a report, Kent Police dealt with 34,403 incidents of abuse in the 12 months up to the end of September this year - compared with just 18,000 five years ago.';
    const claims = createEngine(dataset).analyseText(text, {
      title: 'Domestic abuse reports almost double in Kent',
      date: '2016-11-01',
    });
    expect(claims.map((c) => [c.mention, c.verdict])).toEqual([
      ['34,403', 'unverified'],
      ['18,000', 'unverified'],
    ]);
    for (const claim of claims) expect(claim.reason).toMatch(/^Not checked against Kent Police's/);
  });

  it('reports offsets that point at the claim in its block', () => {
    const blocks = ARTICLE.split('\n\n');
    const claims = createEngine(dataset).analyseBlocks(blocks, {});
    expect(claims).toHaveLength(2);
    for (const c of claims) {
      const block = blocks[c.blockIndex]!;
      expect(block.slice(c.start, c.end)).toBe(c.mention);
      expect(block.slice(c.numberStart, c.numberEnd)).toMatch(/^[\d,.]+$/);
      expect(c.start).toBeLessThanOrEqual(c.numberStart);
      expect(c.end).toBeGreaterThanOrEqual(c.numberEnd);
      expect(c.sentence).toContain(c.mention);
    }
    expect(claims.map((c) => c.mention)).toEqual(['more than 100', '4,548']);
  });

  it('works on any dataset of the schema, not only the bundled one', () => {
    const figure: Figure = {
      id: 'test-swale-calls',
      sourceId: 'test-source',
      measure:
        'Average number of domestic abuse related calls to Kent Police from the district over 2017 to 2021',
      topics: ['domestic-abuse', 'calls'],
      place: 'swale',
      period: { from: '2017', to: '2021', label: '2017-2021' },
      value: 2100,
      unit: 'count',
      timeBase: '',
      rateBase: '',
      qualifier: 'exact',
      qualifierText: '',
      producer: 'Kent Police',
      quote: 'Swale had 2,100 calls.',
      valueText: '2,100',
    };
    const small: Dataset = {
      sources: [
        {
          id: 'test-source',
          title: 'Test',
          publisher: 'Test Council',
          kind: 'policy',
          date: '',
          reference: '',
          url: '',
          contact: '',
          secondary: false,
          note: '',
        },
      ],
      figures: [figure],
      notHeld: [],
    };
    const [c] = createEngine(small).analyseText(
      'Swale averaged 2,100 domestic abuse calls to Kent Police between 2017 and 2021.',
    );
    expect(c).toMatchObject({ verdict: 'match', recordId: 'test-swale-calls' });
  });
});

describe('hasRelevantContext', () => {
  it.each([
    ['Kent', 'Knife crime in Kent is rising.', true],
    ['a district', 'Thanet council meets tonight.', true],
    ['KMPT', 'KMPT answered the request.', true],
    ['domestic abuse in the UK', 'Domestic abuse affected 2.4 million people across the UK.', true],
    ['neither', 'Lincoln City drew 2-2 with Exeter on Saturday.', false],
    ['abuse elsewhere', 'Essex Police record 96 domestic abuse crimes a day.', false],
    ['the UK without abuse', 'UK inflation fell to 2%.', false],
  ])('%s → %s', (_label, text, expected) => {
    expect(hasRelevantContext(text)).toBe(expected);
  });

  // Its cost is measured in `npm run bench` (timed assertions would be flaky on a busy CI).
  it('says a long page with no Kent context is irrelevant, and finds no claims in it', () => {
    const page =
      'Essex Police recorded 96 domestic abuse crimes a day in 2022/23, 40% with a child present. '.repeat(
        1200,
      );
    expect(page.length).toBeGreaterThan(100_000);
    const engine = createEngine(dataset);
    expect(engine.analyseText(page)).toEqual([]);
    expect(engine.hasRelevantContext(page)).toBe(false);
  });
});
