/**
 * The claim engine: text blocks → sentences → quantity mentions → claim candidates →
 * candidate records → verdicts. Pure TypeScript: no DOM, no extension API, so the content
 * script, the popup, the CLI and the tests all run exactly this code.
 *
 * `createEngine` builds every dataset-derived table and fuse index once; the engine it
 * returns only reads them.
 */
import type { Dataset } from '../../data/schema';
import { claimOf } from './claims';
import { forgetQueryTexts } from './match';
import { PageReader, type PageFlags } from './context';
import { buildIndex, finishIndex, indexSteps, type DatasetIndex } from './dataset-index';
import { pageYearOf } from './periods';
import { pageNames } from './page-context';
import { hasRelevantContext } from './relevance';
import { checkStatement } from './statement';
import type { Claim, Engine, PageContext, StatementCheck } from './types';
import { WARM_UP_PARTS, type WarmUpContext } from './warm-up';

export type {
  Claim,
  Engine,
  Official,
  PageContext,
  PageNames,
  StatementCheck,
  TimeBase,
  Verdict,
} from './types';

/** Measure cache entries kept per engine; cleared when full (queries repeat within a page). */
const CACHE_LIMIT = 2000;

export { hasRelevantContext };

/** `index`: the dataset's index when the caller has built it already (in steps). */
export function createEngine(dataset: Dataset, index: DatasetIndex = buildIndex(dataset)): Engine {
  const cache = new Map<string, Map<number, number>>();
  const boundedCache = (): Map<string, Map<number, number>> => {
    if (cache.size > CACHE_LIMIT) cache.clear();
    return cache;
  };

  /** Warm-up parts run so far by `prepare`, and what they read with. */
  let warmed = 0;
  const warm: WarmUpContext = { index, analyse: analyseBlocks, cache: new Map() };

  function analyseBlocks(blocks: readonly string[], ctx: PageContext): Claim[] {
    // No early exit here: callers test the whole page with `hasRelevantContext` first (the
    // content script does, before it splits a page into chunks that may not name Kent).
    const title = ctx.title ?? '';
    const headings = ctx.headings ?? [];
    const before = ctx.before ?? [];
    const all = [...before, ...blocks];
    const read = pageNames(`${title}\n${headings.join('\n')}\n${all.join('\n')}`);
    const named = ctx.names;
    const flags: PageFlags = {
      pageYear: pageYearOf(ctx.date),
      pageDate: ctx.date ?? null,
      kent: read.kent || named?.kent === true,
      kmpt: read.kmpt || named?.kmpt === true,
      kentPolice: read.kentPolice || named?.kentPolice === true,
      kcc: read.kcc || named?.kcc === true,
    };
    const drafts = new PageReader(all, headings, title, flags).read(before.length);
    const claims: Claim[] = [];
    const cache = boundedCache();
    for (const draft of drafts) {
      const claim = claimOf(draft, all[draft.blockIndex] ?? '', index, cache, flags.pageDate);
      if (claim) claims.push({ ...claim, blockIndex: claim.blockIndex - before.length });
    }
    forgetQueryTexts();
    return claims;
  }

  return {
    analyseBlocks,
    analyseText(text: string, ctx: PageContext = {}): Claim[] {
      const blocks = splitPlainText(text);
      return analyseBlocks(blocks, { ...ctx, title: ctx.title ?? guessTitle(blocks) });
    },
    checkStatement(text: string, limit = 5): StatementCheck[] {
      return checkStatement(text, index, limit, boundedCache());
    },
    hasRelevantContext,
    prepare() {
      // The index is built: what is left is the warm-up, a part a call.
      WARM_UP_PARTS[warmed]?.run(warm);
      warmed = Math.min(warmed + 1, WARM_UP_PARTS.length);
      return warmed === WARM_UP_PARTS.length;
    },
  };
}

/**
 * An engine that builds its indexes on first real use. The cheap relevance test needs none,
 * so a page with no Kent context never pays for building them. `prepare` builds it a step at
 * a time (`indexSteps`), then runs the engine's warm-up (`WARM_UP_PARTS`), a part a call. A
 * read before that is over finishes the index at once and reads as it would after; the
 * warm-up's remaining parts then still run, a part a call.
 */
export function createLazyEngine(dataset: Dataset): Engine {
  let engine: Engine | null = null;
  /** The index being built step by step by `prepare`, if it has begun. */
  let steps: Generator<void, DatasetIndex> | null = null;
  const real = (): Engine =>
    (engine ??= createEngine(dataset, steps ? finishIndex(steps) : buildIndex(dataset)));
  return {
    hasRelevantContext,
    analyseBlocks: (blocks, ctx) => real().analyseBlocks(blocks, ctx),
    analyseText: (text, ctx) => real().analyseText(text, ctx),
    checkStatement: (text, limit) => real().checkStatement(text, limit),
    prepare: () => {
      // The dataset's index a few records or tables a step, then the engine's own warm-up.
      if (engine) return engine.prepare();
      steps ??= indexSteps(dataset);
      const step = steps.next();
      if (step.done) engine = createEngine(dataset, step.value);
      return false;
    },
  };
}

/**
 * Plain text: blocks are paragraphs separated by blank lines. Line breaks inside a paragraph
 * stay (the engine reads them as spaces) so a tab-separated table keeps its rows.
 */
export function splitPlainText(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).filter((b) => b.trim() !== '');
}

/** A short first paragraph without a full stop reads as the title. */
function guessTitle(blocks: readonly string[]): string | undefined {
  const first = blocks[0]?.trim();
  return first && first.length <= 160 && !/[.!?]$/.test(first) ? first : undefined;
}
