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
 * Calls are serialised within one page (popup, options, content script) so two quick clicks
 * cannot lose an index entry. Across pages the index's read-modify-write is brief; a lost
 * race leaves at worst an unlisted report key, which an index rebuild picks up again.
 *
 * `browser.storage.local` is used directly rather than through `@wxt-dev/storage`, whose
 * `getItems` copies its key list once per key: quadratic for a 10,000-report export.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Verdict } from '@/utils/engine/types';
import { EXPORT_FORMAT, REPORT_LIMITS as L } from '@/utils/reports-format';

/** Version of the stored layout; see `loadIndex` for how older ones are read. */
export const REPORTS_SCHEMA_VERSION = 1;
/** Default page size of `listReports`: a screenful, so the list opens at once. */
export const REPORTS_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

const INDEX_KEY = 'reports';
const REPORT_PREFIX = 'report:';
const BACKUP_PREFIX = 'reports-backup-';
const RECOVERY_KEY = 'reports-recovery';

// ---------------------------------------------------------------------------------------
// Schemas

const VERDICT_NAMES: Record<Verdict, true> = {
  match: true,
  mismatch: true,
  'not-held': true,
  unverified: true,
};
const VERDICTS = Object.keys(VERDICT_NAMES) as Verdict[];

/** "page": the page's figure differs from the official one. "extension": we got it wrong. */
export const REPORT_KINDS = ['page', 'extension'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

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
const IndexEntrySchema = v.object({
  id: Uuid,
  createdAt: v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)),
});
type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;
const IndexSchema = v.object({
  version: v.literal(REPORTS_SCHEMA_VERSION),
  entries: v.array(IndexEntrySchema),
});

/**
 * Version 0, before versioning: a plain array under `reports` of flat objects, `time` in
 * milliseconds since 1970, every report about the page (there was no kind and no official
 * figure). A v0 `note` may be missing.
 */
const V0ReportSchema = v.object({
  time: v.number(),
  url: v.string(),
  title: v.string(),
  mention: v.string(),
  sentence: v.string(),
  verdict: v.string(),
  note: v.optional(v.string(), ''),
});

const RecoveryNoticeSchema = v.object({ backupKey: v.string(), reason: v.string() });
/** Where a damaged store went, and why, for the UI to tell the reader. */
export type RecoveryNotice = v.InferOutput<typeof RecoveryNoticeSchema>;

// ---------------------------------------------------------------------------------------
// Errors

/**
 * `quota`: storage is full, nothing was changed. `corrupt`: the browser could not read the
 * store at all (a damaged but readable store is repaired instead, see `loadStatus`).
 * `invalid`: the draft, note or report id was not acceptable; nothing was changed.
 */
export type ReportStoreErrorCode = 'quota' | 'corrupt' | 'invalid';

/** Messages a reader understands; the UI shows `error.message` as it is. */
export const REPORT_STORE_MESSAGES = {
  quota:
    "Your browser's storage for Kent Stats Check is full. Export and delete some reports, then try again. Nothing was lost.",
  unreadable:
    'Kent Stats Check could not read your saved reports just now. Nothing was changed. Close this page and try again.',
  notFound: 'This report no longer exists. It may have been deleted in another window.',
} as const;

/** The errors the UI must show. Anything else thrown is a bug, not a reader's problem. */
export class ReportStoreError extends Error {
  override readonly name = 'ReportStoreError';
  readonly code: ReportStoreErrorCode;
  constructor(code: ReportStoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a `QuotaExceededError`. */
function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

function invalid(issues: readonly v.BaseIssue<unknown>[]): ReportStoreError {
  const fields = [...new Set(issues.map((i) => v.getDotPath(i) ?? 'report'))].join(', ');
  return new ReportStoreError(
    'invalid',
    `This report was not saved: some of its details are missing or too long (${fields}).`,
  );
}

// ---------------------------------------------------------------------------------------
// Storage primitives

type Items = Record<string, unknown>;

async function get(keys: string[] | null): Promise<Items> {
  try {
    return (await browser.storage.local.get(keys)) as Items;
  } catch (cause) {
    throw new ReportStoreError('corrupt', REPORT_STORE_MESSAGES.unreadable, { cause });
  }
}

/** One `set`: all or nothing, so a full quota changes nothing already stored. */
async function set(items: Items): Promise<void> {
  try {
    await browser.storage.local.set(items);
  } catch (cause) {
    if (isQuotaError(cause)) {
      throw new ReportStoreError('quota', REPORT_STORE_MESSAGES.quota, { cause });
    }
    throw cause;
  }
}

async function remove(keys: string[]): Promise<void> {
  if (keys.length > 0) await browser.storage.local.remove(keys);
}

const reportKey = (id: string) => `${REPORT_PREFIX}${id}`;
const indexValue = (entries: readonly IndexEntry[]) => ({
  version: REPORTS_SCHEMA_VERSION,
  entries,
});
const toEntry = (r: Report): IndexEntry => ({ id: r.id, createdAt: r.createdAt });
/**
 * Oldest first; reports of the same millisecond by id, so the order is total and an export
 * imported elsewhere lists exactly as it did here.
 */
function byCreatedAt(a: IndexEntry, b: IndexEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

let tail: Promise<unknown> = Promise.resolve();
/** Runs store operations of this page one at a time, so none reads an index another is writing. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task);
  tail = run.catch(() => undefined);
  return run;
}

/** crypto.randomUUID is missing where a content script runs on an http:// page. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------------------
// Recovery and migration

const REASONS = {
  damaged:
    'Your list of saved reports was damaged. It was set aside, and every report that could still be read was kept.',
  newer:
    'Your saved reports were written by a newer version of Kent Stats Check. They were set aside so this version can keep working.',
  damagedReports: 'Some saved reports were damaged and could not be read. They were set aside.',
  v0: 'Some reports saved by an older version could not be converted. The old list was set aside.',
} as const;

interface Backup {
  reason: string;
  /** The `reports` value as found, when that was the damaged part. */
  store?: unknown;
  /** Damaged report values as found, by storage key. */
  reports?: Items;
}

async function freeBackupKey(now: Date): Promise<string> {
  const base = `${BACKUP_PREFIX}${now.toISOString()}`;
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if ((await get([key]))[key] === undefined) return key;
  }
}

/**
 * Copies damaged values into a backup key, in the same `set` as the repaired store and the
 * notice, and only then removes damaged report keys: if the backup cannot be written (a
 * full quota), nothing has changed.
 */
async function setAside(backup: Backup, repaired: Items): Promise<void> {
  const now = new Date();
  const backupKey = await freeBackupKey(now);
  const notice: RecoveryNotice = { backupKey, reason: backup.reason };
  await set({
    ...repaired,
    [backupKey]: { ...backup, setAsideAt: now.toISOString() },
    [RECOVERY_KEY]: notice,
  });
  await remove(Object.keys(backup.reports ?? {}));
}

/** Rebuilds the index from the report keys after the index itself was found damaged. */
async function rebuildIndex(raw: unknown): Promise<IndexEntry[]> {
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : null;
  const reason =
    typeof version === 'number' && version > REPORTS_SCHEMA_VERSION
      ? REASONS.newer
      : REASONS.damaged;
  const entries: IndexEntry[] = [];
  const bad: Items = {};
  for (const [key, value] of Object.entries(await get(null))) {
    if (!key.startsWith(REPORT_PREFIX)) continue;
    const parsed = v.safeParse(ReportSchema, value);
    if (parsed.success && reportKey(parsed.output.id) === key) entries.push(toEntry(parsed.output));
    else bad[key] = value;
  }
  entries.sort(byCreatedAt);
  const backup: Backup = { reason, store: raw };
  if (Object.keys(bad).length > 0) backup.reports = bad;
  await setAside(backup, { [INDEX_KEY]: indexValue(entries) });
  return entries;
}

function fromV0(item: unknown): Report | null {
  const old = v.safeParse(V0ReportSchema, item);
  if (!old.success) return null;
  const time = new Date(old.output.time);
  if (Number.isNaN(time.getTime())) return null;
  const { url, title, mention, sentence, verdict, note } = old.output;
  const report = v.safeParse(ReportSchema, {
    id: newId(),
    createdAt: time.toISOString(),
    kind: 'page',
    page: { url, title },
    claim: { mention, sentence },
    verdict: (VERDICTS as string[]).includes(verdict) ? verdict : null,
    official: null,
    note,
  });
  return report.success ? report.output : null;
}

/** v0 → v1 in one `set`; when any old entry cannot be read, the whole old array is backed up. */
async function migrateFromV0(raw: unknown[]): Promise<IndexEntry[]> {
  const reports: Report[] = [];
  for (const item of raw) {
    const report = fromV0(item);
    if (report) reports.push(report);
  }
  const entries = reports.map(toEntry).sort(byCreatedAt);
  const writes: Items = { [INDEX_KEY]: indexValue(entries) };
  for (const r of reports) writes[reportKey(r.id)] = r;
  if (reports.length < raw.length) await setAside({ reason: REASONS.v0, store: raw }, writes);
  else await set(writes);
  return entries;
}

/**
 * Reads the index, migrating or repairing it first when needed. Every operation starts here,
 * so a store damaged by anything (another version, a sync tool, a disk error) is set aside
 * by the first view that touches it, and new reports still save.
 */
async function loadIndex(): Promise<IndexEntry[]> {
  const raw = (await get([INDEX_KEY]))[INDEX_KEY];
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return migrateFromV0(raw);
  const parsed = v.safeParse(IndexSchema, raw);
  if (!parsed.success) return rebuildIndex(raw);
  const seen = new Set<string>();
  return parsed.output.entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
}

interface ReadResult {
  reports: Report[];
  /** Listed in the index but not stored (deleted by another page mid-way). */
  missing: string[];
  bad: Array<{ id: string; value: unknown }>;
}

async function readReports(ids: readonly string[]): Promise<ReadResult> {
  const result: ReadResult = { reports: [], missing: [], bad: [] };
  if (ids.length === 0) return result;
  const items = await get(ids.map(reportKey));
  for (const id of ids) {
    const value = items[reportKey(id)];
    if (value === undefined || value === null) {
      result.missing.push(id);
      continue;
    }
    const parsed = v.safeParse(ReportSchema, value);
    if (parsed.success && parsed.output.id === id) result.reports.push(parsed.output);
    else result.bad.push({ id, value });
  }
  return result;
}

/**
 * Reads the reports `pick` chooses from the index. Damaged ones are taken out of the index
 * and the pick runs again, so a page of the list is always full; then everything damaged is
 * set aside in one backup, in the same write as the repaired index.
 */
async function readValid(
  start: IndexEntry[],
  pick: (entries: IndexEntry[]) => string[],
): Promise<{ entries: IndexEntry[]; reports: Report[] }> {
  let entries = start;
  const bad: Items = {};
  let repaired = false;
  for (;;) {
    const read = await readReports(pick(entries));
    if (read.missing.length === 0 && read.bad.length === 0) {
      if (repaired) {
        const index = { [INDEX_KEY]: indexValue(entries) };
        if (Object.keys(bad).length === 0) await set(index);
        else await setAside({ reason: REASONS.damagedReports, reports: bad }, index);
      }
      return { entries, reports: read.reports };
    }
    for (const b of read.bad) bad[reportKey(b.id)] = b.value;
    const gone = new Set([...read.missing, ...read.bad.map((b) => b.id)]);
    entries = entries.filter((e) => !gone.has(e.id));
    repaired = true;
  }
}

const allNewestFirst = (entries: IndexEntry[]) => entries.map((e) => e.id).reverse();

// ---------------------------------------------------------------------------------------
// Public API

export interface ReportPage {
  /** Newest first. */
  reports: Report[];
  /** All stored reports, for the pager. */
  total: number;
}

export interface ImportResult {
  added: number;
  /** Already stored: same id, or same time, page URL and words. */
  skipped: number;
  /** Entries that are not reports (or a file that is not an export, counted as one). */
  invalid: number;
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

/** How many reports are stored, from the index alone (the popup's count). */
export function countReports(): Promise<number> {
  return serial(async () => (await loadIndex()).length);
}

export function getReport(id: string): Promise<Report | null> {
  return serial(async () => {
    const has = (es: IndexEntry[]) => es.some((e) => e.id === id);
    const { reports } = await readValid(await loadIndex(), (es) => (has(es) ? [id] : []));
    return reports[0] ?? null;
  });
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
