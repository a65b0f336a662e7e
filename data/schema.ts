/**
 * The dataset's schema. Every official figure the extension shows comes from a record
 * that passed these schemas and the integrity checks in `validate.ts`; the build and the
 * tests both run them, so a bad record never reaches a reader.
 *
 * Fields that a source document does not give stay empty strings: nothing is invented.
 */
import * as v from 'valibot';

const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)'),
);
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or empty when the document does not say. */
const partialDate = v.pipe(
  v.string(),
  v.regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or empty'),
);
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const optionalText = v.string();
const url = v.union(
  [v.literal(''), v.pipe(v.string(), v.url('must be a full URL or empty'))],
  'must be a full URL or empty',
);

export const SOURCE_KINDS = [
  'foi-response',
  'council-publication',
  'news-report',
  'policy',
  'official-statistics',
] as const;

export const SourceSchema = v.strictObject({
  id,
  title: text,
  /** Who published the document as received. */
  publisher: text,
  kind: v.picklist(SOURCE_KINDS),
  /** Date the document gives for itself; empty when it gives none. */
  date: partialDate,
  /** FOI number or similar, as written ("FOI 10974577"); empty when none. */
  reference: optionalText,
  url,
  contact: optionalText,
  /** True for a report of someone else's data (a news story about an FOI answer). */
  secondary: v.boolean(),
  /** Another place the same text was published, when that is known and the original's address is not. */
  republished: v.optional(v.strictObject({ publisher: text, date: partialDate, url })),
  /** What the document is, for readers browsing sources. */
  note: optionalText,
});

/**
 * Places are ids, not free text, so the engine can pre-filter on them. `kent` is the
 * county (Kent Police's or KCC's area, which may or may not include Medway as the source
 * says); `kent-and-medway` is the two together; districts are Kent's twelve.
 */
export const PLACES = [
  'uk',
  'england-and-wales',
  'kent',
  'medway',
  'kent-and-medway',
  'kmpt',
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
  // Police recorded crime is published by Community Safety Partnership, and Dartford and
  // Gravesham is one partnership for two districts; the force area is Kent Police's, which
  // includes Medway.
  'dartford-and-gravesham',
  'kent-police-area',
] as const;
export type Place = (typeof PLACES)[number];

export const UNITS = ['count', 'percent', 'per-1000'] as const;
export type Unit = (typeof UNITS)[number];

/** The time base of a count or rate when the source gives one ("per day", "each month"). */
export const TIME_BASES = ['', 'day', 'month', 'year'] as const;

/**
 * How the source words the value. `exact` is a plain number; the others widen the value's
 * interval as the verdict bands in `utils/engine/bands.ts` say.
 */
export const QUALIFIERS = ['exact', 'over', 'nearly', 'almost', 'estimate'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const PeriodSchema = v.strictObject({
  /** First year or day covered; empty when the source does not pin it down. */
  from: partialDate,
  /** Last year or day covered; empty when the source does not pin it down. */
  to: partialDate,
  /** The period as the source words it ("2021/22", "2025 (Up to 02/09/25)"); empty when it gives none. */
  label: optionalText,
});

export const FigureSchema = v.strictObject({
  id,
  sourceId: id,
  /** What is counted, in plain English, so a reader understands it without the source. */
  measure: text,
  /** Topic tags used to pre-filter candidates (e.g. `domestic-abuse`, `assault`, `staff`). */
  topics: v.pipe(v.array(id), v.minLength(1, 'needs at least one topic')),
  place: v.picklist(PLACES),
  period: PeriodSchema,
  value: v.pipe(v.number(), v.finite()),
  unit: v.picklist(UNITS),
  timeBase: v.picklist(TIME_BASES),
  /** For rates: the population the rate is per ("population", "population aged 16+"). */
  rateBase: optionalText,
  qualifier: v.picklist(QUALIFIERS),
  /** The qualifier's words as the source writes them ("over", "nearly", "estimates"); empty when exact. */
  qualifierText: optionalText,
  /** Who the source says produced the figure, when that is not its publisher. */
  producer: optionalText,
  /** The sentence or table row of the source that holds the number, word for word. */
  quote: text,
  /** The number exactly as the quote writes it ("11,485", "2.4 million", "Three quarters"). */
  valueText: text,
  /**
   * For a table source (a CSV file): the header of the column the value is in, as the file
   * writes it; the quote is then the figure's row exactly as written. Absent otherwise.
   */
  column: v.optional(text),
  /** Figures of one measure over several periods or places share a series id. */
  series: v.optional(
    v.strictObject({
      id,
      /** Short label of this point in the series ("2023", "Thanet", "Total"). */
      label: text,
      /** True for a point that sums the others, which a chart draws apart. */
      total: v.optional(v.boolean()),
    }),
  ),
});

export const NotHeldSchema = v.strictObject({
  id,
  sourceId: id,
  /** The body that says it does not hold the figure. */
  body: text,
  /** Place ids the statement is about. */
  place: v.picklist(PLACES),
  /** The figure it does not hold, in plain English. */
  measure: text,
  topics: v.pipe(v.array(id), v.minLength(1, 'needs at least one topic')),
  quote: text,
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type NotHeld = v.InferOutput<typeof NotHeldSchema>;
export type Period = v.InferOutput<typeof PeriodSchema>;

export interface Dataset {
  sources: Source[];
  figures: Figure[];
  notHeld: NotHeld[];
}
