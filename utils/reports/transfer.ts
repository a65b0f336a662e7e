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
import { EXPORT_FORMAT, ReportSchema, type Report } from './schema';

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
