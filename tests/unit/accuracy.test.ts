/**
 * Accuracy on the golden fixture pages: every page is read exactly as the CLI reads it
 * (happy-dom + extractBlocks + analyseBlocks) and its claims are compared with the
 * page's `.expected.json` (format in tests/fixtures/FORMAT.md).
 *
 * Alignment is by position: an expected claim is the nth occurrence of its `number` in the
 * page's visible text (the blocks, joined); a found claim is aligned to it when the found
 * number's span covers that occurrence. Scores: recall, precision, verdict accuracy (verdict
 * and record equal, among aligned claims) and false mismatches, which must be zero.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHtml } from '../../cli/html';
import { dataset } from '../../data';
import { extractBlocks } from '../../utils/dom/extract';
import { createEngine, type Claim } from '../../utils/engine';

interface Expected {
  number: string;
  nth?: number;
  value: number;
  unit: string;
  verdict: string;
  recordId?: string;
}

interface PageResult {
  page: string;
  expected: number;
  found: number;
  aligned: number;
  correct: number;
  falseMismatches: string[];
  problems: string[];
}

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const SEPARATOR = '\n';
const engine = createEngine(dataset);
const results: PageResult[] = [];

/** Start of the nth (1-based) occurrence of `needle` in `text`, or -1. */
function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i < nth; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function describeClaim(c: Claim): string {
  return `${c.verdict} "${c.mention}" (${c.value} ${c.unit}) ${c.recordId ?? c.notHeldId ?? '-'}`;
}

async function scorePage(file: string): Promise<PageResult> {
  const html = readFileSync(join(PAGES, file), 'utf8');
  const expectedClaims = (
    JSON.parse(readFileSync(join(PAGES, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
      claims: Expected[];
    }
  ).claims;
  const page = loadHtml(html);
  const { blocks, context } = extractBlocks(page.document);
  await page.close();
  const claims = engine.analyseBlocks(blocks, context);

  const starts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    starts.push(offset);
    offset += b.length + SEPARATOR.length;
  }
  const visible = blocks.join(SEPARATOR);
  const span = (c: Claim) => ({
    start: (starts[c.blockIndex] ?? 0) + c.numberStart,
    end: (starts[c.blockIndex] ?? 0) + c.numberEnd,
  });

  const result: PageResult = {
    page: file,
    expected: expectedClaims.length,
    found: claims.length,
    aligned: 0,
    correct: 0,
    falseMismatches: [],
    problems: [],
  };
  const used = new Set<Claim>();
  for (const e of expectedClaims) {
    const at = nthIndex(visible, e.number, e.nth ?? 1);
    const label = `"${e.number}"#${e.nth ?? 1} ${e.verdict} ${e.recordId ?? ''}`.trim();
    if (at < 0) {
      result.problems.push(`expected ${label}: not in the visible text`);
      continue;
    }
    const found = claims.find(
      (c) => !used.has(c) && span(c).start <= at && at + e.number.length <= span(c).end,
    );
    if (!found) {
      result.problems.push(`missed ${label}`);
      continue;
    }
    used.add(found);
    result.aligned += 1;
    const recordId = found.recordId ?? found.notHeldId ?? undefined;
    if (found.verdict === e.verdict && recordId === e.recordId) result.correct += 1;
    else result.problems.push(`expected ${label}, found ${describeClaim(found)} — ${found.reason}`);
    if (found.verdict === 'mismatch' && (e.verdict === 'match' || e.verdict === 'unverified')) {
      result.falseMismatches.push(`${label} → ${describeClaim(found)}`);
    }
  }
  for (const c of claims)
    if (!used.has(c)) result.problems.push(`unexpected ${describeClaim(c)} in "${c.sentence}"`);
  return result;
}

const files = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort();

interface Totals {
  recall: number;
  precision: number;
  verdictAccuracy: number;
  falseMismatches: string[];
}

function report(): Totals {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const expected = sum((r) => r.expected);
  const found = sum((r) => r.found);
  const aligned = sum((r) => r.aligned);
  const correct = sum((r) => r.correct);
  const falseMismatches = results.flatMap((r) => r.falseMismatches.map((m) => `${r.page}: ${m}`));
  const totals: Totals = {
    recall: expected === 0 ? 1 : aligned / expected,
    precision: found === 0 ? 1 : aligned / found,
    verdictAccuracy: aligned === 0 ? 1 : correct / aligned,
    falseMismatches,
  };
  const lines = results
    .filter((r) => r.problems.length > 0)
    .map(
      (r) =>
        `${r.page} (expected ${r.expected}, found ${r.found}, aligned ${r.aligned}, correct ${r.correct})\n  ${r.problems.join('\n  ')}`,
    );
  console.log(
    [
      ...lines,
      `TOTAL ${results.length} pages: expected ${expected}, found ${found}, aligned ${aligned}, verdicts correct ${correct}`,
      `recall ${totals.recall.toFixed(3)} · precision ${totals.precision.toFixed(3)} · verdict accuracy ${totals.verdictAccuracy.toFixed(3)} · false mismatches ${falseMismatches.length}`,
      ...falseMismatches.map((m) => `  FALSE MISMATCH ${m}`),
    ].join('\n'),
  );
  return totals;
}

describe('accuracy on the golden fixture pages', () => {
  let totals: Totals;

  beforeAll(async () => {
    for (const file of files) results.push(await scorePage(file));
    totals = report();
  }, 60_000);

  it('scores every fixture page', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(results.length).toBe(files.length);
  });

  it('never calls a correct or unchecked figure a mismatch', () => {
    expect(totals.falseMismatches).toEqual([]);
  });

  it('finds at least 95% of the expected claims (recall)', () => {
    expect(totals.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds few claims that are not expected (precision ≥ 0.97)', () => {
    expect(totals.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('gives the expected verdict and record for at least 95% of aligned claims', () => {
    expect(totals.verdictAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
