/**
 * Measure concepts: the small vocabulary that says *what a number counts*. Both sides are
 * read with it: a dataset record's plain-English measure and topic tags, and the words
 * around a number on a page. Two figures are the same measure when they share the
 * concepts that distinguish records from one another (the kind of event, who it happened
 * to, the detail), not when they merely share a topic.
 *
 * Concepts have kinds because they are used differently:
 * - `topic`: the number is about assault or abuse at all (a claim needs one);
 * - `specific`: a kind of offence the dataset has no measure for (rape, stalking): a page
 *   figure about it can only be unverified;
 * - `event`: what is counted (crimes, calls, incidents, referrals, prosecutions);
 * - `victim`: who it happened to (staff, patients, children, teachers);
 * - `detail`: narrower distinctions (patient on patient, agency staff, child present).
 */

export type ConceptKind = 'topic' | 'specific' | 'event' | 'victim' | 'detail';

export interface ConceptDef {
  id: string;
  /** Lower-case fragments one of which any match contains: a cheap test before the pattern. */
  stems: readonly string[];
  kind: ConceptKind;
  re: RegExp;
}

const DEFS: ConceptDef[] = [
  {
    id: 'domestic',
    stems: ['domestic', 'da', 'intimate'],
    kind: 'topic',
    re: /\b[Dd]omestic\b|\bDA\b|\b[Ii]ntimate partner/,
  },
  {
    id: 'coercive',
    stems: ['coerci', 'controlling'],
    kind: 'topic',
    re: /\bcoerci|\bcontrolling\b/i,
  },
  {
    id: 'sexual',
    stems: ['sex', 'indecent'],
    kind: 'topic',
    re: /\bsexual|\bindecent|\bsex (?:offen|crime|abuse|attack|assault|exploit)/i,
  },
  {
    id: 'assault',
    stems: ['assault', 'attack', 'violen', 'punch', 'spat', 'hit', 'hurt', 'injur'],
    kind: 'topic',
    re: /\bassault|\battack|\bviolen|\bpunched|\bspat at|\bhit\b|\bhurt\b|\binjur/i,
  },
  // Neglect and cruelty are child abuse in safeguarding's own terms.
  {
    id: 'abuse',
    stems: ['abus', 'neglect', 'cruelty'],
    kind: 'topic',
    re: /\babus|\bneglect|\bcruelty\b/i,
  },
  { id: 'harassment', stems: ['harass'], kind: 'topic', re: /\bharass/i },
  { id: 'safeguarding', stems: ['safeguarding'], kind: 'topic', re: /\bsafeguarding\b/i },
  { id: 'rape', stems: ['rape'], kind: 'specific', re: /\brapes?\b/i },
  { id: 'stalking', stems: ['stalk'], kind: 'specific', re: /\bstalk/i },
  {
    id: 'knife',
    stems: ['knife', 'sharp', 'weapon'],
    kind: 'specific',
    re: /\bknife|\bsharp instrument|\bweapon/i,
  },
  {
    id: 'homicide',
    stems: ['murder', 'homicide', 'killed', 'manslaughter'],
    kind: 'specific',
    re: /\bmurder|\bhomicide|\bkilled\b|\bmanslaughter/i,
  },
  { id: 'marac', stems: ['marac'], kind: 'specific', re: /\bMARAC\b/ },
  { id: 'crime', stems: ['crime', 'offen'], kind: 'event', re: /\bcrimes?\b|\boffen[cs]es?\b/i },
  { id: 'call', stems: ['call'], kind: 'event', re: /\bcalls\b|\bcall-outs?\b/i },
  {
    id: 'incident',
    stems: ['incident', 'assaults', 'attacks'],
    kind: 'event',
    re: /\bincidents?\b|\bassaults\b|\battacks\b/i,
  },
  {
    id: 'referral',
    stems: ['referr', 'concerns'],
    kind: 'event',
    re: /\breferr(?:al|als|ed|ing)\b|\bconcerns\b/i,
  },
  {
    id: 'allegation',
    stems: ['alleg'],
    kind: 'detail',
    re: /\ballegations?\b|\balleg(?:ed|ing)\b/i,
  },
  { id: 'prosecution', stems: ['prosecut'], kind: 'event', re: /\bprosecut/i },
  {
    id: 'successful',
    stems: ['successful', 'convict'],
    kind: 'detail',
    re: /\bsuccessful(?:ly)?\b|\bconvict/i,
  },
  { id: 'charge', stems: ['charg'], kind: 'event', re: /\bcharged\b|\bcharges\b|\bcharging\b/i },
  { id: 'arrest', stems: ['arrest'], kind: 'event', re: /\barrest/i },
  {
    id: 'police-report',
    stems: ['police'],
    kind: 'detail',
    re: /\breported to (?:the )?police\b|\breports? to (?:the )?police\b/i,
  },
  { id: 'teacher', stems: ['teach'], kind: 'victim', re: /\bteach(?:ers?|ing staff)\b/i },
  {
    id: 'social-worker',
    stems: ['social'],
    kind: 'victim',
    re: /\bsocial (?:care )?(?:workers?|staff)\b/i,
  },
  {
    id: 'staff',
    stems: ['staff', 'employee', 'worker', 'nurse', 'colleague'],
    kind: 'victim',
    re: /\bstaff\b|\bemployees?\b|\bworkers?\b|\bnurses?\b|\bcolleagues\b/i,
  },
  { id: 'patient', stems: ['patient'], kind: 'victim', re: /\bpatients?\b/i },
  {
    id: 'child',
    stems: ['child', 'kids', 'under', 'young people'],
    kind: 'victim',
    re: /\bchild(?:ren)?(?:'s|’s)?\b|\bkids\b|\bunder-?18s\b|\byoung people\b/i,
  },
  {
    id: 'people',
    stems: ['people', 'person', 'adult', 'men', 'individual', 'victims'],
    kind: 'victim',
    re: /\bpeople\b|\bpersons\b|\badults\b|\bwomen\b|\bmen\b|\bindividuals\b|\bvictims\b/i,
  },
  {
    id: 'patient-on-patient',
    stems: ['patient'],
    kind: 'detail',
    re: /patient[- ]on[- ]patient|one patient on another|patients? on (?:other|another|fellow) patients?|between patients|by patients on (?:other )?patients/i,
  },
  {
    id: 'by-patient',
    stems: ['patient'],
    kind: 'detail',
    re: /\bby (?:a |one )?patients?\b|\bpatients? (?:assaulted|attacked|assaulting)\b/i,
  },
  { id: 'agency', stems: ['agency'], kind: 'detail', re: /\bagency\b/i },
  {
    // The trust's own staff as opposed to agency or other staff; "a member of KMPT staff"
    // alone only says whose staff, so it is not this distinction.
    id: 'kmpt-staff',
    stems: ['own', 'kmpt'],
    kind: 'detail',
    re: /\bagainst (?:the )?KMPT staff\b|\bKMPT employees\b|\b(?:trust(?:'s|’s)?|its|KMPT(?:'s|’s)?) own (?:staff|employees)\b/i,
  },
  {
    id: 'other-org',
    stems: ['other'],
    kind: 'detail',
    re: /\bother organisations?(?:'|’)?|\bother (?:NHS )?trusts\b|\bother professionals\b|\bother staff\b/i,
  },
  {
    id: 'any-staff',
    stems: ['staff'],
    kind: 'detail',
    re: /\b(?:any|all) staff\b|\bstaff of (?:any|some) kind\b|\ball (?:allegations )?against staff\b|\bstaff allegations\b/i,
  },
  { id: 'present', stems: ['present'], kind: 'detail', re: /\bpresent\b/i },
  { id: 'witness', stems: ['witness'], kind: 'detail', re: /\bwitness/i },
  {
    id: 'household',
    stems: ['household', 'home'],
    kind: 'detail',
    re: /\bhouseholds?\b|\bhomes? where\b/i,
  },
  {
    // The dataset's age band; another band ("under five") is another measure.
    id: 'under-11',
    stems: ['under', 'younger', 'below'],
    kind: 'detail',
    re: /\b(?:under|younger than|aged under|below the age of)(?:[\s-]+)(?:11|eleven)\b/i,
  },
  {
    id: 'other-age',
    stems: ['under', 'younger', 'below'],
    kind: 'detail',
    re: /\b(?:under|younger than|aged under|below the age of)(?:[\s-]+)(?!(?:11|eleven)\b)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)\b/i,
  },
  {
    id: 'affected',
    stems: ['affect', 'impact', 'touched', 'experienc', 'suffer'],
    kind: 'detail',
    re: /\baffect|\bimpact(?:s|ed|ing)\b|\btouched the lives|\bexperienc|\bsuffer/i,
  },
  { id: 'average', stems: ['averag'], kind: 'detail', re: /\baverag/i },
  // The police recorded crime categories: violence against the person holds violence with
  // and without injury (and homicide, stalking and harassment); each is its own measure.
  {
    id: 'with-injury',
    stems: ['injur', 'wound'],
    kind: 'detail',
    re: /\bwith (?:an )?injury\b|\bwounding\b/i,
  },
  { id: 'without-injury', stems: ['injur'], kind: 'detail', re: /\bwithout (?:an )?injury\b/i },
  {
    id: 'against-person',
    stems: ['against the person'],
    kind: 'detail',
    re: /\bviolence against the person\b/i,
  },
];

/**
 * Concept ids in a fixed order; a concept set is a bitmask over this list (a bigint, since
 * there are more than 32 concepts), so set operations on every candidate stay cheap.
 */
export type ConceptMask = bigint;
export const CONCEPT_IDS: readonly string[] = DEFS.map((d) => d.id);
const BIT = new Map(CONCEPT_IDS.map((id, i) => [id, 1n << BigInt(i)] as const));

export function bit(id: string): ConceptMask {
  return BIT.get(id) ?? 0n;
}

function maskOfKind(...kinds: ConceptKind[]): ConceptMask {
  let m = 0n;
  for (const d of DEFS) if (kinds.includes(d.kind)) m |= bit(d.id);
  return m;
}

/** Any assault or abuse word: a number with none of these in reach is not a claim. */
export const TOPICAL = maskOfKind('topic', 'specific');
export const SPECIFIC = maskOfKind('specific');

export const EVENTS = maskOfKind('event');
export const VICTIMS = maskOfKind('victim');
/** Concepts too general to tell records apart (every record about assault has "assault"). */
export const GENERIC =
  bit('assault') |
  bit('abuse') |
  bit('safeguarding') |
  bit('affected') |
  bit('average') |
  bit('harassment') |
  bit('allegation');

const OWN_STEM = new Map<string, number[]>();
DEFS.forEach((d, i) => {
  for (const stem of d.stems) OWN_STEM.set(stem, [...(OWN_STEM.get(stem) ?? []), i]);
});
/** Concept indexes by stem; a matched stem also stands for every stem inside it ("assaults" holds "assault"). */
const BY_STEM = new Map<string, number[]>();
{
  // Index loops over arrays, not destructured iterations of the map: this runs once, cold, in
  // the interpreter, as the checker loads on every Kent page (8,100 pairs; 4 ms in Chromium).
  const stems = [...OWN_STEM.keys()];
  const owners = [...OWN_STEM.values()];
  for (let a = 0; a < stems.length; a += 1) {
    const defs = new Set<number>();
    for (let b = 0; b < stems.length; b += 1)
      if (stems[a]!.includes(stems[b]!)) for (const i of owners[b]!) defs.add(i);
    BY_STEM.set(stems[a]!, [...defs]);
  }
}
/** Scratch marks of candidate concepts, reused by every call (the engine is synchronous). */
const CANDIDATE = new Uint8Array(DEFS.length);
const DEF_BITS: readonly ConceptMask[] = DEFS.map((d) => bit(d.id));
const RATE_BASE_HINT = /\b(?:per|every)\s/i;
const STEM_RE = new RegExp(
  [...BY_STEM.keys()]
    .sort((a, b) => b.length - a.length)
    .map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** The population of a rate ("per 1,000 people aged 16 and over") says what it is per, not who it counts. */
const RATE_BASE =
  /\b(?:per|for every|in every)\s+(?:1,000|1000|one thousand|a thousand|thousand)\s+(?:people|persons|residents|adults|population|inhabitants)\b(?:\s*\(?aged\s+\d+\s*(?:\+|(?:and|or)\s+(?:over|older|above))\)?)?/gi;

/** The concepts' definitions, read-only, for the tests that hold the hints to the patterns. */
export const CONCEPT_DEFS: ReadonlyArray<Readonly<ConceptDef>> = DEFS;

/**
 * The stems of the topic concepts, for `mayNameTopic`. Each of their patterns begins at a
 * word start with one of its concept's stems (tests/unit/engine/topic-hint.test.ts checks
 * this of every alternative). "da" is the one stem not kept: as a lower-case fragment it is in
 * nearly every text ("today"), and the pattern it stands for, "DA", is case-sensitive.
 */
const TOPIC_STEMS = DEFS.filter((d) => d.kind === 'topic' || d.kind === 'specific')
  .flatMap((d) => d.stems)
  .filter((stem) => stem !== 'da');
const TOPIC_HINT = new RegExp(String.raw`\b(?:${TOPIC_STEMS.join('|')})`, 'i');
const DA_HINT = /\bDA/;

/**
 * False when no text the engine reads from `text` can name assault or abuse: no claim can
 * come of it (a claim needs a `TOPICAL` concept), so a page whose title, headings and blocks
 * all answer false needs neither the engine's start-up nor a read. The engine reads parts of
 * a text cut at word boundaries (sentences, clauses, a number's noun phrase), asides replaced
 * by a space, some lower-cased: a topic pattern matching any of them matches at a word start
 * of the text, as written or lower-cased, from one of its stems. A cheap test, not a reading:
 * "white" and "Essex" do not pass it, "attacking midfielder" does.
 */
export function mayNameTopic(text: string): boolean {
  if (TOPIC_HINT.test(text) || DA_HINT.test(text)) return true;
  // Lower-casing can spell a stem the text does not: the Kelvin sign of "\u212Anife" reads "k".
  const lower = text.toLowerCase();
  return lower !== text && TOPIC_HINT.test(lower);
}

/** The concepts named in `text`, as a bitmask. */
export function conceptsOf(text: string): ConceptMask {
  let mask = 0n;
  const plain = RATE_BASE_HINT.test(text) ? text.replace(RATE_BASE, ' ') : text;
  // One pass finds which stems occur; only the concepts owning one are tested in full.
  const lower = plain.toLowerCase();
  CANDIDATE.fill(0);
  STEM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STEM_RE.exec(lower)) !== null)
    for (const i of BY_STEM.get(m[0]) ?? []) CANDIDATE[i] = 1;
  for (let i = 0; i < DEFS.length; i += 1)
    if (CANDIDATE[i] === 1 && DEFS[i]!.re.test(plain)) mask |= DEF_BITS[i]!;
  return mask;
}

/** Dataset topic tags mapped onto concepts, so tags and measure text speak one vocabulary. */
const TAG_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  assault: ['assault'],
  'staff-assault': ['staff', 'assault'],
  'patient-assault': ['patient-on-patient', 'assault'],
  'sexual-abuse': ['sexual', 'abuse'],
  'sexual-safety': ['sexual'],
  safeguarding: ['safeguarding'],
  referrals: ['referral'],
  'staff-allegations': ['staff', 'allegation'],
  'domestic-abuse': ['domestic'],
  crime: ['crime'],
  calls: ['call'],
  children: ['child'],
  'coercive-control': ['coercive'],
  incidents: ['incident'],
  victims: ['people'],
  'social-workers': ['social-worker'],
  teachers: ['teacher'],
  'police-reports': ['police-report'],
  prosecutions: ['prosecution'],
};

export function conceptsOfTags(tags: readonly string[]): ConceptMask {
  let mask = 0n;
  for (const tag of tags) for (const id of TAG_CONCEPTS[tag] ?? []) mask |= bit(id);
  return mask;
}

/** Every concept with its bit and kind, in a fixed order. */
export const CONCEPTS: ReadonlyArray<{ id: string; kind: ConceptKind; bit: ConceptMask }> =
  DEFS.map((d) => ({
    id: d.id,
    kind: d.kind,
    bit: bit(d.id),
  }));
