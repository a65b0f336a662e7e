/**
 * The reader's reports, kept in `browser.storage.local`: never synced, never sent anywhere.
 *
 * Layout, chosen so 10,000 reports stay fast:
 * - `report:<id>` (WXT notation `local:report:<id>`): one key per report.
 * - `reports` (`local:reports`): the index `{ version, entries: [{ id, createdAt }] }`, oldest
 *   first.
 *
 * Why not one envelope `{ version, reports }`: every add, note edit or delete would rewrite,
 * and every popup opening would read and validate, the whole store (about 10 MB at 10,000
 * reports). With an index, the count reads one small key; a page of the list reads the index
 * and 50 reports; an add writes one report and the index in a single `set`, which the browser
 * applies all or nothing, so a full quota leaves everything as it was; a damaged report spoils
 * only itself. The index keeps `createdAt` so imported (older) reports sort into place
 * without reading every report.
 *
 * The schema version lives inside the index value, not in WXT's `$` metadata key, so the one
 * read that finds the store also decides whether to migrate it or set it aside. Version 0, a
 * plain array of flat reports under the same key, is migrated on first use.
 *
 * Nothing is silently dropped: a value that fails validation is copied, as found, into
 * `reports-backup-<ISO time>` with the reason; a notice under `reports-recovery` tells
 * whichever view opens next (`loadStatus`), since the damage may be found by a content script
 * the reader is not looking at; and the store carries on with every valid report.
 *
 * Calls are serialised across every extension page (popup, options, report page) by one
 * shared Web Lock (`serial` in area.ts), so two tabs importing or saving at the same moment
 * cannot lose each other's index entries. Where that lock is not shared (no Web Locks, a
 * Firefox private window), a lost race leaves at worst an unlisted report key, which
 * `reconcileReports` lists again the next time the options page opens.
 *
 * `browser.storage.local` is used directly (area.ts) rather than through `@wxt-dev/storage`, whose
 * `getItems` copies its key list once per key: quadratic for a 10,000-report export.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  INDEX_KEY,
  RECOVERY_KEY,
  REPORT_PREFIX,
  byCreatedAt,
  get,
  indexValue,
  newId,
  remove,
  reportKey,
  serial,
  set,
  toEntry,
} from './area';
import { REPORT_STORE_MESSAGES, ReportStoreError, invalid } from './errors';
import { loadIndex, readValid, reconcileIndex } from './recovery';
import {
  RecoveryNoticeSchema,
  REPORTS_SCHEMA_VERSION,
  ReportDraftSchema,
  type IndexEntry,
  type RecoveryNotice,
  type Report,
  type ReportDraft,
} from './schema';

/** Default page size of `listReports`: a screenful, so the list opens at once. */
export const REPORTS_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

export interface ReportPage {
  /** Newest first. */
  reports: Report[];
  /** All stored reports, for the pager. */
  total: number;
}

function wholeNumber(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

/** One page of reports, newest first. Reads the index and this page's reports only. */
export function listReports(
  options: { offset?: number; limit?: number } = {},
): Promise<ReportPage> {
  const offset = wholeNumber(options.offset, 0);
  const limit = Math.min(Math.max(wholeNumber(options.limit, REPORTS_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  return serial(async () => {
    const { entries, reports } = await readValid(await loadIndex(), (es) => {
      const end = Math.max(0, es.length - offset);
      return es
        .slice(Math.max(0, end - limit), end)
        .map((e) => e.id)
        .reverse();
    });
    return { reports, total: entries.length };
  });
}

/**
 * Lists again any stored report that dropped out of the index (see `reconcileIndex`) and
 * returns how many. The options page calls it once when it opens, before its first list.
 */
export function reconcileReports(): Promise<number> {
  return serial(async () => (await reconcileIndex(await loadIndex())).relisted);
}

/** How many reports are stored, from the index alone (the popup's count). */
export function countReports(): Promise<number> {
  return serial(async () => (await loadIndex()).length);
}

/**
 * Saves a report at once and returns it with its id and time. Throws `ReportStoreError`
 * `invalid` for a draft missing what the form requires, `quota` when storage is full (the
 * store is then exactly as it was).
 */
export function addReport(draft: ReportDraft): Promise<Report> {
  const parsed = v.safeParse(ReportDraftSchema, draft);
  if (!parsed.success) return Promise.reject(invalid(parsed.issues));
  const report: Report = { id: newId(), createdAt: new Date().toISOString(), ...parsed.output };
  return serial(async () => {
    const entries = await loadIndex();
    // Almost always the newest; a clock set back still lands in order.
    let at = entries.length;
    while (at > 0 && byCreatedAt(entries[at - 1]!, report) > 0) at--;
    entries.splice(at, 0, toEntry(report));
    await set({ [reportKey(report.id)]: report, [INDEX_KEY]: indexValue(entries) });
    return report;
  });
}

/** Replaces a report's note; throws `invalid` when the note is too long or the report is gone. */
export function updateNote(id: string, note: string): Promise<Report> {
  const parsed = v.safeParse(ReportDraftSchema.entries.note, note);
  if (!parsed.success) return Promise.reject(invalid(parsed.issues));
  return serial(async () => {
    const has = (es: IndexEntry[]) => es.some((e) => e.id === id);
    const { reports } = await readValid(await loadIndex(), (es) => (has(es) ? [id] : []));
    const report = reports[0];
    if (!report) throw new ReportStoreError('invalid', REPORT_STORE_MESSAGES.notFound);
    const updated: Report = { ...report, note: parsed.output };
    await set({ [reportKey(id)]: updated });
    return updated;
  });
}

/**
 * Deletes reports and returns how many were stored. The index is written first, so if the
 * removal is interrupted the reports are already gone from every list.
 */
export function deleteReports(ids: readonly string[]): Promise<number> {
  return serial(async () => {
    const entries = await loadIndex();
    const drop = new Set(ids);
    const kept = entries.filter((e) => !drop.has(e.id));
    if (kept.length === entries.length) return 0;
    await set({ [INDEX_KEY]: indexValue(kept) });
    await remove(entries.filter((e) => drop.has(e.id)).map((e) => reportKey(e.id)));
    return entries.length - kept.length;
  });
}

/**
 * Opens the store (migrating or repairing it if needed) and says whether a damaged store was
 * set aside, so the UI can tell the reader where the backup is. The notice stays until
 * `dismissRecovery`, because the repair may have happened in another view.
 */
export function loadStatus(): Promise<{ recovered?: RecoveryNotice }> {
  return serial(async () => {
    await loadIndex();
    const notice = v.safeParse(RecoveryNoticeSchema, (await get([RECOVERY_KEY]))[RECOVERY_KEY]);
    return notice.success ? { recovered: notice.output } : {};
  });
}

/** The reader has seen the notice. The backup itself is kept. */
export function dismissRecovery(): Promise<void> {
  return serial(() => remove([RECOVERY_KEY]));
}

type ChangeListener = Parameters<typeof browser.storage.onChanged.addListener>[0];

function countOf(index: unknown): number | null {
  if (index === undefined || index === null) return 0;
  if (typeof index !== 'object') return null;
  const { version, entries } = index as { version?: unknown; entries?: unknown };
  return version === REPORTS_SCHEMA_VERSION && Array.isArray(entries) ? entries.length : null;
}

/** Calls `cb` with the new count whenever any page adds, deletes or imports reports. */
export function watchReportCount(cb: (count: number) => void): () => void {
  const listener: ChangeListener = (changes, area) => {
    const change = area === 'local' ? changes[INDEX_KEY] : undefined;
    if (!change) return;
    const count = countOf(change.newValue);
    if (count !== null && count !== countOf(change.oldValue)) cb(count);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `cb` on any change to the reports (a note edited elsewhere too), to refresh a list. */
export function watchReports(cb: () => void): () => void {
  const listener: ChangeListener = (changes, area) => {
    if (area !== 'local') return;
    if (Object.keys(changes).some((k) => k === INDEX_KEY || k.startsWith(REPORT_PREFIX))) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
