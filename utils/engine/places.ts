/**
 * Place cues: where a sentence says its figure is about. Places are matched as proper names
 * (case-sensitive: "Kent", not "kent" in a URL slug) and longest first, so "Kent and Medway
 * NHS and Social Care Partnership Trust" is the trust, not the county.
 *
 * Generic references ("the county", "the trust", "the district") are kept as such and
 * resolved against the page by `context.ts`: "the trust" means KMPT only on a page about KMPT.
 */
import type { Place } from '../../data/schema';

/** A covered place, or a place the product does not cover (Essex, "nationally"). */
export type PlaceId = Place | 'other';

/** Generic references resolved against the page rather than the lexicon. */
export type GenericPlace = 'county' | 'trust' | 'district' | 'force';

export interface PlaceMention {
  start: number;
  end: number;
  place: PlaceId | null;
  generic: GenericPlace | null;
  /** A body named as an actor ("calls to Kent Police"), weaker than a place named as a place. */
  agency: boolean;
  /** How narrow the place is: a district beats the county when a sentence names both. */
  specificity: number;
}

export const PLACE_LABELS: Readonly<Record<Place, string>> = {
  uk: 'UK',
  'england-and-wales': 'England and Wales',
  kent: 'Kent',
  medway: 'Medway',
  'kent-and-medway': 'Kent and Medway',
  kmpt: 'KMPT',
  ashford: 'Ashford',
  canterbury: 'Canterbury',
  dartford: 'Dartford',
  dover: 'Dover',
  'folkestone-and-hythe': 'Folkestone and Hythe',
  gravesham: 'Gravesham',
  maidstone: 'Maidstone',
  sevenoaks: 'Sevenoaks',
  swale: 'Swale',
  thanet: 'Thanet',
  'tonbridge-and-malling': 'Tonbridge and Malling',
  'tunbridge-wells': 'Tunbridge Wells',
  'dartford-and-gravesham': 'Dartford and Gravesham',
  'kent-police-area': 'Kent police force area, including Medway',
};

export const DISTRICTS: ReadonlySet<Place> = new Set<Place>([
  'ashford',
  'canterbury',
  'dartford',
  'dover',
  'folkestone-and-hythe',
  'gravesham',
  'maidstone',
  'sevenoaks',
  'swale',
  'thanet',
  'tonbridge-and-malling',
  'tunbridge-wells',
]);

/** Places inside Kent and Medway that the product covers (everything but the UK and "other"). */
export function isLocal(place: PlaceId | null): boolean {
  return place !== null && place !== 'uk' && place !== 'england-and-wales' && place !== 'other';
}

const SPECIFICITY = {
  other: 4,
  trust: 3.5,
  district: 3,
  medway: 2,
  county: 1,
  national: 0,
} as const;

interface Alias {
  pattern: string;
  place: PlaceId | null;
  generic?: GenericPlace;
  specificity: number;
  agency?: boolean;
}

const A = "(?:'s|’s)?";
const ALIASES: Alias[] = [
  {
    pattern: String.raw`Kent (?:and|&) Medway NHS (?:and|&) Social Care Partnership Trust`,
    place: 'kmpt',
    specificity: SPECIFICITY.trust,
  },
  { pattern: String.raw`KMPT`, place: 'kmpt', specificity: SPECIFICITY.trust },
  {
    pattern: String.raw`Kent(?: (?:and|&) Medway)?${A} (?:NHS )?mental health (?:trust|services|wards|hospitals?)`,
    place: 'kmpt',
    specificity: SPECIFICITY.trust,
  },
  {
    pattern: String.raw`(?:[Tt]he |[Aa] |Kent |county${A} )?(?:NHS )?[Mm]ental health trust${A}`,
    place: null,
    generic: 'trust',
    specificity: SPECIFICITY.trust,
  },
  {
    pattern: String.raw`[Tt]he trust${A}`,
    place: null,
    generic: 'trust',
    specificity: SPECIFICITY.trust,
  },
  {
    pattern: String.raw`Kent (?:and|&) Medway`,
    place: 'kent-and-medway',
    specificity: SPECIFICITY.county,
  },
  {
    // The police force area is Kent with Medway: only said outright is it this place.
    pattern: String.raw`Kent [Pp]olice(?: force)? area|[Tt]he Kent (?:police )?force area`,
    place: 'kent-police-area',
    specificity: SPECIFICITY.county,
  },
  {
    pattern: String.raw`Kent Police|Kent County Council|KCC|Kent Fire and Rescue(?: Service)?`,
    place: 'kent',
    specificity: SPECIFICITY.county,
    agency: true,
  },
  {
    pattern: String.raw`(?:East|West|North|South|Mid|mid) Kent|Kent`,
    place: 'kent',
    specificity: SPECIFICITY.county,
  },
  {
    pattern: String.raw`(?:[Tt]he |[Aa]cross the |[Tt]his )(?:whole |entire )?county${A}|[Cc]ountywide|[Cc]ounty-wide`,
    place: null,
    generic: 'county',
    specificity: SPECIFICITY.county,
  },
  {
    pattern: String.raw`[Tt]he force${A}`,
    place: null,
    generic: 'force',
    specificity: SPECIFICITY.county,
    agency: true,
  },
  {
    pattern: String.raw`[Tt]he (?:district|borough|isle)${A}`,
    place: null,
    generic: 'district',
    specificity: SPECIFICITY.district,
  },
  { pattern: String.raw`Medway`, place: 'medway', specificity: SPECIFICITY.medway },
  {
    pattern: String.raw`Folkestone (?:and|&) Hythe|Folkestone|Hythe`,
    place: 'folkestone-and-hythe',
    specificity: SPECIFICITY.district,
  },
  {
    pattern: String.raw`Tonbridge (?:and|&) Malling`,
    place: 'tonbridge-and-malling',
    specificity: SPECIFICITY.district,
  },
  {
    pattern: String.raw`(?:Royal )?Tunbridge Wells`,
    place: 'tunbridge-wells',
    specificity: SPECIFICITY.district,
  },
  { pattern: 'Ashford', place: 'ashford', specificity: SPECIFICITY.district },
  { pattern: 'Canterbury', place: 'canterbury', specificity: SPECIFICITY.district },
  // One Community Safety Partnership for two districts, named as one place.
  {
    pattern: String.raw`Dartford (?:and|&) Gravesham`,
    place: 'dartford-and-gravesham',
    specificity: SPECIFICITY.district,
  },
  { pattern: 'Dartford', place: 'dartford', specificity: SPECIFICITY.district },
  { pattern: 'Dover', place: 'dover', specificity: SPECIFICITY.district },
  { pattern: 'Gravesham', place: 'gravesham', specificity: SPECIFICITY.district },
  { pattern: 'Maidstone', place: 'maidstone', specificity: SPECIFICITY.district },
  { pattern: 'Sevenoaks', place: 'sevenoaks', specificity: SPECIFICITY.district },
  { pattern: 'Swale', place: 'swale', specificity: SPECIFICITY.district },
  { pattern: 'Thanet', place: 'thanet', specificity: SPECIFICITY.district },
  { pattern: String.raw`England (?:and|&) Wales`, place: 'other', specificity: SPECIFICITY.other },
  {
    pattern: String.raw`United Kingdom|UK|U\.K\.|(?:Great )?Britain`,
    place: 'uk',
    specificity: SPECIFICITY.national,
  },
  {
    // Places and scopes the product does not cover: a figure about them is never a Kent claim.
    pattern: String.raw`Essex|(?:East |West )?Sussex|Surrey|London(?:ers)?|Hampshire|Hertfordshire|Berkshire|Buckinghamshire|Oxfordshire|Cambridgeshire|Norfolk|Suffolk|Devon|Cornwall|Dorset|Wiltshire|Somerset|Gloucestershire|(?:North |South |West )?Yorkshire|Lancashire|Merseyside|Cheshire|Cumbria|Derbyshire|Nottinghamshire|Leicestershire|Lincolnshire|Northamptonshire|Warwickshire|Staffordshire|Shropshire|Herefordshire|Worcestershire|Northumberland|Durham|Bedfordshire|Manchester|Birmingham|Liverpool|Leeds|Sheffield|Bristol|Newcastle|Brighton|Southampton|Portsmouth|Southend|Croydon|Bromley|Bexley|Lincoln|Exeter|Metropolitan Police|the Met|(?:the )?South[- ]East(?! Coast)|England|Wales|Scotland|Northern Ireland|[Nn]ationally|[Nn]ationwide|(?<![Oo]ffice (?:[Ff]or|[Oo]f) )[Nn]ational (?:average|figures|data|statistics|picture)|[Aa]cross the country|the rest of the country`,
    place: 'other',
    specificity: SPECIFICITY.other,
  },
  {
    // Elsewhere in the world: peers' claims about other countries are not Kent claims,
    // whatever the page around them is about.
    pattern: String.raw`(?:the )?United States|America(?:ns?)?|US|U\.S\.|USA|India|Indian|Australia(?:n|ns)?|Canada|Canadian|New Zealand|Ireland|France|Germany|Spain|Italy|Pakistan|Bangladesh|Nigeria|South Africa|Brazil|Mexico|China|Japan|Russia|Honduras|El Salvador|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Chicago|Los Angeles|Houston|Philadelphia|Detroit|Baltimore|El Paso|Dallas|Atlanta|Miami|Delhi|Mumbai|Sydney|Melbourne|Toronto|Dublin|Paris|Berlin`,
    place: 'other',
    specificity: SPECIFICITY.other,
  },
];

/** One pass for all aliases: group i + 1 is ALIASES[i]; alternation order is priority order. */
const PLACE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${ALIASES.map((a) => `(${a.pattern})`).join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

/** Every place cue in `text`, left to right. */
export function scanPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  PLACE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_RE.exec(text)) !== null) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const alias = ALIASES[group];
    if (alias) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        place: alias.place,
        generic: alias.generic ?? null,
        specificity: alias.specificity,
        agency: alias.agency ?? false,
      });
    }
    if (m[0].length === 0) PLACE_RE.lastIndex += 1;
  }
  return out;
}
