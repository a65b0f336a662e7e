/**
 * Reports in and out of the store as files a reader takes away or brings back: every report
 * as CSV or JSON, and a JSON export merged back without duplicates.
 */
import * as v from 'valibot';
import {
  INDEX_KEY,
  byCreatedAt,
  indexValue,
  reportKey,
  serial,
  set,
  toEntry,
  type Items,
} from './area';
import { allNewestFirst, loadIndex, readValid } from './recovery';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  REPORT_KIND_LABELS,
  ReportSchema,
  type Report,
} from './schema';

export interface ImportResult {
  added: number;
  /** Already stored: same id, or same time, page URL and words. */
  skipped: number;
  /** Entries that are not reports (or a file that is not an export, counted as one). */
  invalid: number;
}

/** Every report, newest first, for the CSV and JSON exports. */
export function exportAll(): Promise<Report[]> {
  return serial(async () => (await readValid(await loadIndex(), allNewestFirst)).reports);
}

/** The entries of a JSON export (parsed or as text), or of a bare array; null for anything else. */
function exportedEntries(input: unknown): unknown[] | null {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const file = value as { format?: unknown; reports?: unknown };
  return file.format === EXPORT_FORMAT && Array.isArray(file.reports) ? file.reports : null;
}

const sameReportKey = (r: Report) => JSON.stringify([r.createdAt, r.page.url, r.claim.mention]);

/**
 * Merges a JSON export into the store without duplicates: same id, or the same time, page
 * URL and words as a report already stored (the same report under a new id, e.g. after each
 * browser migrated it separately). Never throws on bad input: what is not a report is counted `invalid`. All new
 * reports are written in one `set`, so a full quota adds none and loses none.
 */
export function importReports(input: unknown): Promise<ImportResult> {
  const entries = exportedEntries(input);
  if (entries === null) return Promise.resolve({ added: 0, skipped: 0, invalid: 1 });
  const candidates: Report[] = [];
  let invalidCount = 0;
  for (const entry of entries) {
    const parsed = v.safeParse(ReportSchema, entry);
    if (parsed.success) candidates.push(parsed.output);
    else invalidCount++;
  }
  return serial(async () => {
    const existing = await readValid(await loadIndex(), allNewestFirst);
    const ids = new Set(existing.entries.map((e) => e.id));
    const keys = new Set(existing.reports.map(sameReportKey));
    const added: Report[] = [];
    for (const r of candidates) {
      if (ids.has(r.id) || keys.has(sameReportKey(r))) continue;
      // Only ids are added here: two reports of one file made in the same millisecond about
      // the same words (a "page" and an "extension" report) are both the reader's.
      ids.add(r.id);
      added.push(r);
    }
    if (added.length > 0) {
      const writes: Items = {};
      for (const r of added) writes[reportKey(r.id)] = r;
      const merged = [...existing.entries, ...added.map(toEntry)].sort(byCreatedAt);
      writes[INDEX_KEY] = indexValue(merged);
      await set(writes);
    }
    return {
      added: added.length,
      skipped: candidates.length - added.length,
      invalid: invalidCount,
    };
  });
}

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
