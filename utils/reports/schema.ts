/**
 * What a report is: its shape as stored and exported, the field limits, the kinds of report
 * and their words, and the shapes of the store's index and recovery notice. Pure (valibot
 * only), so every view, the background and the tests share one definition.
 */
import * as v from 'valibot';
import { VERDICTS } from '@/utils/verdicts';

/** Version of the stored layout; see `loadIndex` (recovery.ts) for how older ones are read. */
export const REPORTS_SCHEMA_VERSION = 1;

/** Names a JSON file as ours, so an import can refuse someone else's JSON outright. */
export const EXPORT_FORMAT = 'kent-stats-check-reports';
/**
 * Version of the export file. Its `reports` are the store's `Report` shape; bump this when
 * that shape changes, and teach `importReports` to read the older files.
 */
export const EXPORT_VERSION = 1;

/**
 * Longest text a report keeps, per field. A report holds the claim's sentence and nothing
 * more of the page; the caps make sure a run-on "sentence" (a page without full stops) or a
 * pasted essay cannot turn a report into a copy of the page, and keep 10,000 reports within
 * the browser's storage quota. The store validates against them; `draftFromClaim` clips to
 * them so a real claim never fails validation.
 */
export const REPORT_LIMITS = {
  /** Short labels: titles, places, periods, ids, publishers. */
  label: 500,
  url: 2048,
  sentence: 2000,
  quote: 2000,
  note: 5000,
} as const;

const L = REPORT_LIMITS;

/** "page": the page's figure differs from the official one. "extension": we got it wrong. */
export const REPORT_KINDS = ['page', 'extension'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Each kind in the reader's words, as the reports list and the CSV say them. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  page: 'The page is wrong',
  extension: 'The extension is wrong',
};

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const Uuid = v.pipe(v.string(), v.uuid());
/** Any ISO timestamp in, the `toISOString` form out: the index sorts by plain string order. */
const Timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => !Number.isNaN(Date.parse(s))),
  v.transform((s) => new Date(s).toISOString()),
);

/** The official figure and its source, as the card showed them. */
const OfficialSchema = v.object({
  recordId: text(L.label),
  display: required(L.label),
  place: text(L.label),
  period: text(L.label),
  quote: text(L.quote),
  source: v.object({
    id: text(L.label),
    title: text(L.label),
    publisher: text(L.label),
    date: text(L.label),
    reference: text(L.label),
    url: text(L.url),
  }),
});

/**
 * What the report form shows and nothing more. `v.object` drops unknown keys, so passing a
 * whole engine `Claim` (offsets, reason, value) or an imported file with extra fields
 * stores only these.
 */
export const ReportDraftSchema = v.object({
  kind: v.picklist(REPORT_KINDS),
  page: v.object({ url: text(L.url), title: text(L.label) }),
  claim: v.object({ mention: required(L.label), sentence: text(L.sentence) }),
  /** The verdict the reader saw; `null` for a figure the extension did not highlight. */
  verdict: v.nullable(v.picklist(VERDICTS)),
  /** `null` when no official figure was shown (unverified, not held, missed). */
  official: v.nullable(OfficialSchema),
  note: text(L.note),
});

export const ReportSchema = v.object({
  id: Uuid,
  createdAt: Timestamp,
  ...ReportDraftSchema.entries,
});

export type ReportDraft = v.InferOutput<typeof ReportDraftSchema>;
export type Report = v.InferOutput<typeof ReportSchema>;
export type ReportOfficial = NonNullable<Report['official']>;

/**
 * The index holds only times this store normalised itself, so it checks their exact form
 * instead of parsing dates: the index is validated on every call, 10,000 entries at a time.
 */
export const IndexEntrySchema = v.object({
  id: Uuid,
  createdAt: v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)),
});
export type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;
export const IndexSchema = v.object({
  version: v.literal(REPORTS_SCHEMA_VERSION),
  entries: v.array(IndexEntrySchema),
});

/**
 * Version 0, before versioning: a plain array under `reports` of flat objects, `time` in
 * milliseconds since 1970, every report about the page (there was no kind and no official
 * figure). A v0 `note` may be missing.
 */
export const V0ReportSchema = v.object({
  time: v.number(),
  url: v.string(),
  title: v.string(),
  mention: v.string(),
  sentence: v.string(),
  verdict: v.string(),
  note: v.optional(v.string(), ''),
});

export const RecoveryNoticeSchema = v.object({ backupKey: v.string(), reason: v.string() });
/** Where a damaged store went, and why, for the UI to tell the reader. */
export type RecoveryNotice = v.InferOutput<typeof RecoveryNoticeSchema>;
