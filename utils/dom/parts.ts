/**
 * Parts of a run of blocks too big to read in one slice. Blocks are grouped up to a part's
 * size; a block bigger than that (one 120 KB paragraph, a 5 MB text node) is cut at a
 * sentence boundary, or at a hard cap where there is none, so no part costs more than a
 * part's worth of text whatever the page's shape.
 */
import { splitSentences } from '@/utils/engine/sentences';

/** A stretch of one block: its index in the run, where it starts in the block, its text. */
export interface Piece {
  block: number;
  offset: number;
  text: string;
}

export interface Part {
  pieces: Piece[];
}

/**
 * Longest text of one part of a run too big for one slice (a 120 KB paragraph, a 5 MB text
 * node): one part's reading is a few ms even on a dense list of figures or a run-on sentence
 * of number words, where 2,000 characters took 80 ms in Chromium (`npm run bench` and
 * `npm run bench:browser` time the hostile shapes).
 */
export const PART_CHARS = 1_000;

/**
 * The parts of `blocks`, each at most `partChars` of text, made one at a time: cutting a
 * 5 MB block costs a part's worth of work per part, never a walk of the whole block.
 */
export function* partsOf(blocks: readonly string[], partChars: number): Generator<Part> {
  let pieces: Piece[] = [];
  let chars = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.length <= partChars) {
      if (chars + block.length > partChars && pieces.length > 0) {
        yield { pieces };
        pieces = [];
        chars = 0;
      }
      pieces.push({ block: b, offset: 0, text: block });
      chars += block.length;
      continue;
    }
    if (pieces.length > 0) {
      yield { pieces };
      pieces = [];
      chars = 0;
    }
    for (let offset = 0; offset < block.length;) {
      const end = cutAt(block, offset, partChars);
      yield { pieces: [{ block: b, offset, text: block.slice(offset, end) }] };
      offset = end;
    }
  }
  if (pieces.length > 0) yield { pieces };
}

/** Where a piece of `block` from `offset` ends: at the last sentence start in reach. */
export function cutAt(block: string, offset: number, partChars: number): number {
  const limit = offset + partChars;
  if (limit >= block.length) return block.length;
  const sentences = splitSentences(block.slice(offset, limit));
  const last = sentences[sentences.length - 1];
  return last && last.start > 0 ? offset + last.start : limit;
}

/**
 * Where a piece of `block` holding `pos` may start: at the start of a sentence up to
 * `partChars` before it, the sentence around `pos` whole where it is shorter than that.
 */
export function sentenceStartBefore(block: string, pos: number, partChars: number): number {
  const from = Math.max(0, pos - partChars);
  if (from === 0) return 0;
  const sentences = splitSentences(block.slice(from, pos));
  // The first sentence of the slice may be the end of one begun before it.
  const first = sentences.find((s) => s.start > 0);
  return first ? from + first.start : from;
}
