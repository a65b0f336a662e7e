/**
 * The number grammar: every way a journalist writes a quantity, read into a value and the
 * precision it was written with. This module only reads numbers; deciding whether a number
 * is a statistic (and not a year, a phone number or a list item) is `quantities.ts`'s job.
 *
 * One pass over the text with precompiled patterns; no backtracking over the whole text.
 */
import { decimalHalfUnit, halfUnitOfInteger, WORD_PROPORTION_RELATIVE } from './bands';
import { isAsciiLetter, isDigit, isSpace } from './chars';

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
 * Tried at every position it is slow (a lookbehind and Unicode case folding), so `scanNumbers`
 * finds its matches with CANDIDATE and checks by character code, and asks it (sticky, at one
 * place) only about words holding the two letters its folding adds.
 */
const START = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:(${DIGITS})|((?:a|an)\s+(?:${SCALE_WORDS}|dozen|${FRACTION_WORDS})\b|(?:${TEN_WORDS}|${UNIT_WORDS}|${SCALE_WORDS}|half)\b))`,
  'iuy',
);
/** START's lookbehind alone, for a character before a candidate that is not ASCII. */
const NO_WORD_BEFORE = /(?<![\p{L}\p{N}_])/iuy;
const withLongS = (words: string) => words.replace(/s/g, '[s\u017f]');
/**
 * Where START may match: a cheaper pattern (no lookbehind, no Unicode case folding) that
 * matches wherever START does, and seldom elsewhere. START's lookbehind and its `\b` imply
 * these ASCII `\b`s (START's word characters, with its 'iu' flags, are [A-Za-z0-9_ſK]); those
 * flags fold 'ſ' into 's', written out here, and a word that starts with 'ſ' (no `\b` before
 * it without the 'u' flag) is caught by the lone 'ſ'. Each match is the one character where
 * START may match, so `test`, which builds no match, tells where: just before `lastIndex`.
 */
const CANDIDATE = new RegExp(
  String.raw`\b(?:\d|(?=(?:${withLongS(`${TEN_WORDS}|${UNIT_WORDS}|${SCALE_WORDS}|half`)})\b|an?\s+(?:${withLongS(`${SCALE_WORDS}|dozen|${FRACTION_WORDS}`)})\b)[a-z])|\u017f`,
  'gi',
);

/**
 * A scale after digits: glued ("2.4m", "1.2b", "2.4million"), or spaced as a word ("2.4
 * million", "10 bln") or as a lone "k" ("2.33 k"); "5 m" stays five metres.
 */
const DIGIT_SUFFIX =
  /^(?:(mn|bn|bln|mil|m|k|b)(?![\p{L}\p{N}])|\s?(million|billion|trillion|thousand|hundred)\b|\s(k|bn|bln|mn)(?![\p{L}\p{N}])|\s(dozens?)\b)/iu;
const DOZEN = /^dozens?$/;
/** "out of" or "in" between the two numbers of a proportion. */
const PROPORTION_LINK = /^\s+(?:out\s+of|in)\s+/i;
const LINK_OUT_OF = /out\s+of/i;
const HALF_A_SCALE = /^\s+an?\s+(million|billion|thousand|dozen)\b/i;
const FRACTION_AFTER = new RegExp(String.raw`^[\s-]+(${FRACTION_WORDS})\b`, 'i');
const TIME_AFTER = /^[\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b/i;
const GLUED_LETTER = /^[\p{L}_]/u;
const CARDINAL_ONLY = new RegExp(`^${CARDINAL}$`, 'i');
const A_OR_AN = /^an?\s/;
const SCALED = /hundred|thousand|million|billion|trillion|dozen/i;

interface Read {
  end: number;
  value: number;
}

/** A word after separators, as `^[\s-]*([a-z]+)` with the 'i' flag reads it in 24 characters. */
interface Word {
  start: number;
  end: number;
  /** Whether a hyphen was among the separators ("five-year"). */
  hyphen: boolean;
}

/**
 * The next word within the 24 characters at `pos`, past spaces and hyphens; its letters are
 * ASCII, as the 'i' flag without 'u' folds no other letter into [a-z].
 */
function wordAfter(text: string, pos: number): Word | null {
  const limit = Math.min(pos + 24, text.length);
  let start = pos;
  let hyphen = false;
  for (; start < limit; start++) {
    const c = text.charCodeAt(start);
    if (c === 45) hyphen = true;
    else if (!isSpace(c)) break;
  }
  let end = start;
  while (end < limit && isAsciiLetter(text.charCodeAt(end))) end++;
  return end > start ? { start, end, hyphen } : null;
}

/**
 * A set of lowercase words, found in the text without cutting them out of it: looking up a word
 * cut from the text by its string costs more than reading the rest of the number (its hash is
 * computed, and a table's key interned), while this looks by length and first letter and then
 * compares letters.
 */
class Lexicon {
  private readonly byKey = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const key = Lexicon.key(word.length, word.charCodeAt(0));
      const list = this.byKey.get(key);
      if (list) list.push(word);
      else this.byKey.set(key, [word]);
    }
  }

  private static key(length: number, first: number): number {
    return length * 0x10000 + first;
  }

  /**
   * The word that text[start, end) spells, in any case, if it is one of these. The text there
   * must be ASCII letters, digits or '_': `| 0x20` lowercases the letters and maps no other of
   * these characters onto a letter.
   */
  find(text: string, start: number, end: number): string | undefined {
    const list = this.byKey.get(Lexicon.key(end - start, text.charCodeAt(start) | 0x20));
    if (list === undefined) return undefined;
    next: for (const word of list) {
      for (let i = 1; i < word.length; i++) {
        if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) continue next;
      }
      return word;
    }
    return undefined;
  }
}

/** Every cardinal and scale word. */
const NUMBER_WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)];
/**
 * The words `readWords` tells apart; any other ends a number. Only these are looked up in
 * UNITS, TENS and SCALES: as plain objects they answer every name an object inherits, and
 * "twenty constructor" once read as twenty plus a function.
 */
const READ_WORDS = new Lexicon([...NUMBER_WORDS, 'and', 'a', 'an', 'dozen', 'dozens']);
/** The words START's last alternative accepts, with "a" and "an"; then those it takes after them. */
const START_WORDS = new Lexicon([...NUMBER_WORDS, 'half', 'a', 'an']);
const ARTICLE_WORDS = new Lexicon([
  ...Object.keys(SCALES),
  'dozen',
  ...Object.keys(FRACTION_DENOMINATORS),
]);

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
    const found = wordAfter(text, cursor);
    if (!found) break;
    // Any other word ends the number (none of the branches below takes it).
    const word = READ_WORDS.find(text, found.start, found.end);
    if (word === undefined) break;
    const wordEnd = found.end;
    if (any && found.start === cursor) break;
    if (any && found.hyphen && last !== 'ten') break; // "five-year": a compound, stop
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'big') break;
      const after = wordAfter(text, wordEnd);
      const next = after && READ_WORDS.find(text, after.start, after.end);
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
    if (
      (word === 'dozen' || word === 'dozens') &&
      (last === 'unit' || last === 'ten' || last === 'hundred')
    ) {
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

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

interface DigitsRead extends Read {
  /** The multiplier of a scale word or suffix, 1 when none. */
  scale: number;
  /** The value as written, before the scale. */
  written: number;
  /** How many digits follow the decimal point. */
  decimals: number;
  /** Where the digits end, before the scale. */
  digitsEnd: number;
}

/** Reads digits with an optional scale ("2.4 million", "11.5k"). */
function readDigits(text: string, pos: number): DigitsRead {
  // DIGITS by character code, adding up the digits' integer on the way.
  let end = pos;
  let whole = 0;
  let count = 0;
  let c: number;
  while (isDigit((c = text.charCodeAt(end)))) {
    whole = whole * 10 + (c - 48);
    count++;
    end++;
  }
  if (count <= 3) {
    // Thousands groups, as many as follow; the last is given back when a digit follows it,
    // and the only one with it ("4,5489" is 4, and then 5489).
    let groups = 0;
    let at = end;
    let sum = whole;
    let atBefore = at;
    let sumBefore = sum;
    while (
      text.charCodeAt(at) === 44 &&
      isDigit(text.charCodeAt(at + 1)) &&
      isDigit(text.charCodeAt(at + 2)) &&
      isDigit(text.charCodeAt(at + 3))
    ) {
      atBefore = at;
      sumBefore = sum;
      for (let i = at + 1; i < at + 4; i++) sum = sum * 10 + (text.charCodeAt(i) - 48);
      at += 4;
      groups++;
    }
    if (groups > 0 && !isDigit(text.charCodeAt(at))) {
      end = at;
      whole = sum;
      count += groups * 3;
    } else if (groups > 1) {
      end = atBefore;
      whole = sumBefore;
      count += (groups - 1) * 3;
    }
  }
  let decimals = 0;
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
    end++;
    while (isDigit((c = text.charCodeAt(end)))) {
      whole = whole * 10 + (c - 48);
      decimals++;
      end++;
    }
    count += decimals;
  }
  const digitsEnd = end;
  // Number() of the digits without commas, to the bit: up to 15 digits their integer is exact,
  // and so is a power of ten up to 10^22, and one division of exact doubles is the correctly
  // rounded quotient that Number() also gives.
  const written =
    count <= 15
      ? whole / POWERS_OF_TEN[decimals]!
      : Number(text.slice(pos, digitsEnd).replace(/,/g, ''));
  let value = written;
  let scale = 1;
  const suffix = maySuffixAt(text, end) ? DIGIT_SUFFIX.exec(text.slice(end, end + 12)) : null;
  if (suffix) {
    const word = (suffix[1] ?? suffix[2] ?? suffix[3] ?? suffix[4] ?? '').toLowerCase();
    scale = DOZEN.test(word) ? 12 : (SUFFIX_SCALES[word] ?? SCALES[word] ?? 1);
    value *= scale;
    end += suffix[0].length;
  }
  return { end, value, scale, written, decimals, digitsEnd };
}

/**
 * Whether DIGIT_SUFFIX may match at `pos`: each of its suffixes and scale words starts with b,
 * d, h, k, m or t (or the Kelvin sign, which its 'i' flag folds into k), glued or after one
 * space.
 */
function maySuffixAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return isSuffixInitial(c) || (isSpace(c) && isSuffixInitial(text.charCodeAt(pos + 1)));
}

function isSuffixInitial(c: number): boolean {
  switch (c | 0x20) {
    case 98: // b
    case 100: // d
    case 104: // h
    case 107: // k
    case 109: // m
    case 116: // t
      return true;
    default:
      return c === KELVIN;
  }
}

/** GLUED_LETTER at `pos`, by code for ASCII. */
function gluedLetterAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c > 127) return GLUED_LETTER.test(text.slice(pos, pos + 1));
  return isAsciiLetter(c) || c === 95;
}

/** Whether PROPORTION_LINK may match at `pos`: spaces, then "out of" or "in" (ASCII only). */
function mayLinkAt(text: string, pos: number): boolean {
  if (!isSpace(text.charCodeAt(pos))) return false;
  let i = pos + 1;
  while (isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i) | 0x20;
  return c === 111 || c === 105;
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
  const link = mayLinkAt(text, first.end)
    ? PROPORTION_LINK.exec(text.slice(first.end, first.end + 12))
    : null;
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

/**
 * Whether FRACTION_AFTER may match at `from`: spaces or hyphens, then a fraction word, and
 * every one starts with e, f, h, q, s or t (ASCII only: its 'i' flag comes without 'u').
 */
function mayFractionAt(text: string, from: number): boolean {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 45 && !isSpace(c)) break;
    i++;
  }
  if (i === from) return false;
  switch (text.charCodeAt(i) | 0x20) {
    case 101: // e
    case 102: // f
    case 104: // h
    case 113: // q
    case 115: // s
    case 116: // t
      return true;
    default:
      return false;
  }
}

/** Reads a fraction word after a cardinal or "a": "three-quarters", "a third", "two thirds". */
function readFraction(text: string, numerator: number, from: number): Read | null {
  if (!mayFractionAt(text, from)) return null;
  const m = FRACTION_AFTER.exec(text.slice(from, from + 16));
  if (!m || m[1] === undefined) return null;
  const denominator = FRACTION_DENOMINATORS[m[1].toLowerCase()];
  if (denominator === undefined || numerator >= denominator) return null;
  const plural = /s$/i.test(m[1]);
  if (numerator > 1 && !plural && m[1].toLowerCase() !== 'half') return null;
  return { end: from + m[0].length, value: (numerator / denominator) * 100 };
}

const LONG_S = 0x17f;
const KELVIN = 0x212a;

/** [A-Za-z0-9_]: START's lookbehind class within ASCII, and the ASCII word characters of `\b`. */
function isAsciiWord(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 95;
}

/** START's lookbehind at `pos`: no letter, number or underscore before it. */
function startsWord(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  // Beyond ASCII the class is Unicode's, and its 'i' flag adds characters that fold into it
  // (U+0345 into 'ι'), so the pattern itself decides.
  if (c > 127) {
    NO_WORD_BEFORE.lastIndex = pos;
    return NO_WORD_BEFORE.test(text);
  }
  return !isAsciiWord(c);
}

/**
 * The end of the run of `\b` word characters at `pos`. With the 'iu' flags these are
 * [A-Za-z0-9_] and the two characters that fold into them, 'ſ' (into 's') and the Kelvin sign
 * (into 'k'); for a run holding either, -1: START reads it itself.
 */
function wordRunEnd(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isAsciiWord(c)) i++;
    else if (c === LONG_S || c === KELVIN) return -1;
    else return i;
  }
}

/** What START matches at `pos`, a letter, for the words it folds with its 'iu' flags. */
function startAt(text: string, pos: number): string | null {
  START.lastIndex = pos;
  return START.exec(text)?.[0] ?? null;
}

/**
 * What START's word alternatives match at `pos`, where its lookbehind holds. A number word is
 * followed by `\b`, so it is the whole run of word characters there, and one lookup decides it.
 */
function wordStartAt(text: string, pos: number): string | null {
  const end = wordRunEnd(text, pos);
  if (end < 0) return startAt(text, pos);
  const word = START_WORDS.find(text, pos, end);
  if (word === undefined) return null;
  if (word !== 'a' && word !== 'an') return text.slice(pos, end);
  let next = end;
  while (isSpace(text.charCodeAt(next))) next++;
  if (next === end) return null;
  const nextEnd = wordRunEnd(text, next);
  if (nextEnd < 0) return startAt(text, pos);
  if (ARTICLE_WORDS.find(text, next, nextEnd) === undefined) return null;
  return text.slice(pos, nextEnd);
}

/**
 * Every number in `text`, left to right, non-overlapping. Positions are offsets into `text`.
 *
 * Numbers start where START matches. CANDIDATE finds every place it can (see there), and each
 * is then held to START's lookbehind and its exact alternatives.
 */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.test(text)) {
    const start = CANDIDATE.lastIndex - 1;
    let next = start + 1;
    let token: NumberToken | null = null;
    if (startsWord(text, start)) {
      if (isDigit(text.charCodeAt(start))) {
        const read = readDigits(text, start);
        token = digitToken(text, start, read);
        next = read.digitsEnd;
      } else {
        const words = wordStartAt(text, start);
        if (words !== null) {
          token = wordToken(text, start, words);
          next = start + words.length;
        }
      }
    }
    if (token) {
      out.push(token);
      next = Math.max(token.end, start + 1);
    }
    CANDIDATE.lastIndex = next;
  }
  return out;
}

function digitToken(text: string, start: number, read: DigitsRead): NumberToken | null {
  // Digits run into letters are a code, not a number: "1XQ" of a postcode, "5G", "21st".
  if (gluedLetterAt(text, read.end)) return null;
  if (read.scale === 1 && read.decimals === 0) {
    const proportion = readProportion(text, read);
    if (proportion) return proportionToken(start, proportion, 'proportion');
  }
  return {
    start,
    end: read.end,
    value: read.value,
    // precisionHalfUnit(digits, read.scale), from what readDigits has read already.
    halfUnit:
      read.decimals > 0
        ? decimalHalfUnit(read.decimals, read.scale)
        : halfUnitOfInteger(read.written) * read.scale,
    kind: 'digits',
    percent: false,
    digits: text.slice(start, read.digitsEnd),
    scaled: read.scale !== 1,
  };
}

function wordToken(text: string, start: number, matched: string): NumberToken | null {
  const lower = matched.toLowerCase();
  if (lower === 'half') return halfToken(text, start);
  const article = A_OR_AN.test(lower);
  if (article) {
    const fraction = readFraction(text, 1, start + lower.search(/\s/));
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
    scaled: SCALED.test(words),
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
