/**
 * Reading the store safely: the index loaded (migrated from version 0, or rebuilt and the
 * damaged value set aside with a notice), and reports read with every invalid one set aside
 * rather than dropped.
 */
import * as v from 'valibot';
import { isVerdict } from '@/utils/verdicts';
import {
  BACKUP_PREFIX,
  INDEX_KEY,
  RECOVERY_KEY,
  REPORT_PREFIX,
  byCreatedAt,
  get,
  indexValue,
  newId,
  remove,
  reportKey,
  set,
  storedKeys,
  toEntry,
  type Items,
} from './area';
import {
  IndexSchema,
  REPORTS_SCHEMA_VERSION,
  ReportSchema,
  V0ReportSchema,
  type IndexEntry,
  type RecoveryNotice,
  type Report,
} from './schema';

const REASONS = {
  damaged:
    'Your list of saved reports was damaged. It was set aside, and every report that could still be read was kept.',
  newer:
    'Your saved reports were written by a newer version of Kent Stats Check. They were set aside so this version can keep working.',
  damagedReports: 'Some saved reports were damaged and could not be read. They were set aside.',
  unlisted:
    'Some saved reports had dropped out of your list, and one or more of them were damaged. They were set aside.',
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
    verdict: isVerdict(verdict) ? verdict : null,
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
export async function loadIndex(): Promise<IndexEntry[]> {
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

export async function readReports(ids: readonly string[]): Promise<ReadResult> {
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
export async function readValid(
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

export const allNewestFirst = (entries: IndexEntry[]) => entries.map((e) => e.id).reverse();

/**
 * Lists again every stored report the index has lost, and sets aside damaged ones. The
 * report keys are the truth and the index only a cache of them: a write from a browser
 * without Web Locks, a Firefox private window (its own lock space) or a version before the
 * shared lock could leave a report stored but unlisted. Costs one key listing (`getKeys`), or
 * one read of everything where that is missing, so the options page runs it once per opening,
 * not on every list. Returns the repaired index and how many reports were listed again.
 */
export async function reconcileIndex(
  start: IndexEntry[],
): Promise<{ entries: IndexEntry[]; relisted: number }> {
  const listed = new Set(start.map((e) => reportKey(e.id)));
  const { keys, items } = await storedKeys();
  const unlisted = keys.filter((k) => k.startsWith(REPORT_PREFIX) && !listed.has(k));
  if (unlisted.length === 0) return { entries: start, relisted: 0 };
  const values = items ?? (await get(unlisted));
  const found: IndexEntry[] = [];
  const bad: Items = {};
  for (const key of unlisted) {
    const value = values[key];
    // Deleted since the listing: nothing to list.
    if (value === undefined || value === null) continue;
    const parsed = v.safeParse(ReportSchema, value);
    if (parsed.success && reportKey(parsed.output.id) === key) found.push(toEntry(parsed.output));
    else bad[key] = value;
  }
  const entries = found.length > 0 ? [...start, ...found].sort(byCreatedAt) : start;
  const index = { [INDEX_KEY]: indexValue(entries) };
  if (Object.keys(bad).length > 0)
    await setAside({ reason: REASONS.unlisted, reports: bad }, index);
  else if (found.length > 0) await set(index);
  return { entries, relisted: found.length };
}
