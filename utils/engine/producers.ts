/**
 * The producer axis: who the page says counted a figure. Where a page names a body as the
 * figure's source ("according to the Home Office", "Kent Police figures", "recorded by
 * KMPT"), that body must be the record's producer or its publisher; a figure the
 * Children's Commissioner estimated is not one Kent Police recorded.
 */

export type Body =
  | 'kent-police'
  | 'kmpt'
  | 'kcc'
  | 'medway-council'
  | 'childrens-commissioner'
  | 'home-office'
  | 'ons'
  | 'nspcc'
  | 'cps'
  | 'moj'
  | 'nhs-england'
  | 'hmicfrs'
  | 'pcc'
  | 'canterbury-hub'
  | 'charity'
  | 'union';

const BODIES: ReadonlyArray<readonly [Body, string, string]> = [
  ['kent-police', 'Kent Police', String.raw`Kent Police|the force`],
  [
    'kmpt',
    'KMPT',
    String.raw`KMPT|Kent (?:and|&) Medway NHS (?:and|&) Social Care Partnership Trust|the trust`,
  ],
  ['kcc', 'Kent County Council', String.raw`Kent County Council|KCC|the county council`],
  ['medway-council', 'Medway Council', String.raw`Medway Council`],
  [
    'childrens-commissioner',
    "the Children's Commissioner",
    String.raw`Children(?:'s|’s) Commissioner`,
  ],
  ['home-office', 'the Home Office', String.raw`Home Office`],
  [
    'ons',
    'the ONS',
    String.raw`Office for National Statistics|ONS|Crime Survey for England and Wales|CSEW`,
  ],
  ['nspcc', 'the NSPCC', String.raw`NSPCC`],
  ['cps', 'the CPS', String.raw`Crown Prosecution Service|CPS`],
  ['moj', 'the Ministry of Justice', String.raw`Ministry of Justice|MoJ`],
  ['nhs-england', 'NHS England', String.raw`NHS England|NHS Digital`],
  ['hmicfrs', 'HMICFRS', String.raw`HMICFRS|HM Inspectorate of Constabulary`],
  [
    'pcc',
    'the Police and Crime Commissioner',
    String.raw`Police and Crime Commissioner|PCC|commissioner(?:'s|’s)? office`,
  ],
  ['canterbury-hub', 'The Canterbury Hub', String.raw`Canterbury Hub`],
  [
    'charity',
    'a charity',
    String.raw`Women(?:'s|’s) Aid|Refuge|SafeLives|Rape Crisis|Victim Support|charity`,
  ],
  [
    'union',
    'a union',
    String.raw`NASUWT|NEU|National Education Union|Unison|GMB|RCN|Royal College of Nursing|union`,
  ],
];

const BODY_NAMES = BODIES.map(([, , re]) => `(${re})`).join('|');
/** A body in a source role: "according to X", "X figures", "figures from X", "X said", "recorded by X". */
const SOURCE_ROLE = new RegExp(
  String.raw`\b(?:according to|figures (?:from|by|released by|published by|obtained from)|data (?:from|by|released by|published by|obtained from)|statistics from|obtained from|released by|published by|compiled by|recorded by|estimated by|analysis by|research by|request to|FOI to|estimates from)\s+(?:the\s+)?(?:${BODY_NAMES})|\b(?:${BODY_NAMES})(?:'s|’s)?\s+(?:own\s+|latest\s+|new\s+|official\s+)?(?:figures|data|statistics|records|numbers|analysis|research|estimates?|report|survey)\b|\b(?:${BODY_NAMES})\s+(?:said|says|recorded|records|logged|estimated|estimates|found|revealed|reported|published|released|received|made)\b`,
  'gi',
);

/**
 * A body's name at a word's start: every source role names one there, and this test alone
 * costs a fraction of the role patterns, which most sentences fail.
 */
const BODY_HINT = new RegExp(
  String.raw`\b(?:${BODIES.map(([, , re]) => `(?:${re})`).join('|')})`,
  'i',
);

/** The bodies `sentence` names as the source of its figures. */
export function producersIn(sentence: string): Body[] {
  const out: Body[] = [];
  if (!BODY_HINT.test(sentence)) return out;
  SOURCE_ROLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SOURCE_ROLE.exec(sentence)) !== null) {
    // Groups come in BODIES order, three times over (before, possessive, verb).
    for (let g = 1; g < m.length; g += 1) {
      if (m[g] === undefined) continue;
      const body = BODIES[(g - 1) % BODIES.length]![0];
      if (!out.includes(body)) out.push(body);
    }
  }
  return out;
}

const NAME_RES: ReadonlyArray<readonly [Body, RegExp]> = BODIES.map(
  ([id, , re]) => [id, new RegExp(String.raw`\b(?:${re})\b`, 'i')] as const,
);

/** The bodies a dataset text (a producer or publisher name) is. */
export function bodiesNamed(name: string): Body[] {
  return NAME_RES.filter(([, re]) => re.test(name)).map(([id]) => id);
}

export const BODY_LABEL: Readonly<Record<Body, string>> = Object.fromEntries(
  BODIES.map(([id, label]) => [id, label]),
) as Record<Body, string>;
