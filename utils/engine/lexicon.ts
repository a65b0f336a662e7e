/**
 * Word lists for reading what a number counts. A statistic counts events (crimes, calls,
 * referrals) or people (victims, children); a number counting days, priorities, partners,
 * pages or goals is not a statistic whatever the sentence is about. Staff and officers are
 * counted both as victims ("214 social workers were assaulted") and as resources ("recruit
 * 300 officers"), so they are a class of their own, decided by the verb.
 */

export type NounClass =
  /** Events a statistic counts: crimes, calls, incidents, referrals. */
  | 'event'
  /** People a statistic counts: victims, children, households. */
  | 'people'
  /** Staff and officers: a statistic only when something happened to them. */
  | 'resource'
  /** Things that are never the statistic: days, priorities, partners, pages. */
  | 'non-stat';

const words = (s: string): string[] => s.trim().split(/\s+/);

const EVENT = words(`
  crime crimes offence offences offense offenses incident incidents assault assaults attack attacks
  call calls referral referrals allegation allegations case cases report reports complaint complaints
  arrest arrests charge charges prosecution prosecutions conviction convictions caution cautions
  rape rapes murder murders homicide homicides killing killings death deaths injury injuries
  occurrence occurrences instance instances notification notifications concern concerns episode
  crimes offences breaches breach
`);

const PEOPLE = words(`
  people persons person victim victims survivor survivors women woman men man girls boys children child
  kids adults adult youngsters households household families family patients patient pupils
  perpetrators offenders abusers suspects individuals population residents
`);

const RESOURCE = words(`
  officers officer staff workers worker nurses nurse teachers teacher employees employee doctors
  advisers advisors adviser counsellors handlers operators volunteers members member colleagues
  assistants managers paramedics carers personnel recruits detectives constables
`);

const NON_STAT = words(`
  year years month months week weeks day days hour hours minute minutes mins second seconds decade decades
  night nights term terms
  priority priorities commitment commitments pledge pledges promise promises point points step steps
  way ways area areas aim aims objective objectives goal goals action actions recommendation
  recommendations principle principles pillar pillars theme themes strand strands thing things
  question questions option options chapter chapters section sections
  partner partners partnership partnerships council councils organisation organisations
  organization organizations body bodies charity charities service services school schools hospital
  hospitals trust trusts borough boroughs district districts force forces department departments team
  teams university universities unit units ward wards bed beds site sites centre centres refuges
  page pages session sessions meeting meetings event events course courses mile miles metre metres
  kilometres feet yards pound pounds pence home homes house houses hut huts shop shops store stores
  visitor visitors follower followers thought thoughts comment comments vote votes seat seats
  councillor councillors job jobs post posts role roles vacancy vacancies place places space spaces
  room rooms language languages word words lap laps run runs wicket wickets match matches game games
  star stars award awards candle candles egg eggs gram grams tin tins cup cups serving servings
  slice slices inch inches litre litres tonne tonnes acre acres lesson lessons exam exams student
  students reader readers fan fans runner runners ticket tickets stall stalls bay bays lorry lorries
  car cars vehicle vehicles bus buses train trains flight flights sailing sailings departure departures
  shot shots copy copies policy policies plan plans strategy strategies chart charts application
  applications appointment appointments camera cameras account accounts deer library libraries
  abstentions degrees calories tsp tbsp shares likes views photos videos times percent
  junction junctions lane lanes bays drivers
  tax taxes budget budgets spending funding price prices salary salaries wage wages rent rents fare
  fares fee fees crowd attendance turnout possession temperature speed inflation growth
`);

const CLASS = new Map<string, NounClass>();
for (const w of NON_STAT) CLASS.set(w, 'non-stat');
for (const w of RESOURCE) CLASS.set(w, 'resource');
for (const w of PEOPLE) CLASS.set(w, 'people');
for (const w of EVENT) CLASS.set(w, 'event');

export function nounClass(word: string): NounClass | undefined {
  return CLASS.get(word.toLowerCase());
}

/**
 * Words that end the noun phrase after a number: prepositions, auxiliaries, determiners,
 * conjunctions and the like. "11,485 incidents in which…" → the phrase is "incidents".
 */
export const PHRASE_STOP = new Set(
  words(`
    of in on at by for from to with within without into onto over under across during since between
    among against per than as via about around after before until till up down off
    was were is are be been being have has had will would could can may might must shall should do does did
    that which who whom whose where when while whereas and or but nor so yet because although though if
    the a an this these those that its their his her our your my it they them we he she you i
    compared including such not no only just also still already ever never again each every last next previous
    said says say told according
  `),
);

/** Words that make "staff"/"officers" the victims of the statistic rather than a resource. */
export const HARMED =
  /\b(?:assault(?:ed|s)?|attack(?:ed|s)?|abused|harass(?:ed|ment)|hurt|injur(?:ed|ies)|punched|spat at|threatened|victims?|physically|sexual(?:ly)?|alleg(?:ed|ations?)|subject of|referrals?|prosecut\w*|hit\b)/i;

/** Verbs and words that make a count of staff a resource ("recruit 300 officers"). */
export const RESOURCING =
  /\b(?:recruit\w*|hir(?:e|ed|es|ing)|employ\w*|train(?:ed|ing|s)?|fund(?:ed|ing|s)?|extra|additional|new|more|further|represents?|post(?:ed)?|deploy\w*|attended by)\b/i;

/**
 * Things whose amount a number can be even on a page about abuse: when one of these is named
 * before a bare number ("Council tax to rise by 3.99%", "A crowd of 6,213"), the number is
 * about it, not about the topic of the surrounding text.
 */
export const OTHER_MEASURES = new Set(
  words(`
    tax taxes budget budgets spending funding price prices salary salaries wage wages rent rents fare fares
    fee fees crowd attendance turnout possession temperature speed inflation growth appointment appointments
    vote votes score scores point points goal goals ticket tickets visitor visitors sale sales profit profits
    revenue cost costs job jobs post posts home homes house houses runner runners student students reader
    readers follower followers rating ratings mile miles shop shops population
  `),
);
