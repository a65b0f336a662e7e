/**
 * Turning reports into things a reader takes away: CSV and JSON files, a correction request
 * to e-mail or copy, and the draft a report form starts from.
 *
 * Pure functions with no extension API, so the popup, the options page, the content script's
 * card and the tests all share them. The store (`utils/storage/reports.ts`) depends on this
 * module for the export format and the field limits, never the other way round (only types
 * flow back), which keeps this file free of `browser`.
 */
import type { Claim, Verdict } from '@/utils/engine/types';
import type { Report, ReportDraft, ReportKind } from '@/utils/storage/reports';

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

/** Same wording as the card's verdict labels, so the e-mail says what the reader saw. */
const VERDICT_WORDS: Record<Verdict, string> = {
  match: 'Agrees with the official figure',
  mismatch: 'Differs from the official figure',
  'not-held': 'The body quoted says it holds no such figure',
  unverified: 'No official figure to check against',
};

/** The verdict the reader saw, in words; `null` is a figure the extension did not highlight. */
export function verdictWords(verdict: Verdict | null): string {
  return verdict === null
    ? 'Not highlighted (the extension missed this figure)'
    : VERDICT_WORDS[verdict];
}

// ---------------------------------------------------------------------------------------
// CSV

/** Column header and value of each CSV column, in order. Headers are for spreadsheet readers. */
const CSV_COLUMNS: ReadonlyArray<readonly [string, (r: Report) => string]> = [
  ['Reported at', (r) => r.createdAt],
  ['Kind', (r) => (r.kind === 'page' ? 'Page is wrong' : 'Extension is wrong')],
  ['Page title', (r) => r.page.title],
  ['Page URL', (r) => r.page.url],
  ['Words on the page', (r) => r.claim.mention],
  ['Sentence', (r) => r.claim.sentence],
  ['Verdict shown', (r) => (r.verdict === null ? '' : r.verdict)],
  ['Official figure', (r) => r.official?.display ?? ''],
  ['Place', (r) => r.official?.place ?? ''],
  ['Period', (r) => r.official?.period ?? ''],
  ['Record id', (r) => r.official?.recordId ?? ''],
  ['Source id', (r) => r.official?.source.id ?? ''],
  ['Source title', (r) => r.official?.source.title ?? ''],
  ['Publisher', (r) => r.official?.source.publisher ?? ''],
  ['Source date', (r) => r.official?.source.date ?? ''],
  ['Reference', (r) => r.official?.source.reference ?? ''],
  ['Source URL', (r) => r.official?.source.url ?? ''],
  ['Quote', (r) => r.official?.quote ?? ''],
  ['Note', (r) => r.note],
  ['Report id', (r) => r.id],
];

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): page text is written
 * by strangers, and "=HYPERLINK(...)" in a sentence must stay text. Tab and carriage return
 * are on OWASP's list too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: formula-guarded, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * RFC 4180 CSV: a header row, CRLF after every record. No byte-order mark: a caller saving a
 * file for Excel may prepend "\uFEFF" so it reads the text as UTF-8.
 */
export function reportsToCsv(reports: readonly Report[]): string {
  const lines = [CSV_COLUMNS.map(([header]) => csvCell(header)).join(',')];
  for (const report of reports)
    lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(report))).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

// ---------------------------------------------------------------------------------------
// JSON

/** The JSON export, the one file `importReports` reads back. */
export interface ReportsExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  reports: Report[];
}

/** Pretty-printed, so a reader (or a journalist receiving it) can read the file as it is. */
export function reportsToJson(reports: readonly Report[], now: Date = new Date()): string {
  const file: ReportsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    reports: [...reports],
  };
  return JSON.stringify(file, null, 2);
}

// ---------------------------------------------------------------------------------------
// Correction request

export interface CorrectionRequest {
  subject: string;
  body: string;
}

/** `label: value`, or nothing when the value is empty: the request never shows blank fields. */
function line(label: string, value: string): string[] {
  return value.trim() === '' ? [] : [`${label}: ${value}`];
}

/**
 * The correction request as plain text, the same for "Send" (e-mail) and "Copy as text".
 * It cites everything a reader of the e-mail needs to check the claim without the extension:
 * the page, the page's words and sentence, the verdict shown, the official figure with its
 * place and period, the source (title, publisher, date, reference, URL) and its exact words,
 * and the reader's note. Lines are "\n"; `mailtoUrl` converts them for mail clients.
 */
export function correctionRequest(report: Report): CorrectionRequest {
  const { page, claim, official } = report;
  const where = page.title.trim() || page.url;
  const subject =
    report.kind === 'page'
      ? `Correction request: "${claim.mention}" in "${where}"`
      : `Kent Stats Check got a figure wrong: "${claim.mention}" in "${where}"`;

  const intro =
    report.kind === 'page'
      ? 'I think a figure on this page does not match the official figure it describes.'
      : 'I think Kent Stats Check got this figure wrong (a wrong match, a wrong verdict or a figure it missed).';

  const officialLines = official
    ? [
        ...line(
          'Official figure',
          [official.display, [official.place, official.period].filter((s) => s.trim()).join(', ')]
            .filter((s) => s.trim())
            .join(' — '),
        ),
        ...line('Source', official.source.title),
        ...line('Publisher', official.source.publisher),
        ...line('Date', official.source.date),
        ...line('Reference', official.source.reference),
        ...line('Link', official.source.url),
        ...(official.quote.trim() ? [`The source says: "${official.quote}"`] : []),
      ]
    : ['No official figure was matched to this claim.'];

  const body = [
    'Hello,',
    '',
    intro,
    '',
    ...line('Page', page.title),
    ...line('Address', page.url),
    '',
    `The page says: "${claim.mention}"`,
    ...(claim.sentence.trim() ? [`In the sentence: "${claim.sentence}"`] : []),
    `Kent Stats Check showed: ${verdictWords(report.verdict)}`,
    '',
    ...officialLines,
    ...(report.note.trim() ? ['', 'My note:', report.note] : []),
    '',
    `Reported on ${report.createdAt.slice(0, 10)} with Kent Stats Check.`,
  ].join('\n');

  return { subject, body };
}

/**
 * One plain address, nothing a mail client could read as extra headers or recipients
 * (no "?", "&", ",", spaces). Deliberately narrower than RFC 5322: the options page can
 * use it to reject what `mailtoUrl` would refuse.
 */
const EMAIL =
  /^[A-Za-z0-9._'+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(address: string): boolean {
  return EMAIL.test(address.trim());
}

/**
 * A `mailto:` link that opens the reader's mail client with the request filled in; nothing
 * is sent until they press send there. Subject and body are percent-encoded and line breaks
 * become CRLF, as RFC 6068 asks. Returns '' when the address is not a valid one, so the UI
 * can offer "Copy as text" instead. Some mail clients cut very long links; "Copy as text"
 * is the fallback there too.
 */
export function mailtoUrl(address: string, report: Report): string {
  const to = address.trim();
  if (!isEmailAddress(to)) return '';
  const { subject, body } = correctionRequest(report);
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

// ---------------------------------------------------------------------------------------
// Drafts

/** What a report form starts from: a claim the engine produced (or the reader described). */
export interface DraftInput {
  /** `verdict: null` for a figure the extension missed (the reader typed or selected it). */
  claim: Pick<Claim, 'mention' | 'sentence' | 'official'> & { verdict: Verdict | null };
  page: { url: string; title: string };
  kind: ReportKind;
  note?: string;
}

/** Clips to a limit, marking the cut, so a draft always passes the store's validation. */
function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * Builds a report draft from the engine's claim, copying only the fields the report form
 * shows: the claim's words and sentence (no other page text), the verdict, and the official
 * figure with its source. Fields such as offsets, value and reason stay behind.
 */
export function draftFromClaim(input: DraftInput): ReportDraft {
  const { claim, page, kind } = input;
  const o = claim.official;
  const L = REPORT_LIMITS;
  return {
    kind,
    page: { url: clip(page.url, L.url), title: clip(page.title, L.label) },
    claim: { mention: clip(claim.mention, L.label), sentence: clip(claim.sentence, L.sentence) },
    verdict: claim.verdict,
    official: o
      ? {
          recordId: clip(o.recordId, L.label),
          display: clip(o.display, L.label),
          place: clip(o.place, L.label),
          period: clip(o.period, L.label),
          quote: clip(o.quote, L.quote),
          source: {
            id: clip(o.source.id, L.label),
            title: clip(o.source.title, L.label),
            publisher: clip(o.source.publisher, L.label),
            date: clip(o.source.date, L.label),
            reference: clip(o.source.reference, L.label),
            url: clip(o.source.url, L.url),
          },
        }
      : null,
    note: clip(input.note ?? '', L.note),
  };
}
