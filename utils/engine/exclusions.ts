/**
 * Numbers that are never claims, whatever the sentence is about: years, dates, times,
 * ages, phone numbers, postcodes, addresses, list and section numbers, money, the base of a
 * rate, scores and ranges, identifiers, and numbers fused into compound words
 * ("five-year", "24-hour"). Each is recognised by its form or by the words right next to it,
 * never by the sentence it happens to sit in.
 *
 * Span masks are found once per block; per-number checks look only at a few characters
 * either side, so the cost stays linear in the text.
 */
import { lineEnd } from './chars';
import type { NumberToken } from './numbers';

export type Exclusion =
  | 'url'
  | 'postcode'
  | 'time'
  | 'date'
  | 'money'
  | 'phone'
  | 'identifier'
  | 'year'
  | 'period'
  | 'range'
  | 'address'
  | 'list'
  | 'age'
  | 'rate-base'
  | 'compound'
  | 'pronoun';

const MONTHS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

/**
 * A cheap test that an address mask can match at all. Each gate below is a necessary
 * condition of its mask (a literal or two the mask cannot match without), never a guess, so
 * most blocks skip the costlier patterns. Only literal gates pay: a gate that is itself a
 * pattern with alternatives costs about what the mask it skips does (tests/bench/NOTES.md).
 */
const ADDRESS_GATE =
  /\b(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Close|Drive|Place|Square|Sq|Hill|Court|Crescent|Gardens|Terrace|Parade|House|Row|Walk|Grove|Mews|Yard|Quay|Wharf|Green|Buildings|Approach|Park|Centre|Hall|Estate|Rise|Bank|Unit|Flat|Suite|Room|Floor|Apartment|Apt|Block|Building|Box|Plot|Platform|Gate)\b/;

/**
 * Whole spans that hide every number inside them, each with its gate if it has one; order is
 * irrelevant (spans may overlap).
 */
const MASKS: ReadonlyArray<readonly [Exclusion, RegExp, RegExp?]> = [
  [
    'url',
    /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.uk|org\.uk|gov\.uk|nhs\.uk|ac\.uk|org|net|uk)(?:\/\S*)?/gi,
    /www\.|:\/\/|@|\.(?:com|uk|org|net)\b/i,
  ],
  ['postcode', /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g],
  [
    'time',
    /\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?o['’]clock\b|\b24\/7\b/gi,
  ],
  [
    'date',
    new RegExp(
      `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}(?![a-z])(?:,?\\s+\\d{4})?|\\b${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
      'g',
    ),
  ],
  [
    'money',
    /[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|mn|m|k|million|billion|thousand)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:pounds|pence|GBP|euros|dollars)\b/gi,
    /[£$€]|pounds|pence|GBP|euros|dollars/i,
  ],
  [
    'phone',
    /(?:\+\d{1,3}\s?\d[\d\s]{7,}\d)|(?<![\d,.])\b0\d{2,5}(?:[\s-]?\d{2,4}){1,3}\b|\b116\s?\d{3}\b|\b(?:999|112)\b/g,
  ],
  [
    'phone',
    /\b(?:call|dial|ring|text|texting|phone|telephone|tel|press|helpline|hotline)\b\s*:?\s*(?:on\s+)?\d{2,5}\b/gi,
  ],
  // The police's non-emergency and NHS numbers after "on": "call Kent Police on 101".
  ['phone', /\b(?:on|call|dial|ring)\s+(?:101|111)\b/gi, /1[01]1/],
  // A comment count: "Comments (3)", "12 comments".
  ['list', /\bComments?\s*\(\d+\)|\b\d+\s+comments?\b/gi, /comment/i],
  // A results line of two sides and two scores: "Ashford United 4 Sittingbourne 0".
  // Matched only where a line or cell starts (see `maskSpans`), so it is sticky.
  [
    'range',
    /[ ]*(?:[A-Z][\w'’&.-]*[ ]){1,4}\d{1,2}[ ](?:[A-Z][\w'’&.-]*[ ]){0,3}[A-Z][\w'’&.-]*[ ]\d{1,2}[ ]*(?![^\n\t])/y,
  ],
  ['identifier', /(?<![\d,.])\d{5,}(?![\d,]|\.\d)/g],
  ['period', /\b(?:19|20)\d{2}\s?[/–—-]\s?(?:(?:19|20)?\d{2})(?!\d)/g],
  // A financial year in short: "13/14", "21/22".
  ['period', /(?<![\d/.])\d{2}\/\d{2}(?![\d/])/g],
  ['range', /(?<![\d,.])\d{1,3}\s?[-–—]\s?\d{1,3}(?![\d,.%]|\s?(?:%|per ?cent))/g],
  [
    'address',
    /\b\d+(?:\.\d+)?[A-Za-z]?,?\s+(?:(?:St\.?|[A-Z][\w'’]*)\s+){0,3}(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Close|Drive|Place|Square|Sq|Hill|Court|Crescent|Gardens|Terrace|Parade|House|Row|Walk|Grove|Mews|Yard|Quay|Wharf|Green|Buildings|Approach|Park|Centre|Hall|Estate|Rise|Bank)\b/g,
    ADDRESS_GATE,
  ],
  [
    'address',
    /\b(?:Unit|Flat|Suite|Room|Floor|Apartment|Apt|Block|Building|PO Box|P\.O\. Box|Box|Plot|Platform|Gate)\s+\d+(?:\.\d+)?/g,
    ADDRESS_GATE,
  ],
];

/** Words before a number that make it a label (list, section, page, junction…). */
const LABEL_BEFORE =
  /(?:\b(?:no|nos|number|section|sections|sec|part|parts|chapter|chapters|item|items|page|pages|paragraph|paragraphs|para|clause|clauses|article|articles|figure|figures|fig|table|tables|appendix|appendices|annex|schedule|step|steps|point|points|priority|priorities|promise|promises|commitment|commitments|question|questions|option|options|phase|phases|stage|stages|level|levels|tier|tiers|version|episode|episodes|series|season|vol|volume|issue|issues|rule|regulation|route|junction|junctions|platform|ward|room|extension|ext|top|grade|band|division|league|agenda item|reference|ref|id|code|form|act|bill|motion|amendment|term|key stage|vote)\.?|#)\s*$/i;
/** "Page 1 of 4": the total of a label. */
const LABEL_OF = /\b(?:page|part|step|item|episode|question|chapter)\s+\d+\s+of\s+$/i;
/** Block-initial list or section numbers: "1. We will", "2.3 In 2020", "(4) Recovery". */
const LIST_START = /^\s*(?:\(?\d{1,2}[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\s+(?=[A-Z(“"'‘])/;

const AGE_BEFORE =
  /\b(?:aged|age|ages|age of|ages of|aged between|aged from|aged under|aged over|aged up to|under the age of|over the age of|since the age of|from the age of|as young as|as old as)\s*$|\b(?:youngest|oldest|eldest)\b[^.,;:]{0,30}$/i;
const AGE_RANGE_BEFORE = /\baged?\s+\d{1,3}\s*(?:to|and|-|–|—)\s*$/i;
const AGE_AFTER =
  /^(?:\s*\+|\s+(?:and|or)\s+(?:over|above|under|older|younger)\b|\s+years?\s+old\b|-years?-olds?\b|\s+to\s+\d{1,3}-years?-olds?\b)/i;
/** "children under 11", "are younger than 11": a bound on age, not a count. */
const AGE_BOUND_BEFORE =
  /\b(?:children|child|people|girls|boys|women|men|pupils|those|victims|adults|kids|anyone|someone|are|is|were|was|be|being|aged)\s+(?:aged\s+)?(?:under|over|younger than|older than|below|above)\s*$/i;
/** "Roger Gough, 58, said", "Ramsgate man, 29, jailed": an age in apposition to a person. */
const APPOSED_AGE_BEFORE =
  /\b[A-Z][a-z]+,\s*$|\b(?:man|woman|boy|girl|teenager|teen|driver|pensioner|mother|father|mum|dad|son|daughter|grandmother|grandfather|grandad|pupil|student|worker|officer|nurse|rider|cyclist|motorist|thief|burglar|attacker|resident|tenant|landlord|neighbour|pedestrian|youth|youngster|schoolboy|schoolgirl|dealer|victim|PC),\s*$/i;
/** "Channel 4", "Year 1 pupil": a name or a school year. */
const NAME_NUMBER_BEFORE = /\b(?:Channel|Radio|Year|Freeview)\s+$/;
/** "Maya was seven when…", "she is 19": a person's age. */
const PERSON_AGE_BEFORE =
  /(?:\b(?:she|he|I|they|we|(?!(?:That|This|It|There|Which|What|Here|Who|The|One|Each|Total|Figure|Number)\b)[A-Z][a-z]+)\s+(?:was|is|am|turned|turns)|(?:^|[.!?]\s+)[Nn]ow)\s+$/;
/** Votes: "carried by 45 votes to 23", "voted 31 to 2". */
const VOTE_BEFORE = /\b(?:voted?\s+(?:by\s+)?(?:\d+\s+to\s+)?|votes?\s+to\s+)$/i;
const RATE_BASE_BEFORE = /\b(?:per|for every|in every|out of every|every|for each|per every)\s*$/i;
const COMPOUND_AFTER = /^-[A-Za-z]/;
const NUMBER_WORDS_ONLY = /^(?:one|a|an)$/i;
const STAT_NOUN_AFTER =
  /^\s+(?:crimes|offences|incidents|assaults|attacks|calls|referrals|victims|people|children|cases)\b/i;
const YEAR_PREPOSITION_BEFORE =
  /\b(?:in|since|by|from|of|to|until|between|and|during|before|after|for|the|early|late|mid)\s*$/i;

export interface Span {
  start: number;
  end: number;
  reason: Exclusion;
}

/** Spans of `text` that hide the numbers inside them, sorted by start. */
export function maskSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [reason, re, gate] of MASKS) {
    if (gate && !gate.test(text)) continue;
    if (re.sticky) {
      // A sticky mask is tried where a line or cell starts, not at every character.
      for (let at = 0; at <= text.length; at = lineEnd(text, at, text.length) + 1) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m && m[0].length > 0) spans.push({ start: at, end: at + m[0].length, reason });
      }
      continue;
    }
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length, reason });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Why a number is never a claim, or null when it may be one. */
export function exclusionOf(
  text: string,
  token: NumberToken,
  spans: readonly Span[],
  from = 0,
): Exclusion | null {
  // Spans are sorted by start; `from` skips those already known to end before the token.
  for (let i = from; i < spans.length; i += 1) {
    const s = spans[i]!;
    if (s.start >= token.end) break;
    if (s.end > token.start) return s.reason;
  }
  const before = text.slice(Math.max(0, token.start - 40), token.start);
  const after = text.slice(token.end, token.end + 24);
  const raw = text.slice(token.start, token.end);

  if (token.kind === 'words' && NUMBER_WORDS_ONLY.test(raw)) return 'pronoun';
  if (COMPOUND_AFTER.test(after)) return 'compound';
  if (endsWithLetterHyphen(before)) return 'identifier';
  if (token.kind === 'digits' && !token.scaled && isYearLike(token)) {
    if (!(STAT_NOUN_AFTER.test(after) && !YEAR_PREPOSITION_BEFORE.test(before))) return 'year';
  }
  const lead = text.slice(0, token.start);
  if (token.start === 0 || /^\s*\(?$/.test(lead)) {
    if (
      LIST_START.test(
        text.slice(lead.trimEnd().endsWith('(') ? lead.lastIndexOf('(') : token.start),
      )
    )
      return 'list';
  }
  if (LABEL_BEFORE.test(before) || (endsWithOf(before) && LABEL_OF.test(before))) return 'list';
  if (token.value <= 13 && NAME_NUMBER_BEFORE.test(before)) return 'identifier';
  if ([100, 1000, 10_000, 100_000].includes(token.value) && RATE_BASE_BEFORE.test(before))
    return 'rate-base';
  if (AGE_BEFORE.test(before) || AGE_RANGE_BEFORE.test(before) || AGE_AFTER.test(after))
    return 'age';
  if (VOTE_BEFORE.test(before)) return 'list';
  if (!token.percent && token.value <= 120 && Number.isInteger(token.value)) {
    if (PERSON_AGE_BEFORE.test(before)) return 'age';
    const bare = /^\s*(?:[.,;:!?)"”’]|$|and\b|or\b|when\b|while\b|in\b)/.test(after);
    if (bare && AGE_BOUND_BEFORE.test(before)) return 'age';
    if (/^\s*,/.test(after) && APPOSED_AGE_BEFORE.test(before)) return 'age';
  }
  return null;
}

/**
 * "A-1", "M-20": a letter and a hyphen right before the number. Read from the last two
 * characters: as an end-anchored pattern it was tried at each of the 40 before them.
 */
function endsWithLetterHyphen(before: string): boolean {
  const n = before.length;
  return n >= 2 && before.charCodeAt(n - 1) === 45 && /[A-Za-z]/.test(before[n - 2]!);
}

/** The words before end in "of" and a space, as `LABEL_OF` needs: most numbers skip it. */
function endsWithOf(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed.length < before.length && /of$/i.test(trimmed.slice(-2));
}

function isYearLike(token: NumberToken): boolean {
  return /^\d{4}$/.test(token.digits) && token.value >= 1800 && token.value <= 2099;
}
