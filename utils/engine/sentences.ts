/**
 * Sentences of a block, with offsets into the block. Intl.Segmenter does the work where the
 * runtime has it; its rules split after abbreviations such as "Dr." or "approx.", so
 * segments are joined again when the break follows a known abbreviation or the next segment
 * does not start like a sentence (lower case, a digit). Without Intl.Segmenter, a simple
 * punctuation rule with the same repairs is used.
 */

export interface Sentence {
  /** Offsets of the trimmed sentence within its block. */
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|St|No|Nos|Nr|approx|est|c|ca|cf|vs|v|e\.g|i\.e|Cllr|Cllrs|Insp|Det|Supt|Sgt|Ch|Con|PC|DC|DS|DI|Gov|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|fig|Ref|ref|Ltd|Co|Inc|Vol|vol|pp|p|para|Sec|sec|Art)\.\s*$/;
/** A segment that continues the previous one rather than starting a sentence. */
const CONTINUATION = /^\s*[a-z(,;:]/;
const FALLBACK_BREAK = /[.!?]+["'”’)\]]*\s+/g;
/** No full stop, question or exclamation mark before further text: one sentence. */
const ONE_SENTENCE = /^[^.!?]*(?:[.!?]+["'”’)\]]*\s*)?$/;

type Segmenter = { segment(input: string): Iterable<{ segment: string; index: number }> };

/**
 * Made on first use, not when the module loads: building a segmenter loads the browser's
 * sentence-break data (about 15 ms), which a page with nothing to check must not pay for.
 */
let segmenter: Segmenter | null | undefined;
function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (
      Intl as {
        Segmenter?: new (locale: string, options: { granularity: 'sentence' }) => Segmenter;
      }
    ).Segmenter;
    segmenter = Ctor ? new Ctor('en', { granularity: 'sentence' }) : null;
  }
  return segmenter;
}

/** Raw break positions (segment starts) from the segmenter, or the fallback rule. */
function rawStarts(text: string, useSegmenter: boolean): number[] {
  const starts: number[] = [];
  const seg = useSegmenter ? getSegmenter() : null;
  if (seg) {
    for (const s of seg.segment(text)) starts.push(s.index);
    return starts;
  }
  starts.push(0);
  FALLBACK_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FALLBACK_BREAK.exec(text)) !== null) {
    const next = m.index + m[0].length;
    if (next < text.length) starts.push(next);
  }
  return starts;
}

/**
 * Splits a block into sentences. `useSegmenter: false` forces the fallback (tests, and
 * runtimes without Intl.Segmenter behave the same way).
 */
export function splitSentences(text: string, useSegmenter = true): Sentence[] {
  // Most blocks are one sentence (a heading, a list item, a cell): no segmenter needed.
  const starts = ONE_SENTENCE.test(text) ? [0] : rawStarts(text, useSegmenter);
  const merged: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? text.length;
    const last = merged[merged.length - 1];
    if (
      last &&
      (ABBREVIATION_END.test(text.slice(Math.max(last[0], start - 12), start)) ||
        CONTINUATION.test(text.slice(start, start + 2)))
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
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}
