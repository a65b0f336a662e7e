/**
 * Sentences of a block, with offsets into the block, by a punctuation rule with repairs: a
 * full stop after a known abbreviation ("Dr.", "approx.") ends nothing, nor does one followed
 * by text whose first letter is lower case ("1,709 calls were made. 2,000 the year after").
 * Line breaks always end a sentence. On the cases news text has, this follows the Unicode
 * sentence rules (UAX #29) that `Intl.Segmenter` implements (on every golden page the two
 * split alike), at a fraction of the cost: a segmenter loads the runtime's break data on first
 * use (tests/bench/NOTES.md) and builds an object per segment. And one rule in
 * plain code splits alike in every browser and in Node.
 */
export interface Sentence {
  /** Offsets of the trimmed sentence within its block. */
  start: number;
  end: number;
  text: string;
}

/**
 * The longest stretch of text read as one sentence. Per-claim work reads its whole sentence
 * (its clauses, places, periods, the words a measure is ranked by), so a sentence that never
 * ends (a run-on list of 8,000 figures, a 5 MB text node without a full stop) would make every
 * claim in it cost as much as the whole text: longer sentences are read in pieces of at most
 * this length, cut after a semicolon or comma, else at a space. The longest sentence on any
 * golden, real or peer page is 423 characters.
 */
export const MAX_SENTENCE = 600;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|St|No|Nos|Nr|approx|est|c|ca|cf|vs|v|e\.g|i\.e|Cllr|Cllrs|Insp|Det|Supt|Sgt|Ch|Con|PC|DC|DS|DI|Gov|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|fig|Ref|ref|Ltd|Co|Inc|Vol|vol|pp|p|para|Sec|sec|Art)\.\s*$/;
/**
 * A segment that continues the previous one rather than starting a sentence: its first letter
 * is lower case (after any digits, dashes, brackets or quotes), or it opens with a comma,
 * semicolon or colon.
 */
const CONTINUATION = /^\s*[,;:]|^[^\p{L}]*\p{Ll}/u;
/**
 * Where a sentence may end: terminal punctuation (with any closing quotes or brackets) then
 * spaces, or a question or exclamation mark run straight into a capital ("sure?No").
 */
const BREAK = /[.!?]+["'”’)\]]*\s+|[!?]+["'”’)\]]*(?=\p{Lu})/gu;
/** No full stop, question or exclamation mark or line break before further text: one sentence. */
const ONE_SENTENCE = /^[^.!?\n]*(?:[.!?]+["'”’)\]]*\s*)?$/;
/** A line break and the spaces after it: the next line starts a sentence. */
const LINE_BREAK = /\r?\n\s*/g;

/** Candidate sentence starts; `hard` ones (the first, and each new line) are never joined up. */
function rawStarts(text: string): Array<{ at: number; hard: boolean }> {
  const starts = [{ at: 0, hard: true }];
  const hard = new Set<number>();
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    hard.add(m.index + m[0].length);
  }
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    const next = m.index + m[0].length;
    // A break whose spaces include a line break starts a sentence on the new line.
    if (next < text.length && !hard.has(next)) starts.push({ at: next, hard: m[0].includes('\n') });
  }
  // Without line breaks the starts are in order already; a sort copies its array, and most
  // blocks of a page have two sentences or more and no line break.
  if (hard.size === 0) return starts;
  for (const at of hard) if (at < text.length) starts.push({ at, hard: true });
  return starts.sort((x, y) => x.at - y.at);
}

/** Splits a block into sentences. */
export function splitSentences(text: string): Sentence[] {
  // Most blocks are one sentence (a heading, a list item, a cell): nothing to split.
  const starts = ONE_SENTENCE.test(text) ? [{ at: 0, hard: true }] : rawStarts(text);
  const merged: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i]!.at;
    const end = starts[i + 1]?.at ?? text.length;
    const last = merged[merged.length - 1];
    if (
      last &&
      !starts[i]!.hard &&
      (ABBREVIATION_END.test(text.slice(Math.max(last[0], start - 12), start)) ||
        CONTINUATION.test(text.slice(start, start + 40)))
    ) {
      last[1] = end;
    } else {
      merged.push([start, end]);
    }
  }
  const out: Sentence[] = [];
  for (const [s, e] of merged) {
    let start = s;
    let end = e;
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    while (end - start > MAX_SENTENCE) {
      const cut = pieceEnd(text, start);
      push(out, text, start, cut);
      start = cut;
    }
    push(out, text, start, end);
  }
  return out;
}

/** Adds the trimmed span, if anything is left of it. */
function push(out: Sentence[], text: string, s: number, e: number): void {
  let start = s;
  let end = e;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/**
 * Where a piece of an over-long sentence starting at `start` ends: after the last semicolon
 * or comma and its space in the second half of the window, else at its last space, else at
 * the window's end. Each search looks at most MAX_SENTENCE characters back, so pieces cost
 * time linear in the sentence.
 */
function pieceEnd(text: string, start: number): number {
  const limit = start + MAX_SENTENCE;
  const floor = start + MAX_SENTENCE / 2;
  const space = (i: number) => /\s/.test(text[i] ?? '');
  for (let i = limit; i > floor; i -= 1)
    if (space(i - 1) && !space(i) && /[;,]/.test(text[i - 2] ?? '')) return i;
  for (let i = limit; i > floor; i -= 1) if (space(i - 1) && !space(i)) return i;
  return limit;
}
