/**
 * The engine's public and internal types. The public shapes (`Claim`, `Official`,
 * `StatementCheck`, `PageContext`, `Engine`) are what the content script, the popup and the
 * CLI consume, so they stay plain JSON-serialisable data.
 */
import type { Dataset, Figure, NotHeld, Place, Unit } from '../../data/schema';

export type { Dataset, Figure, NotHeld, Place, Unit };

/** Every verdict the engine gives; the words for them live in `utils/verdicts.ts`. */
export const VERDICTS = ['match', 'mismatch', 'not-held', 'unverified'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The time base a count or rate is given per, as the dataset records it. */
export type TimeBase = '' | 'day' | 'month' | 'year';

/** Bodies a page names somewhere: they give meaning to "the trust", "the force", "the council". */
export interface PageNames {
  /** Kent, Medway or a district: "the county" means Kent. */
  kent: boolean;
  /** KMPT or a Kent mental health trust: "the trust" means KMPT. */
  kmpt: boolean;
  /** Kent Police: "the force" means Kent Police. */
  kentPolice: boolean;
  /** Kent County Council: a bare "council" as a source means KCC. */
  kcc: boolean;
}

/**
 * What the page knows about itself. Headings and title supply place and topic cues to
 * sentences that have none; the date resolves "last year" and "this year".
 */
export interface PageContext {
  title?: string;
  /**
   * Blocks just before `blocks`, read for context only (no claims are drafted in them): a
   * caller reading the page in chunks gives the `LOOK_BACK_BLOCKS` (page-context.ts) before each chunk, so a
   * chunk reads its topic, place and section heading as a whole-page read would.
   */
  before?: readonly string[];
  /**
   * Bodies the whole page names. A chunk alone may not name the trust or the force that
   * "the trust" and "the force" stand for, so a chunked caller supplies what `pageNames`
   * reads from the whole page; a whole-page read may leave it out.
   */
  names?: PageNames;
  headings?: string[];
  /** ISO yyyy-mm-dd: the page's publication date when known. */
  date?: string;
  url?: string;
}

/** The official figure a claim was checked against, exactly as the CLI contract prints it. */
export interface Official {
  recordId: string;
  value: number;
  /** The figure as the source words it, qualifier included ("over 100"). */
  display: string;
  unit: Unit;
  /** Place label ("Kent", "Thanet"). */
  place: string;
  /** Period label as the source words it ("2021/22"). */
  period: string;
  quote: string;
  source: {
    id: string;
    title: string;
    publisher: string;
    date: string;
    reference: string;
    url: string;
  };
}

export interface Claim {
  blockIndex: number;
  /** Span of the mention (qualifier + number + unit words) within blocks[blockIndex]. */
  start: number;
  end: number;
  /** Span of just the number within the block. */
  numberStart: number;
  numberEnd: number;
  mention: string;
  value: number;
  unit: Unit;
  timeBase: TimeBase;
  sentence: string;
  /** Place id the claim is about (from the sentence, or the page when the sentence has none). */
  place: string | null;
  /** Period as the page words it ("2021/22", "last year"). */
  period: string | null;
  verdict: Verdict;
  reason: string;
  recordId: string | null;
  notHeldId: string | null;
  official: Official | null;
}

/** One answer of `checkStatement`: an official figure close to what the reader typed. */
export interface StatementCheck {
  verdict: Verdict;
  reason: string;
  /** The typed figure as read ("over 100"), or null when the text held no number. */
  mention: string | null;
  value: number | null;
  unit: Unit | null;
  recordId: string | null;
  notHeldId: string | null;
  official: Official | null;
  /** 0 (best) to 1: how close the record is to the typed text. */
  score: number;
}

export interface Engine {
  analyseBlocks(blocks: readonly string[], ctx: PageContext): Claim[];
  analyseText(text: string, ctx?: PageContext): Claim[];
  checkStatement(text: string, limit?: number): StatementCheck[];
  hasRelevantContext(text: string): boolean;
  /**
   * Builds the next part of what the first read would build (the dataset's index, a few
   * records or fuse tables at a time, then the warm-up's parts: each stage of the pipeline run
   * on sample sentences, so its code and regular expressions are compiled), so a caller
   * working in time slices pays for it in slices of its own rather than inside the first
   * slice of real work: all of it in one go was a task over 50 ms on every page checked, and
   * so was the first real read after it. Steps are counted, not timed: each is a fixed piece
   * of work (`npm run bench` measures them cold). True when nothing is left to build; call
   * again until then. A read before then is still exact: it builds what it needs at once.
   * `createEngine`'s engine has its index already, so its steps are the warm-up's alone.
   */
  prepare(): boolean;
}
