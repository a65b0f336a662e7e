/**
 * Reads a run of the page with the engine: the run's text and its map back to the page, the
 * context it is read with (the page's, and the blocks before the run), and the claims found,
 * whole or part by part. Never throws: a part of the page that cannot be read is skipped.
 */
import type { Claim, Engine, PageContext } from '@/utils/engine';
import { LOOK_BACK_BLOCKS, pageNames } from '@/utils/engine/page-context';
import { blocksBefore } from './chunk';
import type { FailureLog } from './failures';
import { PARAGRAPH_SELECTOR } from './elements';
import {
  blockOffsetOf,
  extractBlocks,
  leafSegments,
  leafText,
  rangeFor,
  type TextSegment,
} from './extract';
import { cutAt, PART_CHARS, partsOf, sentenceStartBefore, type Part } from './parts';
import { bylineDateIn, taggedDate } from './publication-date';
import { pageTextSample } from './relevance';
import { isOwnElement, isOwnNode } from './shadow-host';
import type { Rest, Run } from './work-queue';

/** Text before a part, given to the engine with it for topic and place (a sentence or so). */
const PART_CONTEXT_CHARS = 600;
/** Page headings given with every chunk (the first ones: title, standfirst, first sections). */
const PAGE_HEADINGS = 12;

export interface FoundClaim {
  claim: Claim;
  /** Fixed offsets or a live Range (see claim-range.ts). */
  range: AbstractRange;
  root: Element;
}

/**
 * Leaves longer than this are read by the walk of their Text nodes, which makes their map with
 * their text: a 5 MB text node's reading is a unit of work of its own, and folding its text as
 * one string on top of that made a task of 290 ms (bench:browser); its map made later would
 * land inside the first part's slice.
 */
const LAZY_MAP_CHARS = 3_000;

/** A run's text as read for the engine. */
export interface Reading {
  blocks: string[];
  /** Each block's map to the page; null for a leaf's, made when a claim first needs it. */
  segments: Array<TextSegment[] | null>;
  /** The element of the run each block came from. */
  owners: Element[];
  /** Text length of each element of the run. */
  sizes: number[];
  /** The blocks before the run, read with it as context. */
  before: string[];
  context: PageContext;
}

export class RunReader {
  /** The page's own context (title, date, first headings, bodies named); see `pageSteps`. */
  private page: PageContext = {};
  /** The steps of `pageSteps` read so far for the current look at the page. */
  private pageRead = 0;

  /**
   * `liveRangeIn`: whether a claim's range starting or ending in a text node follows the
   * page's changes (claim-range.ts): always for the wrapper marks, else for text the page
   * changes in place.
   */
  constructor(
    private readonly doc: Document,
    private readonly engine: Engine,
    private readonly failures: FailureLog,
    private readonly liveRangeIn: (node: Node) => boolean = () => false,
  ) {}

  /**
   * The text of a run of elements, its map back to the page, and the context the engine
   * reads it with: the blocks before it (as in a whole-page read; claims found in those
   * blocks belong to the chunk before and are dropped). Null when the page's markup could
   * not be read: a malformed page must not break the content script, or the page.
   */
  read(run: Run): Reading | null {
    this.readPageNow();
    try {
      const blocks: string[] = [];
      const segments: Reading['segments'] = [];
      const owners: Element[] = [];
      const headings: string[] = [];
      const sizes: number[] = [];
      for (const root of run) {
        const text = root.childElementCount === 0 ? leafText(root, LAZY_MAP_CHARS) : null;
        if (text !== null) {
          sizes.push(text.length);
          if (!text) continue;
          blocks.push(text);
          segments.push(null);
          owners.push(root);
          continue;
        }
        const extracted = extractBlocks(root, { skip: isOwnElement, rootOnly: true });
        sizes.push(extracted.blocks.reduce((sum, b) => sum + b.length, 0));
        blocks.push(...extracted.blocks);
        segments.push(...extracted.segments);
        for (let i = 0; i < extracted.blocks.length; i++) owners.push(root);
        headings.push(...(extracted.context.headings ?? []));
      }
      const before = blocksBefore(run[0]!, LOOK_BACK_BLOCKS);
      const context: PageContext = {
        ...this.page,
        headings: [
          ...(this.page.headings ?? []),
          ...before.filter((b) => b.heading).map((b) => b.text),
          ...headings,
        ],
      };
      return { blocks, segments, owners, sizes, before: before.map((b) => b.text), context };
    } catch (error) {
      this.failures.report('read a block', error);
      return null;
    }
  }

  /**
   * A new look at the page: the steps that read what every chunk is read with, the page's
   * title and first headings (they speak for all of it; a page of thousands of section titles
   * must not make every chunk read them all), its publication date (from metadata, else from
   * a byline), then the bodies named
   * anywhere in it, since a chunk may say "the trust" and never name it. A run read before
   * the steps have all run reads the rest of them at once.
   */
  pageSteps(): Rest {
    this.pageRead = 0;
    // Each a unit of work of its own: all of them, with the checker's start, made a task of
    // 112-165 ms in Firefox on a 5 MB article or a page of 100,000 elements.
    const step: Rest = () => {
      this.readPageStep();
      return this.pageRead < this.pageReaders.length ? step : null;
    };
    return step;
  }

  /** The page's context, read at once if a run or a selection comes before `pageSteps` has. */
  private readPageNow(): void {
    while (this.pageRead < this.pageReaders.length) this.readPageStep();
  }

  private readPageStep(): void {
    const read = this.pageReaders[this.pageRead];
    this.pageRead += 1;
    // The page's metadata is context only: when it cannot be read, the text still is.
    if (read) this.failures.contain('read a block', undefined, read);
  }

  /** `pageSteps`, in order; `page` starts afresh with the first. */
  private readonly pageReaders: ReadonlyArray<() => void> = [
    () => {
      // A page whose metadata cannot be read is read without it, not with an earlier look's.
      this.page = {};
      this.page = extractBlocks(this.doc, {
        contextOnly: true,
        failures: this.failures,
        maxHeadings: PAGE_HEADINGS,
        date: false,
      }).context;
    },
    () => {
      const date = taggedDate(this.doc, this.failures);
      if (date) this.page = { ...this.page, date };
    },
    () => {
      const date = this.page.date === undefined ? bylineDateIn(this.doc) : undefined;
      if (date) this.page = { ...this.page, date };
    },
    () => {
      const names = pageNames(`${this.page.title ?? ''}\n${pageTextSample(this.doc)}`);
      this.page = { ...this.page, names };
    },
  ];

  /** The engine's reading of a whole run at once. Never throws. */
  analyse(reading: Reading): FoundClaim[] {
    return this.claimsIn(reading, reading.blocks, reading.before, (claim) => claim);
  }

  /**
   * The engine's reading of one part of a big run, with the end of the part before it as
   * context. Claims come back with offsets in their whole block. Never throws.
   */
  analysePart(reading: Reading, part: Part, previous: Part | null): FoundClaim[] {
    const before = previous
      ? [
          previous.pieces
            .map((p) => p.text)
            .join('\n')
            .slice(-PART_CONTEXT_CHARS),
        ]
      : reading.before;
    const texts = part.pieces.map((p) => p.text);
    return this.claimsIn(reading, texts, before, (c) => {
      const piece = part.pieces[c.blockIndex];
      if (!piece) return null;
      return {
        ...c,
        blockIndex: piece.block,
        start: c.start + piece.offset,
        end: c.end + piece.offset,
        numberStart: c.numberStart + piece.offset,
        numberEnd: c.numberEnd + piece.offset,
      };
    });
  }

  /**
   * Runs the engine on `blocks` (with `before` as context), puts each claim in the run's
   * block offsets with `inRun` and finds its range; a failure skips these blocks, logged once.
   */
  private claimsIn(
    reading: Reading,
    blocks: readonly string[],
    before: readonly string[],
    inRun: (claim: Claim) => Claim | null,
  ): FoundClaim[] {
    try {
      const out: FoundClaim[] = [];
      for (const c of this.engine.analyseBlocks(blocks, { ...reading.context, before })) {
        const claim = inRun(c);
        const found = claim ? this.found(reading, claim) : null;
        if (found) out.push(found);
      }
      return out;
    } catch (error) {
      this.failures.report('analyse a block', error);
      return [];
    }
  }

  /** A claim with its range in the page, or null when its words map to no text. */
  private found(reading: Reading, claim: Claim): FoundClaim | null {
    const blockSegments = this.segmentsOf(reading, claim.blockIndex);
    const range = blockSegments
      ? rangeFor(blockSegments, claim.start, claim.end, this.doc, this.liveRangeIn)
      : null;
    return range ? { claim, range, root: reading.owners[claim.blockIndex]! } : null;
  }

  /** A block's map to the page, a leaf's made on first use (empty when it no longer reads the same). */
  private segmentsOf(reading: Reading, block: number): TextSegment[] | undefined {
    const known = reading.segments[block];
    if (known !== null) return known;
    const made = leafSegments(reading.owners[block]!, reading.blocks[block]!) ?? [];
    reading.segments[block] = made;
    return made;
  }

  /**
   * The claims the engine reads in the paragraph around `range`, whether or not they are
   * marked: "Check this statistic" reads a selection with the sentences around it, as the
   * page does; inside a huge paragraph, only the part around the selection (`partsAround`).
   */
  around(range: Range, chunkChars: number): FoundClaim[] {
    const node = range.commonAncestorContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const block = el?.closest(PARAGRAPH_SELECTOR) ?? el;
    if (!block || isOwnNode(block)) return [];
    const reading = this.read([block]);
    if (!reading) return [];
    if (reading.sizes[0]! <= chunkChars) return this.analyse(reading);
    // Too big for one go: only the text around the selection is read. All of a 5 MB
    // paragraph's parts, read here at once, would hold the page for seconds.
    const near = this.partsAround(reading, range);
    if (near) return this.analysePart(reading, near.part, near.previous);
    const parts = [...partsOf(reading.blocks, PART_CHARS)];
    return parts.flatMap((part, i) => this.analysePart(reading, part, parts[i - 1] ?? null));
  }

  /**
   * A part of a big paragraph's text holding `range` (whole sentences, up to a part's length
   * either side of it, as the page split cuts its parts), and the text before it as the
   * previous part; null when the range's ends are not in the paragraph's text.
   */
  private partsAround(
    reading: Reading,
    range: Range,
  ): { part: Part; previous: Part | null } | null {
    const segments = this.segmentsOf(reading, 0) ?? [];
    const text = reading.blocks[0] ?? '';
    const start = blockOffsetOf(segments, range.startContainer, range.startOffset);
    const end = blockOffsetOf(segments, range.endContainer, range.endOffset);
    if (start === null || end === null || end < start) return null;
    const from = sentenceStartBefore(text, start, PART_CHARS);
    const to = cutAt(text, end, PART_CHARS);
    const contextFrom = Math.max(0, from - PART_CONTEXT_CHARS);
    return {
      part: { pieces: [{ block: 0, offset: from, text: text.slice(from, to) }] },
      previous:
        from > 0
          ? { pieces: [{ block: 0, offset: contextFrom, text: text.slice(contextFrom, from) }] }
          : null,
    };
  }
}
