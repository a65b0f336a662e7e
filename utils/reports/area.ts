/**
 * The store's storage area (`browser.storage.local`): its keys, reads and writes that turn
 * the browser's failures into errors a reader understands, and the one queue that runs this
 * page's store operations in turn.
 */
import { browser } from 'wxt/browser';
import { REPORT_STORE_MESSAGES, ReportStoreError, isQuotaError } from './errors';
import { REPORTS_SCHEMA_VERSION, type IndexEntry, type Report } from './schema';

export const INDEX_KEY = 'reports';
export const REPORT_PREFIX = 'report:';
export const BACKUP_PREFIX = 'reports-backup-';
export const RECOVERY_KEY = 'reports-recovery';

export type Items = Record<string, unknown>;

export async function get(keys: string[] | null): Promise<Items> {
  try {
    return (await browser.storage.local.get(keys)) as Items;
  } catch (cause) {
    throw new ReportStoreError('corrupt', REPORT_STORE_MESSAGES.unreadable, { cause });
  }
}

/** One `set`: all or nothing, so a full quota changes nothing already stored. */
export async function set(items: Items): Promise<void> {
  try {
    await browser.storage.local.set(items);
  } catch (cause) {
    if (isQuotaError(cause)) {
      throw new ReportStoreError('quota', REPORT_STORE_MESSAGES.quota, { cause });
    }
    throw cause;
  }
}

export async function remove(keys: string[]): Promise<void> {
  if (keys.length > 0) await browser.storage.local.remove(keys);
}

export const reportKey = (id: string) => `${REPORT_PREFIX}${id}`;
export const indexValue = (entries: readonly IndexEntry[]) => ({
  version: REPORTS_SCHEMA_VERSION,
  entries,
});
export const toEntry = (r: Report): IndexEntry => ({ id: r.id, createdAt: r.createdAt });
/**
 * Oldest first; reports of the same millisecond by id, so the order is total and an export
 * imported elsewhere lists exactly as it did here.
 */
export function byCreatedAt(a: IndexEntry, b: IndexEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One Web Lock for the whole store, held by every extension page (options, popup, report
 * page) and shared between them, because they share the extension's origin. Storage has no
 * transactions: without it, two tabs importing at the same moment each read the index, add
 * their own entries and write it back, and the second write drops the first tab's entries.
 */
export const STORE_LOCK = 'kent-stats-check:reports';

/** The part of `navigator.locks` used here (absent in Node and in very old browsers). */
interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function locks(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return typeof nav?.locks?.request === 'function' ? nav.locks : undefined;
}

let tail: Promise<unknown> = Promise.resolve();
/**
 * Runs store operations one at a time, so none reads an index another is writing: across
 * every tab and view through the shared Web Lock, or within this page only where the browser
 * has no Web Locks (then `reconcileIndex` lists again what a cross-tab race left unlisted).
 * A task must not call `serial` itself: it would wait for its own lock.
 */
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const shared = locks();
  if (shared) return shared.request(STORE_LOCK, task);
  const run = tail.then(task);
  tail = run.catch(() => undefined);
  return run;
}

/**
 * The keys of `storage.local`: `getKeys` (Chrome 130, Firefox 143) lists them without reading
 * any value; elsewhere the one way is to read everything, which the caller then reuses.
 */
export async function storedKeys(): Promise<{ keys: string[]; items?: Items }> {
  const local = browser.storage.local as { getKeys?: () => Promise<string[]> };
  if (typeof local.getKeys === 'function') {
    try {
      return { keys: await local.getKeys() };
    } catch {
      // Not implemented after all (a polyfill or test double): read everything instead.
    }
  }
  const items = await get(null);
  return { keys: Object.keys(items), items };
}

/** crypto.randomUUID is missing where a content script runs on an http:// page. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
