/**
 * The number grammar: every way a journalist writes a quantity, read into a value and the
 * precision it was written with. This module only reads numbers; deciding whether a number
 * is a statistic (and not a year, a phone number or a list item) is `quantities.ts`'s job.
 *
 * One pass over the text with precompiled patterns; no backtracking over the whole text.
 */
import { halfUnitOfInteger, precisionHalfUnit, WORD_PROPORTION_RELATIVE } from './bands';

export type NumberKind = 'digits' | 'words' | 'fraction' | 'proportion';

export interface NumberToken {
  /** Span of the number as written, scale word included ("2.4 million", "four in ten"). */
  start: number;
  end: number;
  /** The value; for fractions and proportions, in percent. */
  value: number;
  /** Half the width of the band the writing implies (precision, or ±5% for word proportions). */
  halfUnit: number;
  kind: NumberKind;
  /** True for fractions and "x in y" proportions: the value is a percentage. */
  percent: boolean;
  /** For digit numbers: the digits as written, without scale ("2.4", "11,485"). */
  digits: string;
  /** True when a scale word or suffix multiplied the digits ("2.4m", "four thousand"). */
  scaled: boolean;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  nought: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};
/** Suffixes glued to digits ("2.4m", "11.5k", "3bn"). */
const SUFFIX_SCALES: Readonly<Record<string, number>> = {
  k: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  mil: 1_000_000,
  b: 1_000_000_000,
  bn: 1_000_000_000,
  bln: 1_000_000_000,
};
/** Denominators of spoken fractions: "a third", "three-quarters". */
const FRACTION_DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  eighth: 8,
  eighths: 8,
  tenth: 10,
  tenths: 10,
};

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
const SCALE_WORDS = Object.keys(SCALES).join('|');
const FRACTION_WORDS = Object.keys(FRACTION_DENOMINATORS).join('|');

/** A simple cardinal in words: "five", "twenty-one", "ninety". */
const CARDINAL = `(?:(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS})`;
/** A number in digits, with thousands separators and decimals. */
// A thousands group must end the number: "4,5489" is not 4,548 followed by a 9.
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * Candidate starts: digits, or a word that can begin a number ("a" only before a scale or a
 * fraction word). Each match is then read by a small parser, so the pattern stays simple.
 */
const START = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:(${DIGITS})|((?:a|an)\s+(?:${SCALE_WORDS}|dozen|${FRACTION_WORDS})\b|(?:${TEN_WORDS}|${UNIT_WORDS}|${SCALE_WORDS}|half)\b))`,
  'giu',
);

/**
 * A scale after digits: glued ("2.4m", "1.2b", "2.4million"), or spaced as a word ("2.4
 * million", "10 bln") or as a lone "k" ("2.33 k"); "5 m" stays five metres.
 */
const DIGIT_SUFFIX =
  /^(?:(mn|bn|bln|mil|m|k|b)(?![\p{L}\p{N}])|\s?(million|billion|trillion|thousand|hundred)\b|\s(k|bn|bln|mn)(?![\p{L}\p{N}])|\s(dozens?)\b)/iu;
const DOZEN = /^dozens?$/;
const WORD_TOKEN = /^[\s-]*([a-z]+)/i;
/** "out of" or "in" between the two numbers of a proportion. */
const PROPORTION_LINK = /^\s+(?:out\s+of|in)\s+/i;
const LINK_OUT_OF = /out\s+of/i;
const HALF_A_SCALE = /^\s+an?\s+(million|billion|thousand|dozen)\b/i;
const FRACTION_AFTER = new RegExp(String.raw`^[\s-]+(${FRACTION_WORDS})\b`, 'i');
const TIME_AFTER = /^[\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b/i;
const GLUED_LETTER = /^[\p{L}_]/u;
const CARDINAL_ONLY = new RegExp(`^${CARDINAL}$`, 'i');

interface Read {
  end: number;
  value: number;
}

/** Reads a run of number words starting at `pos` ("four thousand", "one hundred and twenty"). */
function readWords(text: string, pos: number): Read | null {
  let total = 0;
  let current = 0;
  let end = pos;
  let any = false;
  let last: 'unit' | 'ten' | 'hundred' | 'big' | 'a' | null = null;
  let cursor = pos;
  /** What the last units and tens added: "two" of "three hundred and two dozens". */
  let tail = 0;
  for (;;) {
    const m = WORD_TOKEN.exec(text.slice(cursor, cursor + 24));
    if (!m || m[1] === undefined) break;
    const word = m[1].toLowerCase();
    const wordEnd = cursor + m[0].length;
    const sep = text.slice(cursor, wordEnd - word.length);
    if (any && sep.length === 0) break;
    if (any && sep.includes('-') && last !== 'ten') break; // "five-year": a compound, stop
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'big') break;
      const after = WORD_TOKEN.exec(text.slice(wordEnd, wordEnd + 24));
      const next = after?.[1]?.toLowerCase();
      if (!next || (UNITS[next] === undefined && TENS[next] === undefined)) break;
      cursor = wordEnd;
      continue;
    }
    if ((word === 'a' || word === 'an') && !any) {
      last = 'a';
      cursor = wordEnd;
      continue;
    }
    const unit = UNITS[word];
    const ten = TENS[word];
    const scale = SCALES[word];
    if (DOZEN.test(word) && (last === 'unit' || last === 'ten' || last === 'hundred')) {
      // "three dozens", "three hundred and two dozens": the units before it, twelve times.
      current += (tail || current) * 11;
      tail = 0;
      last = 'hundred';
      any = true;
      end = wordEnd;
      cursor = wordEnd;
      continue;
    }
    if (unit !== undefined) {
      if (last === 'unit' || last === 'a') break;
      current += unit;
      tail = last === 'ten' ? tail + unit : unit;
      last = 'unit';
    } else if (ten !== undefined) {
      if (last === 'unit' || last === 'ten' || last === 'a') break;
      current += ten;
      tail = ten;
      last = 'ten';
    } else if (scale !== undefined) {
      if (scale === 100) {
        if (last === 'hundred') break;
        current = (current || 1) * 100;
        tail = 0;
        last = 'hundred';
      } else {
        if (last === 'big' && current === 0) break;
        total += (current || 1) * scale;
        current = 0;
        tail = 0;
        last = 'big';
      }
    } else {
      break;
    }
    any = true;
    end = wordEnd;
    cursor = wordEnd;
  }
  if (!any || last === 'a') return null;
  return { end, value: total + current };
}

/** Reads digits with an optional scale ("2.4 million", "11.5k"). */
function readDigits(
  text: string,
  pos: number,
  digits: string,
): { end: number; value: number; scale: number } {
  let end = pos + digits.length;
  let value = Number(digits.replace(/,/g, ''));
  let scale = 1;
  const suffix = DIGIT_SUFFIX.exec(text.slice(end, end + 12));
  if (suffix) {
    const word = (suffix[1] ?? suffix[2] ?? suffix[3] ?? suffix[4] ?? '').toLowerCase();
    scale = DOZEN.test(word) ? 12 : (SUFFIX_SCALES[word] ?? SCALES[word] ?? 1);
    value *= scale;
    end += suffix[0].length;
  }
  return { end, value, scale };
}

/** A number of either form at `pos`, as read for the second half of a proportion. */
function readAny(text: string, pos: number): Read | null {
  const digit = /^\d{1,3}(?:,\d{3})+|^\d+/.exec(text.slice(pos, pos + 16));
  if (digit) return { end: pos + digit[0].length, value: Number(digit[0].replace(/,/g, '')) };
  return readWords(text, pos);
}

/**
 * Tries to read a proportion after a first number: "four out of ten", "one in four",
 * "2 in 5". The denominator must be a plausible "out of" (2 to 1,000, not less than the
 * numerator), so "two in 2021" stays two things.
 */
function readProportion(text: string, first: Read): Read | null {
  const link = PROPORTION_LINK.exec(text.slice(first.end, first.end + 12));
  if (!link) return null;
  const second = readAny(text, first.end + link[0].length);
  if (!second) return null;
  if (second.value < 2 || second.value > 1000 || second.value < first.value) return null;
  if (!LINK_OUT_OF.test(link[0]) && !Number.isInteger(first.value)) return null;
  if (/^[\p{L}\p{N}]/u.test(text.slice(second.end, second.end + 1))) return null;
  if (TIME_AFTER.test(text.slice(second.end, second.end + 12))) return null; // "11 in 18 months"
  if (/^\/\d/.test(text.slice(second.end, second.end + 2))) return null; // "eight in 13/14": a year
  return { end: second.end, value: (first.value / second.value) * 100 };
}

function proportionToken(start: number, read: Read, kind: NumberKind): NumberToken {
  return {
    start,
    end: read.end,
    value: read.value,
    halfUnit: read.value * WORD_PROPORTION_RELATIVE,
    kind,
    percent: true,
    digits: '',
    scaled: false,
  };
}

/** Reads a fraction word after a cardinal or "a": "three-quarters", "a third", "two thirds". */
function readFraction(text: string, numerator: number, from: number): Read | null {
  const m = FRACTION_AFTER.exec(text.slice(from, from + 16));
  if (!m || m[1] === undefined) return null;
  const denominator = FRACTION_DENOMINATORS[m[1].toLowerCase()];
  if (denominator === undefined || numerator >= denominator) return null;
  const plural = /s$/i.test(m[1]);
  if (numerator > 1 && !plural && m[1].toLowerCase() !== 'half') return null;
  return { end: from + m[0].length, value: (numerator / denominator) * 100 };
}

/**
 * Every number in `text`, left to right, non-overlapping. Positions are offsets into `text`.
 */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START.exec(text)) !== null) {
    const start = m.index;
    const token = m[1] !== undefined ? digitToken(text, start, m[1]) : wordToken(text, start, m[0]);
    if (!token) {
      START.lastIndex = start + Math.max(1, m[0].length);
      continue;
    }
    out.push(token);
    START.lastIndex = Math.max(token.end, start + 1);
  }
  return out;
}

function digitToken(text: string, start: number, digits: string): NumberToken | null {
  const read = readDigits(text, start, digits);
  // Digits run into letters are a code, not a number: "1XQ" of a postcode, "5G", "21st".
  if (GLUED_LETTER.test(text.slice(read.end, read.end + 1))) return null;
  if (read.scale === 1 && !digits.includes('.')) {
    const proportion = readProportion(text, { end: read.end, value: read.value });
    if (proportion) return proportionToken(start, proportion, 'proportion');
  }
  return {
    start,
    end: read.end,
    value: read.value,
    halfUnit: precisionHalfUnit(digits, read.scale),
    kind: 'digits',
    percent: false,
    digits,
    scaled: read.scale !== 1,
  };
}

function wordToken(text: string, start: number, matched: string): NumberToken | null {
  const lower = matched.toLowerCase();
  if (lower === 'half') return halfToken(text, start);
  const article = /^an?\s/.test(lower);
  if (article) {
    const fraction = readFraction(text, 1, start + lower.indexOf(' '));
    if (fraction) return proportionToken(start, fraction, 'fraction');
    if (/dozen$/.test(lower)) {
      return {
        start,
        end: start + matched.length,
        value: 12,
        halfUnit: 0.5,
        kind: 'words',
        percent: false,
        digits: '',
        scaled: false,
      };
    }
  }
  const read = readWords(text, start);
  if (!read) return null;
  const words = text.slice(start, read.end);
  if (!article && CARDINAL_ONLY.test(words)) {
    const fraction = readFraction(text, read.value, read.end);
    if (fraction) return proportionToken(start, fraction, 'fraction');
    const proportion = readProportion(text, read);
    if (proportion) return proportionToken(start, proportion, 'proportion');
  }
  return {
    start,
    end: read.end,
    value: read.value,
    halfUnit: halfUnitOfInteger(read.value),
    kind: 'words',
    percent: false,
    digits: '',
    scaled: /hundred|thousand|million|billion|trillion|dozen/i.test(words),
  };
}

/** "half" is a proportion (50%) unless it is "half a million" (a count) or a half of time. */
function halfToken(text: string, start: number): NumberToken | null {
  const after = start + 4;
  const scale = HALF_A_SCALE.exec(text.slice(after, after + 16));
  if (scale && scale[1] !== undefined) {
    const word = scale[1].toLowerCase();
    const value = word === 'dozen' ? 6 : 0.5 * (SCALES[word] ?? 1);
    return {
      start,
      end: after + scale[0].length,
      value,
      halfUnit: value * WORD_PROPORTION_RELATIVE,
      kind: 'words',
      percent: false,
      digits: '',
      scaled: true,
    };
  }
  return proportionToken(start, { end: after, value: 50 }, 'fraction');
}
