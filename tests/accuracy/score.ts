/**
 * Accuracy of the engine on a set of labelled pages (format: tests/fixtures/FORMAT.md), read
 * by default exactly as the CLI reads them (happy-dom, `extractBlocks`, `analyseBlocks`), or
 * by any `PageReader`: tests/unit/accuracy-page-checker.test.ts reads them the extension's
 * way, through the page checker in small chunks.
 *
 * Alignment is by position: a label is the nth occurrence of its `number` in the page's
 * visible text (the blocks, joined); a found claim is aligned to it when the found number's
 * span covers that occurrence. Two kinds of score, because they answer different questions:
 * - found: are the statistics on the page found at all (every label but `not-mismatch`)?
 * - checked: do the claims that have an official record (`match`, `mismatch`, `not-held`)
 *   get that verdict and record, and is every verdict the engine gives with a record right?
 * A false "differs" is any `mismatch` the labels do not call a mismatch of that record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHtml } from '../../cli/html';
import { extractBlocks } from '../../utils/dom/extract';
import type { Claim, Engine } from '../../utils/engine';

export interface Label {
  number: string;
  nth?: number;
  value?: number;
  unit?: string;
  verdict: string;
  recordId?: string;
  why?: string;
}

export interface PageScore {
  page: string;
  labels: number;
  found: number;
  /** Labels (not `not-mismatch`) a found claim covers. */
  aligned: number;
  /** Found claims covering any label, `not-mismatch` included. */
  foundAligned: number;
  /** Aligned labels whose verdict and record the engine gave. */
  correct: number;
  /** Labels with an official record, and how many of them were checked right. */
  held: number;
  heldRight: number;
  /** Claims the engine checked against a record, and how many the labels agree with. */
  checked: number;
  checkedRight: number;
  falseDiffers: string[];
  problems: string[];
}

export interface SetScore {
  set: string;
  pages: number;
  claims: number;
  foundRecall: number;
  foundPrecision: number;
  checkedRecall: number;
  checkedPrecision: number;
  verdictAccuracy: number;
  held: number;
  checked: number;
  falseDiffers: string[];
  details: PageScore[];
}

export const SETS = {
  pages: 'own golden pages',
  real: 'real published text',
  peer: 'peer negatives',
} as const;
export type SetName = keyof typeof SETS;

const FIXTURES = join(import.meta.dirname, '../fixtures');
const SEPARATOR = '\n';
const WITH_RECORD = new Set(['match', 'mismatch', 'not-held']);

function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i < nth; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function describe(c: Claim): string {
  return `${c.verdict} "${c.mention}" (${c.value} ${c.unit}) ${c.recordId ?? c.notHeldId ?? '-'}`;
}

/** A claim found on a page, with its number's span in the page's visible text. */
export interface FoundOnPage {
  claim: Claim;
  start: number;
  end: number;
}

/** The page's visible text (its blocks joined by a newline) and the claims found in it. */
export interface PageReading {
  visible: string;
  found: FoundOnPage[];
}

/** Reads one page: the whole-page path here, the page checker's chunked path in its test. */
export type PageReader = (html: string) => Promise<PageReading>;

/** Joins blocks as the labels count them, and where each block starts in that text. */
export function visibleText(blocks: readonly string[]): { visible: string; starts: number[] } {
  const starts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    starts.push(offset);
    offset += b.length + SEPARATOR.length;
  }
  return { visible: blocks.join(SEPARATOR), starts };
}

/** The CLI's path: happy-dom, `extractBlocks` over the whole page, `analyseBlocks` once. */
export function wholePageReader(engine: Engine): PageReader {
  return async (html) => {
    const page = loadHtml(html);
    const { blocks, context } = extractBlocks(page.document);
    await page.close();
    const { visible, starts } = visibleText(blocks);
    const found = engine.analyseBlocks(blocks, context).map((claim) => ({
      claim,
      start: (starts[claim.blockIndex] ?? 0) + claim.numberStart,
      end: (starts[claim.blockIndex] ?? 0) + claim.numberEnd,
    }));
    return { visible, found };
  };
}

async function scorePage(read: PageReader, dir: string, file: string): Promise<PageScore> {
  const html = readFileSync(join(dir, file), 'utf8');
  const labels = (
    JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
      claims: Label[];
    }
  ).claims;
  const { visible, found: located } = await read(html);
  const claims = located.map((f) => f.claim);
  const spans = new Map(located.map((f) => [f.claim, f] as const));
  const span = (c: Claim) => spans.get(c)!;
  const score: PageScore = {
    page: file,
    labels: 0,
    found: claims.length,
    aligned: 0,
    foundAligned: 0,
    correct: 0,
    held: 0,
    heldRight: 0,
    checked: 0,
    checkedRight: 0,
    falseDiffers: [],
    problems: [],
  };
  const labelOf = new Map<Claim, Label>();
  for (const e of labels) {
    const open = e.verdict === 'not-mismatch';
    if (!open) score.labels += 1;
    if (WITH_RECORD.has(e.verdict)) score.held += 1;
    const at = nthIndex(visible, e.number, e.nth ?? 1);
    const name = `"${e.number}"#${e.nth ?? 1} ${e.verdict} ${e.recordId ?? ''}`.trim();
    if (at < 0) {
      score.problems.push(`expected ${name}: not in the visible text`);
      continue;
    }
    const found = claims.find(
      (c) => !labelOf.has(c) && span(c).start <= at && at + e.number.length <= span(c).end,
    );
    if (!found) {
      if (!open) score.problems.push(`missed ${name}`);
      continue;
    }
    labelOf.set(found, e);
    score.foundAligned += 1;
    if (open) {
      if (found.verdict === 'mismatch')
        score.problems.push(`open ${name} called ${describe(found)}`);
      continue;
    }
    score.aligned += 1;
    const record = found.recordId ?? found.notHeldId ?? undefined;
    const right = found.verdict === e.verdict && record === e.recordId;
    if (right) score.correct += 1;
    else score.problems.push(`expected ${name}, found ${describe(found)} — ${found.reason}`);
    if (right && WITH_RECORD.has(e.verdict)) score.heldRight += 1;
  }
  for (const c of claims) {
    const e = labelOf.get(c);
    if (!e) score.problems.push(`unexpected ${describe(c)} in "${c.sentence.slice(0, 160)}"`);
    if (WITH_RECORD.has(c.verdict)) {
      score.checked += 1;
      const record = c.recordId ?? c.notHeldId ?? undefined;
      if (e && e.verdict === c.verdict && e.recordId === record) score.checkedRight += 1;
    }
    if (c.verdict === 'mismatch' && !(e?.verdict === 'mismatch' && e.recordId === c.recordId))
      score.falseDiffers.push(`${file}: ${describe(c)} (labelled ${e?.verdict ?? 'no claim'})`);
  }
  return score;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Scores every page of one fixture set, read as the CLI reads a page (or by `read`). */
export async function scoreSet(
  engine: Engine,
  set: SetName,
  read: PageReader = wholePageReader(engine),
): Promise<SetScore> {
  const dir = join(FIXTURES, set);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const details: PageScore[] = [];
  for (const file of files) details.push(await scorePage(read, dir, file));
  const sum = (f: (p: PageScore) => number) => details.reduce((n, p) => n + f(p), 0);
  return {
    set,
    pages: files.length,
    claims: sum((p) => p.labels),
    foundRecall: ratio(
      sum((p) => p.aligned),
      sum((p) => p.labels),
    ),
    foundPrecision: ratio(
      sum((p) => p.foundAligned),
      sum((p) => p.found),
    ),
    checkedRecall: ratio(
      sum((p) => p.heldRight),
      sum((p) => p.held),
    ),
    checkedPrecision: ratio(
      sum((p) => p.checkedRight),
      sum((p) => p.checked),
    ),
    verdictAccuracy: ratio(
      sum((p) => p.correct),
      sum((p) => p.aligned),
    ),
    held: sum((p) => p.held),
    checked: sum((p) => p.checked),
    falseDiffers: details.flatMap((p) => p.falseDiffers),
    details,
  };
}

/** The accuracy table, as the README shows it. */
export function table(scores: readonly SetScore[]): string {
  const f = (x: number) => x.toFixed(3);
  const rows = scores.map(
    (s) =>
      `| ${SETS[s.set as SetName]} | ${s.pages} | ${s.claims} | ${f(s.foundRecall)} | ${f(s.foundPrecision)} | ${s.held} | ${f(s.checkedRecall)} | ${s.checked} | ${f(s.checkedPrecision)} | ${f(s.verdictAccuracy)} | ${s.falseDiffers.length} |`,
  );
  return [
    '| set | pages | claims | found: recall | found: precision | with a record | checked: recall | checked by the engine | checked: precision | verdict accuracy | false "differs" |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** Each page's disagreements with its labels, for reading. */
export function problems(score: SetScore): string {
  return score.details
    .filter((p) => p.problems.length > 0)
    .map((p) => `${p.page}\n  ${p.problems.join('\n  ')}`)
    .join('\n');
}
