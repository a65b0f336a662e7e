/**
 * Reports as files a reader takes away: CSV for a spreadsheet (cells a spreadsheet would run
 * as formulas are defused) and JSON that `importReports` reads back. Pure.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, REPORT_KIND_LABELS, type Report } from './schema';

// ---------------------------------------------------------------------------------------
// CSV

/** Column header and value of each CSV column, in order. Headers are for spreadsheet readers. */
const CSV_COLUMNS: ReadonlyArray<readonly [string, (r: Report) => string]> = [
  ['Reported at', (r) => r.createdAt],
  ['Kind', (r) => REPORT_KIND_LABELS[r.kind]],
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
