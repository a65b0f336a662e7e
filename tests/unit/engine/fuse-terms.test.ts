/**
 * The engine ranks measures with fuse's token search, its word matches remembered
 * (`utils/engine/fuse-terms.ts`). A remembered match that differed from fuse's own would
 * change which record a claim is checked against, silently: so every ranking is compared
 * with stock `useTokenSearch` on every query the fixture pages make, in every place group.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHtml } from '../../../cli/html';
import { dataset } from '../../../data';
import { extractBlocks } from '../../../utils/dom/extract';
import { buildIndex, FUSE_OPTIONS, type MeasureDoc } from '../../../utils/engine/dataset-index';
import { memoTokenSearch } from '../../../utils/engine/fuse-terms';
import { queryTerms } from '../../../utils/engine/match';
import { splitSentences } from '../../../utils/engine/sentences';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const index = buildIndex(dataset);
/** Queries as the engine makes them: the vocabulary words of each sentence of each page. */
const queries = new Set<string>();

beforeAll(async () => {
  for (const file of htmlFiles(FIXTURES)) {
    const loaded = loadHtml(readFileSync(file, 'utf8'));
    const { blocks } = extractBlocks(loaded.document);
    await loaded.close();
    for (const block of blocks)
      for (const sentence of splitSentences(block)) {
        const query = queryTerms(index, sentence.text);
        if (query) queries.add(query);
      }
  }
  // Misspelt and inflected words, which only a fuzzy match ranks.
  for (const q of ['domestik abuse', 'asaults staff', 'referals safeguarding', 'crimes crime'])
    queries.add(q);
});

/** The measures of each place group, as the index's own collections hold them. */
function docsOf(fuse: Fuse<MeasureDoc>): MeasureDoc[] {
  return fuse.search('').map((r) => r.item);
}

function ranking(fuse: Fuse<MeasureDoc>, query: string): Array<[number, number]> {
  return fuse.search(query).map((r) => [r.item.id, r.score ?? -1]);
}

describe('ranking measures with remembered word matches', () => {
  it('ranks fixture queries in every place group exactly as fuse token search does', () => {
    expect(queries.size).toBeGreaterThan(300);
    // Every third query (stock token search is what makes this slow), and the misspellings.
    const sample = [...queries].filter((_, i) => i % 3 === 0 || i >= queries.size - 4);
    expect(index.fuse.size).toBeGreaterThan(3);
    let compared = 0;
    for (const [group, memo] of index.fuse) {
      const docs = docsOf(memo);
      expect(docs.length, group).toBeGreaterThan(0);
      const stock = new Fuse(docs, FUSE_OPTIONS);
      for (const query of sample) {
        expect(ranking(memo, query), `${group}: ${query}`).toEqual(ranking(stock, query));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    console.info(`${compared} rankings compared over ${index.fuse.size} place groups`);
  });

  it('gives the same ranking whether a word was matched first in this query or an earlier one', () => {
    const docs = docsOf(index.fuse.get('*')!);
    const fresh = () => {
      const search = memoTokenSearch(docs, FUSE_OPTIONS);
      return new Fuse(docs, search.options, search.index);
    };
    const warmed = fresh();
    for (const query of queries) ranking(warmed, query);
    const cold = [...queries].slice(0, 50);
    for (const query of cold) expect(ranking(warmed, query)).toEqual(ranking(fresh(), query));
  });

  it('refuses options whose results it would not reproduce', () => {
    expect(() => memoTokenSearch([], { ...FUSE_OPTIONS, tokenMatch: 'all' })).toThrow(/any/);
    expect(() => memoTokenSearch([], { ...FUSE_OPTIONS, includeMatches: true })).toThrow();
  });
});
