/**
 * The measure axis: what a figure counts (its unit of counting: crimes, arrests, calls,
 * incidents, referrals, people, children…) and any restriction of that population ("known to
 * social services", "repeat victims"). Topic words say what a number is *about*; these say
 * what it *counts*, and two figures are one measure only when both agree. "328 arrests
 * related to a new offence called coercive control" counts arrests, whatever offence it names.
 */

/** What a figure counts. Crimes and offences are one thing; crimes and incidents are not. */
export type Counted =
  | 'crime'
  | 'incident'
  | 'call'
  | 'referral'
  | 'allegation'
  | 'arrest'
  | 'charge'
  | 'prosecution'
  | 'conviction'
  | 'caution'
  | 'offender'
  | 'people'
  | 'child'
  | 'household'
  | 'death';

/** Words that name what is counted. "Cases", "reports" and "complaints" are left out on purpose: they can mean crimes, incidents or referrals, so they prove nothing. */
const COUNTED_WORDS: ReadonlyArray<readonly [Counted, string]> = [
  ['crime', 'crime crimes offence offences offense offenses breach breaches'],
  ['incident', 'incident incidents assault assaults attack attacks occurrence occurrences times'],
  ['call', 'call calls'],
  ['referral', 'referral referrals notification notifications concern concerns'],
  ['allegation', 'allegation allegations'],
  ['arrest', 'arrest arrests'],
  ['charge', 'charge charges'],
  ['prosecution', 'prosecution prosecutions'],
  ['conviction', 'conviction convictions'],
  ['caution', 'caution cautions'],
  ['offender', 'perpetrators perpetrator offenders offender abusers abuser suspects suspect'],
  [
    'people',
    'people persons person victims victim survivors survivor women woman men man individuals adults adult residents',
  ],
  ['child', 'children child kids youngsters girls boys pupils'],
  ['household', 'households household families family'],
  ['death', 'deaths death murders murder homicides homicide killings killing rapes rape'],
];

const BY_WORD = new Map<string, Counted>();
for (const [id, list] of COUNTED_WORDS) for (const w of list.split(' ')) BY_WORD.set(w, id);

const WORD_RE = /\p{L}[\p{L}'’]*/gu;
/** The population of a rate is what it is per, not what it counts ("per 1,000 residents"). */
const RATE_BASE =
  /\b(?:per|for every|in every|out of every)\s+(?:[\d,.]+|one|a|ten|a hundred|one hundred)\s*(?:thousand|million)?\s+(?:head of\s+)?\p{L}+/giu;

/**
 * What a page says its number counts: the head noun of the number's own phrase when it names
 * a unit of counting, else the units the nearest text around it names (`scope`), and the
 * head word when it is a unit that could be several things ("cases", "reports").
 */
export interface CountedCue {
  head: Counted | null;
  scope: readonly Counted[];
  vague: string | null;
}

/** What a single (head) word counts, if it names a unit of counting. */
/**
 * Who a figure is about, not what it counts: "18 concerned the trust's own employees" counts
 * referrals about employees. And a rate's or share's population ("3% of the population").
 */
const NOT_UNITS = new Set(
  `staff workers worker nurses nurse employees employee officers officer teachers teacher
  colleagues patients patient population residents inhabitants`.split(/\s+/),
);

export function isNotUnit(word: string): boolean {
  return NOT_UNITS.has(word.toLowerCase());
}

export function countedOfWord(word: string): Counted | null {
  return BY_WORD.get(word.toLowerCase()) ?? null;
}

/**
 * "per" or "every", which a rate's population needs. Case-blind like RATE_BASE (no letter of
 * these has a non-ASCII case fold), so a text without them has no rate base to remove, and
 * most sentences skip a Unicode pattern that was half the cost of reading their units.
 * Every way RATE_BASE opens has an example in tests/unit/engine/pattern-hints.test.ts.
 */
const RATE_BASE_HINT = /per|every/i;

/** Every unit of counting named in `text`, in order of first appearance. */
export function countedIn(text: string): Counted[] {
  const out: Counted[] = [];
  const plain = RATE_BASE_HINT.test(text) ? text.replace(RATE_BASE, ' ') : text;
  for (const w of plain.match(WORD_RE) ?? []) {
    const c = BY_WORD.get(w.toLowerCase());
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

/**
 * What a dataset measure counts: the first unit of counting its plain-English text names
 * ("Share of domestic abuse incidents…" counts incidents; "Crimes of controlling and
 * coercive behaviour…" counts crimes). The population of a rate ("per 1,000 population") is
 * what it is per, not what it counts.
 */
export function recordCounted(measure: string): Counted | null {
  const core = measure
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bper 1,000 [\p{L} ,]*$/u, ' ')
    .replace(/^(?:share|average number|number|proportion|rate) of\s+/i, '');
  return countedIn(core)[0] ?? null;
}

/**
 * Two units of counting that name the same thing. A record of referrals made for alleged
 * abuse counts allegations as well; anything else must be the same unit.
 */
export function sameCounted(page: Counted, record: Counted, recordAlleges: boolean): boolean {
  return page === record || (recordAlleges && page === 'allegation' && record === 'referral');
}

/**
 * Restrictions of a population that make a figure another measure: a record of all
 * children living with domestic abuse is not a count of the children "known to social
 * services". Each pattern carries its reader-facing name.
 */
const RESTRICTIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ['known to services', /\bknown to\b/i],
  ['repeat', /\brepeat(?:ed)?\b/i],
  ['new cases', /\bnew (?:cases|referrals|victims|reports|offences|crimes)\b|\bfirst[- ]time\b/i],
  ['high-risk', /\bhigh[- ]risk\b/i],
  ['on a child protection plan', /\bchild protection (?:plans?|register)\b/i],
  ['in care', /\b(?:in care|looked[- ]after)\b/i],
  ['serious', /\bserious\b/i],
  ['with injury', /\bwith(?:out)? injury\b/i],
  ['referred to MARAC', /\bMARAC\b/],
  ['sent to court', /\bsent to court\b|\bwent to court\b|\bcourt\b/i],
  ['reported to police', /\breported to (?:the )?police\b/i],
  ['female', /\bfemale\b|\bwomen and girls\b/i],
  ['male', /\bmale\b/i],
  ['online', /\bonline\b/i],
];

/** The restrictions' names, for the test that gives an example of each. */
export const RESTRICTION_NAMES: readonly string[] = RESTRICTIONS.map(([name]) => name);

/**
 * Words one of which every restriction pattern needs, case aside: most texts name none, and
 * this one test costs about a sixth of running the fourteen patterns. A new restriction needs
 * its word here (tests/unit/engine/restrictions.test.ts reads an example of each).
 */
const RESTRICTION_HINT =
  /known to|repeat|new |first|high|child protection|in care|looked|serious|injury|marac|court|reported to|male|women and girls|online/i;

/** The population restrictions `text` names (their reader-facing names). */
export function restrictionsIn(text: string): string[] {
  const out: string[] = [];
  if (!RESTRICTION_HINT.test(text)) return out;
  for (const [name, re] of RESTRICTIONS) if (re.test(text)) out.push(name);
  return out;
}

/** Plural, reader-facing name of a unit of counting ("arrests", "children"). */
export const COUNTED_LABEL: Readonly<Record<Counted, string>> = {
  crime: 'crimes',
  incident: 'incidents',
  call: 'calls',
  referral: 'referrals',
  allegation: 'allegations',
  arrest: 'arrests',
  charge: 'charges',
  prosecution: 'prosecutions',
  conviction: 'convictions',
  caution: 'cautions',
  offender: 'offenders',
  people: 'people',
  child: 'children',
  household: 'households',
  death: 'deaths',
};
