/**
 * fuse.js's bitap match of one word against one text, adapted from fuse.js 7.5.0
 * (`src/search/bitap/search.ts`, `createPatternAlphabet.ts`, `convertMaskToIndices.ts`;
 * Copyright Kiro Risk, Apache License 2.0, as in node_modules/fuse.js/LICENSE), for the one
 * way token search calls it: location ignored, no match indices asked for, the first best
 * match kept. Same arithmetic, same score.
 *
 * Why a copy: on real pages the engine spent about half its time in this loop (each word of
 * a claim's sentence against each measure text). fuse's version keeps its bit arrays in
 * growing plain arrays, builds a pattern's alphabet as an object of one-character strings and
 * lower-cases the text on every call; here the arrays are typed, the alphabet is indexed by
 * character code, and a text is lower-cased once. And most words are in most measure texts
 * nowhere near: a text that holds none of the word's pieces (`pieces`) cannot match, and
 * is answered without the loop. `tests/unit/engine/fuse-terms.test.ts`
 * compares every ranking with stock fuse.
 */

/** Longer patterns are split into chunks by fuse; they are left to fuse (`BitapWord.of`). */
export const MAX_BITAP_PATTERN = 32;

export interface BitapOptions {
  /** Score at or under which a match counts (0 exact … 1 anything). */
  threshold: number;
  /** Shorter runs of matched characters do not make a match. */
  minMatchCharLength: number;
}

export interface BitapResult {
  isMatch: boolean;
  score: number;
}

const NO_MATCH: BitapResult = { isMatch: false, score: 1 };

/** A lower-cased word made ready to match many texts. */
export class BitapWord {
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  private constructor(readonly pattern: string) {
    const len = pattern.length;
    for (let i = 0; i < len; i += 1) {
      const code = pattern.charCodeAt(i);
      const bit = 1 << (len - i - 1);
      if (code < 128) this.ascii[code]! |= bit;
      else this.other.set(code, (this.other.get(code) ?? 0) | bit);
    }
  }

  /** The word ready for matching, or null when fuse would split it into chunks. */
  static of(word: string): BitapWord | null {
    const pattern = word.toLowerCase();
    return pattern.length > 0 && pattern.length <= MAX_BITAP_PATTERN
      ? new BitapWord(pattern)
      : null;
  }

  private maskOf(code: number): number {
    return code < 128 ? this.ascii[code]! : (this.other.get(code) ?? 0);
  }

  /** The pattern's pieces (see `pieces`), for the threshold they were cut for. */
  private cut: { threshold: number; pieces: string[] } | null = null;

  /**
   * The pattern cut into one more piece than the errors `threshold` allows. A text within
   * that many edits of the pattern holds at least one piece untouched (each edit breaks at
   * most one), so a text holding none cannot match: the bitap loop is not run for it.
   */
  private pieces(threshold: number): string[] {
    if (this.cut?.threshold !== threshold) {
      const len = this.pattern.length;
      let errors = 0;
      while (errors + 1 < len && (errors + 1) / len <= threshold) errors += 1;
      const count = errors + 1;
      const pieces: string[] = [];
      for (let i = 0; i < count; i += 1)
        pieces.push(
          this.pattern.slice(Math.floor((i * len) / count), Math.floor(((i + 1) * len) / count)),
        );
      this.cut = { threshold, pieces };
    }
    return this.cut.pieces;
  }

  /** fuse's `BitapSearch.searchIn` for a text already lower-cased. */
  match(text: string, { threshold, minMatchCharLength }: BitapOptions): BitapResult {
    const pattern = this.pattern;
    if (pattern === text)
      return text.length < minMatchCharLength ? NO_MATCH : { isMatch: true, score: 0 };
    if (!this.pieces(threshold).some((piece) => text.includes(piece))) return NO_MATCH;
    const patternLen = pattern.length;
    const textLen = text.length;
    let currentThreshold = threshold;
    // Characters of the text in a match; fuse's `matchMask`, needed for minMatchCharLength.
    const computeMatches = minMatchCharLength > 1;
    const matchMask = computeMatches ? new Uint8Array(textLen) : null;
    for (
      let index = text.indexOf(pattern);
      index > -1;
      index = text.indexOf(pattern, index + patternLen)
    ) {
      currentThreshold = 0;
      if (matchMask) matchMask.fill(1, index, index + patternLen);
    }
    let bestLocation = -1;
    let finalScore = 1;
    let bestErrors = 0;
    let binMax = patternLen + textLen;
    const mask = 1 << (patternLen - 1);
    // Two bit arrays, this error level's and the last's, reused across levels and words. A
    // level never reads past the last one's end (its length only shrinks) and writes every
    // entry it reads before reading it, so nothing stale is ever read.
    let bitArr = buffer(0, textLen + patternLen + 2);
    let lastBitArr = buffer(1, textLen + patternLen + 2);
    const ascii = this.ascii;
    for (let i = 0; i < patternLen; i += 1) {
      // With the location ignored a score is errors / length wherever the match is: fuse's
      // binary search for how far to look ends at once, at all of the text or none of it.
      const binMid = i / patternLen <= currentThreshold ? binMax : 0;
      binMax = binMid;
      const finish = Math.min(binMid, textLen) + patternLen;
      bitArr[finish + 1] = (1 << i) - 1;
      for (let j = finish; j >= 1; j -= 1) {
        const currentLocation = j - 1;
        let charMatch = 0;
        if (currentLocation < textLen) {
          const code = text.charCodeAt(currentLocation);
          charMatch = code < 128 ? ascii[code]! : this.maskOf(code);
        }
        let bits = ((bitArr[j + 1]! << 1) | 1) & charMatch;
        if (i) bits |= ((lastBitArr[j + 1]! | lastBitArr[j]!) << 1) | 1 | lastBitArr[j + 1]!;
        bitArr[j] = bits;
        if (bits & mask) {
          finalScore = i / patternLen;
          if (finalScore <= currentThreshold) {
            currentThreshold = finalScore;
            bestLocation = currentLocation;
            bestErrors = i;
            if (bestLocation <= 0) break;
          }
        }
      }
      if ((i + 1) / patternLen > currentThreshold) break;
      const done = lastBitArr;
      lastBitArr = bitArr;
      bitArr = done;
    }
    if (matchMask && bestLocation >= 0) {
      const matchEnd = Math.min(textLen - 1, bestLocation + patternLen - 1 + bestErrors);
      for (let k = bestLocation; k <= matchEnd; k += 1)
        if (this.maskOf(text.charCodeAt(k))) matchMask[k] = 1;
    }
    // fuse's searchIn reports a miss as score 1, whatever the last attempt scored.
    if (bestLocation < 0 || (matchMask && !hasRun(matchMask, minMatchCharLength))) return NO_MATCH;
    return { isMatch: true, score: Math.max(0.001, finalScore) };
  }
}

/** The two bit arrays `match` works in, grown as texts need; reused by every word. */
const buffers: [Int32Array, Int32Array] = [new Int32Array(256), new Int32Array(256)];
function buffer(which: 0 | 1, size: number): Int32Array {
  if (buffers[which].length < size) buffers[which] = new Int32Array(size * 2);
  return buffers[which];
}

/** A run of at least `min` matched characters (fuse's `convertMaskToIndices` finding any). */
function hasRun(mask: Uint8Array, min: number): boolean {
  let run = 0;
  for (let i = 0; i < mask.length; i += 1) {
    run = mask[i] ? run + 1 : 0;
    if (run >= min) return true;
  }
  return false;
}
