/** Whether a number is about assault or abuse: topic cues of its clause, its sentence, the text before, the title. */
import { TOPICAL, type ConceptMask } from './concepts';
import type { SentenceCues } from './cues';
import type { SentenceRecord } from './context-record';
import { nounClass, OTHER_MEASURES, PHRASE_STOP } from './lexicon';
import type { Mention } from './quantities';

/** Crimes that are not assault or abuse: a sentence naming one, and no abuse, is about it. */
const OTHER_CRIME =
  /\b(?:burglar(?:y|ies)|thefts?|shoplifting|frauds?|scams?|anti-?social|criminal damage|vehicle crime|drugs? (?:offences|crime|dealing)|robber(?:y|ies)|speeding|car crime|arson)\b/i;
/** People are a statistic when something happened to them, said in their own sentence. */
const PEOPLE_PREDICATE =
  /\baffect|\bimpact|\btouched the lives|\b(?:lives?|living) (?:with|through|in)\b|\bgrowing up\b|\bvictims?\b|\bexperienc|\bsuffer|\babused\b|\bassault|\battack|\bharass|\bwitness|\bhouseholds?\b|\bhurt\b/i;

const WORDS = /[\p{L}][\p{L}'’-]*/gu;

/**
 * Concepts carried from the text before: the nearest sentence about assault or abuse and
 * the section heading; the page title only when neither is (`fromTitle`).
 */
export function contextConcepts(
  walk: readonly SentenceRecord[],
  title: SentenceCues | null,
): { mask: ConceptMask; fromTitle: boolean } {
  let mask = 0n;
  const topical = walk.find((r) => (r.concepts & TOPICAL) !== 0n);
  if (topical) mask |= topical.concepts;
  const heading = walk.find((r) => r.heading);
  if (heading) mask |= heading.concepts;
  if ((mask & TOPICAL) === 0n && title) return { mask: mask | title.concepts, fromTitle: true };
  return { mask, fromTitle: false };
}

/**
 * A claim is about assault or abuse when its own sentence says so, or when it takes its
 * measure from the text before it — unless its own clause names something else that it
 * counts ("Council tax to rise by 3.99%", "A crowd of 6,213").
 */
export function isTopical(
  m: Mention,
  own: ConceptMask,
  context: ConceptMask,
  sentence: string,
  clauseBefore: string,
): boolean {
  // A count of people is a statistic only if the sentence says what happened to them
  // ("we picture two adults" is not); shares of people are statistics already.
  if (m.counted === 'people' && m.unit === 'count' && !PEOPLE_PREDICATE.test(sentence))
    return false;
  if ((own & TOPICAL) !== 0n) return true;
  if ((context & TOPICAL) === 0n) return false;
  // A sentence about another crime ("Shoplifting offences rose by 12.2%… to 17,416 cases")
  // does not take assault from the paragraph before it.
  if (OTHER_CRIME.test(sentence)) return false;
  return !namesOtherSubject(clauseBefore);
}

/** True when the words before a number name another thing it measures (tax, prices, a crowd). */
function namesOtherSubject(before: string): boolean {
  const list = before.match(WORDS) ?? [];
  return list.some((word, i) => {
    if (!OTHER_MEASURES.has(word.toLowerCase())) return false;
    // "council staff", "school pupils": a modifier of a counted noun, not a subject of its own.
    const next = list[i + 1];
    const cls = next ? nounClass(next) : undefined;
    return !(cls === 'people' || cls === 'resource' || cls === 'event');
  });
}

const LABEL_WORDS = new Set([
  'total',
  'overall',
  'figure',
  'number',
  'count',
  'so',
  'far',
  'there',
  'some',
  'about',
  'around',
  'almost',
  'nearly',
  'over',
  'more',
  'than',
  'under',
  'up',
  'to',
  'just',
  'roughly',
  'estimated',
  'approximately',
]);

/**
 * True when the words before a number (places and periods aside) name something of their
 * own: the title then does not speak for the number ("Herne Bay pier at 150").
 */
export function hasOwnSubject(before: string, cues: SentenceCues): boolean {
  let text = before;
  for (const p of [...cues.places, ...cues.periods]) {
    if (p.start < before.length)
      text =
        text.slice(0, p.start) +
        ' '.repeat(Math.min(p.end, before.length) - p.start) +
        text.slice(Math.min(p.end, before.length));
  }
  for (const word of text.match(WORDS) ?? []) {
    const lower = word.toLowerCase();
    if (PHRASE_STOP.has(lower) || LABEL_WORDS.has(lower)) continue;
    const cls = nounClass(lower);
    if (cls === 'event' || cls === 'people' || cls === 'resource') continue;
    return true;
  }
  return false;
}
