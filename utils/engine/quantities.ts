/**
 * Quantity mentions: a number with the words that belong to it — the qualifier before it
 * ("more than"), the unit after it ("per cent", "per 1,000 population"), its time base
 * ("a day", "each month") — and what it counts (the noun phrase it quantifies). Numbers that
 * are never claims are dropped here with their reason (see `exclusions.ts`).
 */
import type { Unit } from '../../data/schema';
import { QUALIFIER_PHRASES, type QualifierKind } from './bands';
import { isSpace, lineEnd } from './chars';
import { exclusionOf, maskSpans, type Exclusion } from './exclusions';
import { HARMED, nounClass, PHRASE_STOP, RESOURCING, type NounClass } from './lexicon';
import { scanNumbers, type NumberKind, type NumberToken } from './numbers';

/** Time bases as read on a page; `week` exists on pages but in no record. */
export type PageTimeBase = '' | 'day' | 'week' | 'month' | 'year';

/**
 * What the number quantifies, as far as the words after it say:
 * a noun class, `bare` (no noun: "averaged 1,709.", "(401)"), `anaphoric` ("979 of them",
 * "103 such assaults"), or `other` (a noun the lexicon does not know: not a statistic).
 */
export type Counted = NounClass | 'bare' | 'anaphoric' | 'other';

export interface Mention {
  /** Span of qualifier + number + unit words. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  halfUnit: number;
  kind: NumberKind;
  unit: Unit;
  /** True when the unit was written next to the number (not inherited, not assumed). */
  unitWritten: boolean;
  /** A rate per something other than 1,000 ("per 100,000"): outside the dataset's units. */
  otherRate: boolean;
  timeBase: PageTimeBase;
  qualifier: QualifierKind;
  counted: Counted;
  /** The counted noun phrase, lower-cased ("domestic abuse-related crimes"). */
  nounPhrase: string;
  /** The size of a change ("up by 9 per cent"), not a level. */
  change: boolean;
  /** "such" / "those" / "of them": the measure is the previous sentence's. */
  anaphoric: boolean;
}

export interface Excluded {
  start: number;
  end: number;
  value: number;
  reason: Exclusion;
}

const QUALIFIER_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(${[...QUALIFIER_PHRASES]
    .map(([p]) => p)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'))
    .join('|')})\s+$`,
  'iu',
);
const QUALIFIER_KIND = new Map(QUALIFIER_PHRASES.map(([p, k]) => [p, k] as const));

const PERCENT_AFTER = /^\s?(?:%|per\s?cent\b|percent\b|pc\b|percentage points?\b)/i;
const RATE_AFTER =
  /^((?:\s+[\p{L}'’-]+){0,6}?)\s+(?:per|for every|in every|out of every|for each)\s+(1,000|1000|one thousand|a thousand|thousand|100,000|100000|10,000|100)(?![\d,])(\s+(?:head of )?(?:population|people|residents|inhabitants|adults|women|children|persons|of the population)\b)?(\s*\(?\s*aged\s+(?:16|18)\s*(?:\+|(?:and|or)\s+(?:over|above|older))(?:\s*\))?)?/iu;
const TIME_AFTER =
  /\b(?:a|per|every|each)\s+(day|week|month|year)\b|\b(daily|weekly|monthly|annually|yearly)\b/i;
const TIME_BEFORE = /\b(?:every|each)\s+(day|week|month|year)\b/i;
const DIRECT_TIME =
  /^\s+(?:a|per|every|each)\s+(?:day|week|month|year)\b|^\s+(?:daily|weekly|monthly|annually|yearly)\b/i;
const CHANGE_BEFORE =
  /\b(?:up|down|increase[sd]?|decrease[sd]?|rise|rises|rose|risen|fall|falls|fell|fallen|grown|grew|dropped|drop|jumped|climbed|cut|reduction|reduced|gone up|gone down|went up|went down)\s+(?:by\s+|of\s+)?(?:an?\s+|about\s+|around\s+|almost\s+|nearly\s+|more than\s+|over\s+|just\s+|some\s+)?$/i;
/** "a 30% rise", "40 per cent up on last year", "12% more than in 2019": the size of a change. */
const CHANGE_AFTER =
  /^\s*(?:year[- ]on[- ]year\s+)?(?:rise|rises|increase|increases|jump|jumps|fall|falls|drop|drops|decrease|decreases|reduction|hike|surge|climb|uplift|growth|up\s+(?:on|from)|down\s+(?:on|from)|higher|lower|(?:more|fewer|less)\s+than)\b/i;
const MULTIPLIER_AFTER =
  /^\s+(?:more|higher|greater|as|the|likely|bigger|larger|less|lower|over|that)\b/i;
const WORD = /[\s,]*([\p{L}][\p{L}'’-]*)/uy;
/** Punctuation ending a noun phrase before its next word. */
const PHRASE_PUNCT = /\s*[,;:.!?()]/y;
/** "of them", "of those": the measure is the text before's; "of these youngsters" names its own whole. */
const ANAPHOR_OF =
  /^\s+of\s+(?:them|which|whom|it\b|(?:those|these)(?!\s+(?!who\b|which\b|that\b)\p{L}))/iu;
const PARTITIVE_OF =
  /^\s+of\s+(?:the\s+|those\s+|these\s+|all\s+|its\s+|their\s+|this\s+year(?:'s|’s)\s+|last\s+year(?:'s|’s)\s+)?/i;
const CLAUSE_END = /[,;:.!?()]/;

const ADVERB_TIME_BASE: Readonly<Record<string, PageTimeBase>> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  annually: 'year',
  yearly: 'year',
};

function timeBaseOf(m: RegExpExecArray | null): PageTimeBase {
  if (!m) return '';
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  return ADVERB_TIME_BASE[word] ?? (word as PageTimeBase);
}

/** Reads every number in a block into mentions, and the numbers it excluded with why. */
export function readMentions(text: string): { mentions: Mention[]; excluded: Excluded[] } {
  const tokens = scanNumbers(text);
  if (tokens.length === 0) return { mentions: [], excluded: [] };
  const spans = maskSpans(text);
  const excluded: Excluded[] = [];
  const kept: NumberToken[] = [];
  // Tokens and spans are both in text order: one moving start keeps the lookups linear.
  let from = 0;
  for (const token of tokens) {
    while (from < spans.length && spans[from]!.end <= token.start) from += 1;
    const reason = exclusionOf(text, token, spans, from);
    if (reason) excluded.push({ start: token.start, end: token.end, value: token.value, reason });
    else kept.push(token);
  }
  // Words after a number run to the next number that may be a claim: the "1,000" of
  // "per 1,000" and a year are part of the phrase, not the start of another.
  const mentions: Mention[] = [];
  for (let i = 0; i < kept.length; i += 1) {
    const nextStart = kept[i + 1]?.start ?? text.length;
    const prevEnd = kept[i - 1]?.end ?? 0;
    mentions.push(readMention(text, kept[i]!, prevEnd, nextStart));
  }
  // A number inside its neighbour's mention (a rate base read as a unit) is not a mention of its own.
  const own: Mention[] = [];
  for (let i = 0; i < mentions.length; i += 1) {
    const m = mentions[i]!;
    if (!within(mentions[i - 1], m) && !within(mentions[i + 1], m)) own.push(m);
  }
  return { mentions: own, excluded };
}

/** True when `m`'s number lies inside mention `o`'s words. */
function within(o: Mention | undefined, m: Mention): boolean {
  return o !== undefined && o.start <= m.numberStart && m.numberEnd <= o.end;
}

function readMention(
  text: string,
  token: NumberToken,
  prevEnd: number,
  nextStart: number,
): Mention {
  let start = token.start;
  let end = token.end;
  let qualifier: QualifierKind = 'exact';
  const before = text.slice(Math.max(prevEnd, token.start - 32), token.start);
  const q = QUALIFIER_BEFORE.exec(before);
  if (q && q[1] !== undefined) {
    const phrase = q[1].toLowerCase().replace(/\s+/g, ' ');
    qualifier = QUALIFIER_KIND.get(phrase) ?? 'exact';
    start = token.start - (before.length - before.lastIndexOf(q[1]));
  }

  let unit: Unit = token.percent ? 'percent' : 'count';
  let unitWritten = token.percent;
  let otherRate = false;
  // A number's words never run across a line break or a tab (the next row or cell).
  let after = text.slice(end, lineEnd(text, end, Math.min(nextStart, end + 120)));
  const pct = PERCENT_AFTER.exec(after);
  if (pct) {
    unit = 'percent';
    unitWritten = true;
    end += pct[0].length;
    after = after.slice(pct[0].length);
  }
  const rate = unit === 'count' ? RATE_AFTER.exec(after) : null;
  if (rate && !CLAUSE_END.test(rate[1] ?? '')) {
    const base = (rate[2] ?? '').replace(/,/g, '');
    if (base === '1000' || /thousand/i.test(base)) {
      unit = 'per-1000';
      unitWritten = true;
    } else {
      otherRate = true;
    }
    // The rate's words are part of the mention only when they follow the number directly
    // ("27.6 per 1,000 population"), not across a noun phrase ("27.6 crimes per 1,000").
    if (!(rate[1] ?? '').trim()) end += rate[0].length;
  }

  // What the number counts: the noun phrase after it (after "per cent of", "of those").
  const restStart = token.end + (pct ? pct[0].length : 0);
  const rest = text.slice(restStart, lineEnd(text, restStart, Math.min(nextStart, token.end + 80)));
  const counted = readCounted(
    rest,
    () => sentenceAround(text, token.start, token.end),
    text.slice(Math.max(0, token.start - 40), token.start),
    token.kind,
  );

  let timeBase: PageTimeBase;
  const direct = DIRECT_TIME.exec(text.slice(end, end + 16));
  if (direct) {
    timeBase = timeBaseOf(TIME_AFTER.exec(direct[0]));
    end += direct[0].length;
  } else {
    const clauseAfter = upToClauseEnd(text.slice(end, nextStart));
    timeBase = timeBaseOf(TIME_AFTER.exec(clauseAfter));
    if (!timeBase) {
      // "Every month, almost 1,500 incidents…": a time base opening the sentence belongs to
      // its first number only.
      const sentenceStart = lastSentenceStart(text, token.start);
      if (prevEnd <= sentenceStart)
        timeBase = timeBaseOf(TIME_BEFORE.exec(text.slice(sentenceStart, start)));
    }
  }

  while (end > token.end && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return {
    start,
    end,
    numberStart: token.start,
    numberEnd: token.end,
    value: token.value,
    halfUnit: token.halfUnit,
    kind: token.kind,
    unit,
    unitWritten,
    otherRate,
    timeBase,
    qualifier,
    counted: counted.counted,
    nounPhrase: counted.phrase,
    change:
      CHANGE_BEFORE.test(text.slice(Math.max(0, token.start - 40), start)) ||
      CHANGE_AFTER.test(text.slice(end, end + 40)),
    anaphoric: counted.anaphoric,
  };
}

/** The sentence around a number (for what happened to the staff it counts), at most 300 characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = lastSentenceStart(text, start);
  const m = /[.!?](?:\s|$)/.exec(text.slice(end, end + 300));
  return text.slice(from, m ? end + m.index + 1 : Math.min(text.length, end + 300));
}

function upToClauseEnd(s: string): string {
  const m = /[;.!?]|,\s/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

const SENTENCE_STOP = new Set(['.', '!', '?'].map((c) => c.charCodeAt(0)));

/**
 * Where the sentence holding `pos` starts, looking back at most 300 characters: after the
 * last `.`, `!` or `?` before `pos` if spaces follow it. Scanned back by hand: the pattern
 * this replaces (`[.!?]\s+(?=[^.!?]*$)`) tried every stop in the window, for every number.
 */
function lastSentenceStart(text: string, pos: number): number {
  const floor = Math.max(0, pos - 300);
  let stop = pos - 1;
  while (stop >= floor && !SENTENCE_STOP.has(text.charCodeAt(stop))) stop -= 1;
  if (stop < floor) return floor;
  let after = stop + 1;
  while (after < pos && isSpace(text.charCodeAt(after))) after += 1;
  return after > stop + 1 ? after : floor;
}

/**
 * Reads the noun phrase after a number and classifies what it counts. An event or people
 * noun is the head as soon as it appears ("100 domestic abuse-related crimes"); otherwise
 * the last word decides: a plural the lexicon does not know ("25 call handlers", "5 charts")
 * is something else, and a single unknown singular word is the verb of a bare number
 * ("20,615 live in…").
 */
function readCounted(
  rest: string,
  /** The sentence around the number, read only for the few nouns that need it. */
  around: () => string,
  before: string,
  kind: NumberKind,
): { counted: Counted; phrase: string; anaphoric: boolean } {
  let s = rest;
  if (ANAPHOR_OF.test(s)) return { counted: 'anaphoric', phrase: '', anaphoric: true };
  let anaphoric = false;
  const partitive = PARTITIVE_OF.exec(s);
  if (partitive) {
    if (/those|these/i.test(partitive[0])) anaphoric = true;
    s = s.slice(partitive[0].length);
  }
  const phrase: string[] = [];
  let head: { word: string; cls: NounClass } | null = null;
  let known: { word: string; cls: NounClass } | null = null;
  // Read word by word from a moving position (sticky patterns), not by slicing the rest.
  let at = 0;
  for (let i = 0; i < 6 && !head; i += 1) {
    PHRASE_PUNCT.lastIndex = at;
    if (PHRASE_PUNCT.test(s)) break;
    WORD.lastIndex = at;
    const m = WORD.exec(s);
    if (!m || m[1] === undefined) break;
    const word = m[1].toLowerCase();
    at += m[0].length;
    if (word === 'such') {
      anaphoric = true;
      continue;
    }
    if (PHRASE_STOP.has(word) && !(phrase.length === 0 && word === 'more')) break;
    phrase.push(word);
    const cls = nounClass(word);
    if (cls === 'event' || cls === 'people') head = { word, cls };
    else if (cls) known = { word, cls };
    // "three years ago … calls": a noun right after the number is what it counts.
    if (cls === 'non-stat' && phrase.length === 1) break;
  }
  const text = phrase.join(' ');
  const none: Counted = anaphoric ? 'anaphoric' : 'bare';
  if (head) return { counted: head.cls, phrase: text, anaphoric };
  if (phrase.length === 0) return { counted: none, phrase: '', anaphoric };
  const last = phrase[phrase.length - 1] ?? '';
  if (known && known.word === last) {
    if (known.word === 'times') {
      // "assaulted 4 times" counts events; "three times as likely" and "updated 4 times" do not.
      const after = rest.slice(rest.toLowerCase().indexOf('times') + 5);
      return {
        counted: MULTIPLIER_AFTER.test(after) || !HARMED.test(around()) ? 'non-stat' : 'event',
        phrase: text,
        anaphoric,
      };
    }
    if (known.cls === 'resource') {
      const lead = before.split(/\s+/).slice(-4).join(' ');
      const harmed = HARMED.test(around()) && !RESOURCING.test(text) && !RESOURCING.test(lead);
      return { counted: harmed ? 'resource' : 'non-stat', phrase: text, anaphoric };
    }
    return { counted: known.cls, phrase: text, anaphoric };
  }
  if (looksPlural(last) || phrase.length > 1 || kind === 'fraction')
    return { counted: 'other', phrase: text, anaphoric };
  return { counted: none, phrase: text, anaphoric };
}

function looksPlural(word: string): boolean {
  return word.length > 3 && /[^s]s$/.test(word) && !/(?:ous|ss|is|us)$/.test(word);
}
