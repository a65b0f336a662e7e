/** What a number counts: the head of its noun phrase, else the units of counting named around and before it. */
import type { SentenceCues } from './cues';
import type { SentenceRecord } from './context-record';
import { countedOfWord, isNotUnit, type Counted, type CountedCue } from './measure';
import type { Mention } from './quantities';

/**
 * What a number counts: the head of its own noun phrase ("328 arrests"), and — for a number
 * without one ("Thanet logged the most (401)") — the units of counting named by the first of
 * its clause, its sentence and the sentences before it that names any. A group of victims as
 * head ("18 concerned the trust's own staff") says who, not what is counted, so it defers to
 * the words around it.
 */
export function countedOf(
  m: Mention,
  previous: Mention | undefined,
  near: readonly string[],
  before: readonly string[],
  unitsIn: (text: string) => readonly Counted[],
): CountedCue {
  if (m.nounPhrase && (m.counted === 'event' || m.counted === 'people')) {
    const word = lastWord(m.nounPhrase);
    const head = countedOfWord(word);
    const rateBase = m.unit !== 'count' && word === 'people';
    if (head && !rateBase) return { head, scope: [head], vague: null };
    if (!head && !isNotUnit(word)) return { head: null, scope: [], vague: word };
  }
  // "18 of those": the number counts what the number before it counted.
  if ((m.anaphoric || m.counted === 'anaphoric') && previous?.nounPhrase) {
    const head = countedOfWord(lastWord(previous.nounPhrase));
    if (head) return { head: null, scope: [head], vague: null };
  }
  // The number's own words first, then the nearest earlier text that names a unit (a list
  // item "2023: 1" takes it from its heading): a locative unit in the clause ("live in a
  // household") does not hide the one the paragraph counts.
  const scope: Counted[] = [];
  for (const text of near) addNew(scope, unitsIn(text));
  for (const text of before) {
    const found = unitsIn(text);
    if (found.length === 0) continue;
    addNew(scope, found);
    break;
  }
  return { head: null, scope, vague: null };
}

/** The word after a phrase's last space (its head): every claim reads it, and splitting cost more. */
function lastWord(phrase: string): string {
  return phrase.slice(phrase.lastIndexOf(' ') + 1);
}

/** Appends the units not in `scope` yet, in order (a handful at most, so a list beats a set). */
function addNew(scope: Counted[], units: readonly Counted[]): void {
  for (const c of units) if (!scope.includes(c)) scope.push(c);
}

/**
 * Earlier text a bare number may take its unit from: a few sentences back, the section
 * heading, then the page's headline ("Breaking down KMPT's sexual safety referrals" over a
 * list of "2023: 1" items).
 */
export function contextTexts(
  walk: readonly SentenceRecord[],
  title: SentenceCues | null,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < walk.length && i < 6; i += 1) out.push(walk[i]!.sentence.text);
  const heading = walk.find((r) => r.heading);
  if (heading) out.push(heading.sentence.text);
  if (title) out.push(title.text);
  return out;
}
