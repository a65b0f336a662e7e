/**
 * Two tabs of the extension writing the store at the same moment (finding 7 of issue 13):
 * each tab is its own copy of the store modules (as each page has its own JavaScript), over
 * the one shared `storage.local` and, where the browser has it, the one shared Web Lock.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportsToJson } from '@/utils/reports/files';
import { sampleDraft, sampleReport, seedReports } from './helpers';

/**
 * `navigator.locks` as the browser gives it to all pages of one origin: exclusive, first
 * come first served, released when the callback's promise settles.
 */
function sharedLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** A fresh copy of the store's modules: one tab. */
async function openTab() {
  vi.resetModules();
  const store = await import('@/utils/reports/store');
  const transfer = await import('@/utils/reports/transfer');
  return { ...store, ...transfer };
}

const batch = (from: number) =>
  reportsToJson(Array.from({ length: 50 }, (_, i) => sampleReport(from + i)));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.unstubAllGlobals());

describe('two tabs writing reports at the same moment', () => {
  it('keeps and lists all 100 when two tabs each import 50', async () => {
    vi.stubGlobal('navigator', { locks: sharedLocks() });
    const [a, b] = [await openTab(), await openTab()];
    const results = await Promise.all([a.importReports(batch(0)), b.importReports(batch(100))]);
    expect(results.map((r) => r.added)).toEqual([50, 50]);
    const listed = await a.listReports({ limit: 500 });
    expect(listed.total).toBe(100);
    expect(await b.countReports()).toBe(100);
  });

  it('keeps a report saved in one tab while another imports', async () => {
    vi.stubGlobal('navigator', { locks: sharedLocks() });
    const [a, b] = [await openTab(), await openTab()];
    const [saved] = await Promise.all([a.addReport(sampleDraft()), b.importReports(batch(0))]);
    const ids = (await b.listReports({ limit: 500 })).reports.map((r) => r.id);
    expect(ids).toHaveLength(51);
    expect(ids).toContain(saved.id);
  });

  it('without a shared lock, lists every report again once the options page reconciles', async () => {
    vi.stubGlobal('navigator', {});
    const [a, b] = [await openTab(), await openTab()];
    await Promise.all([a.importReports(batch(0)), b.importReports(batch(100))]);
    const options = await openTab();
    const before = await options.countReports();
    expect(await options.reconcileReports()).toBe(100 - before);
    expect((await options.listReports({ limit: 500 })).total).toBe(100);
  });
});

describe('reconciling the index with the stored reports', () => {
  it('lists again a stored report missing from the index, and sets a damaged one aside', async () => {
    const reports = await seedReports(5);
    const [lost, damaged] = [reports[1]!, reports[3]!];
    await fakeBrowser.storage.local.set({
      reports: {
        version: 1,
        entries: reports
          .filter((r) => r !== lost && r !== damaged)
          .map((r) => ({ id: r.id, createdAt: r.createdAt })),
      },
      [`report:${damaged.id}`]: { damaged: true },
    });
    const tab = await openTab();
    expect((await tab.listReports()).total).toBe(3);
    expect(await tab.reconcileReports()).toBe(1);
    const listed = (await tab.listReports()).reports.map((r) => r.id);
    expect(listed).toEqual([reports[4]!, reports[2]!, lost, reports[0]!].map((r) => r.id));
    const status = await tab.loadStatus();
    expect(status.recovered?.reason).toMatch(/dropped out of your list/);
    const backup = (await fakeBrowser.storage.local.get(status.recovered!.backupKey))[
      status.recovered!.backupKey
    ] as { reports: Record<string, unknown> };
    expect(backup.reports[`report:${damaged.id}`]).toEqual({ damaged: true });
    // A second opening finds nothing more to do.
    expect(await tab.reconcileReports()).toBe(0);
  });

  it('lists the keys without reading every report where the browser has getKeys', async () => {
    const reports = await seedReports(3);
    await fakeBrowser.storage.local.set({
      reports: { version: 1, entries: [{ id: reports[0]!.id, createdAt: reports[0]!.createdAt }] },
    });
    const local = fakeBrowser.storage.local;
    const readAll = local.get.bind(local);
    const getKeys = vi.fn(async () => Object.keys(await readAll(null)));
    const withKeys = local as unknown as { getKeys: unknown };
    const notMocked = withKeys.getKeys;
    withKeys.getKeys = getKeys;
    onTestFinished(() => {
      withKeys.getKeys = notMocked;
    });
    const tab = await openTab();
    const get = vi.spyOn(local, 'get');
    expect(await tab.reconcileReports()).toBe(2);
    expect(getKeys).toHaveBeenCalledTimes(1);
    expect(get.mock.calls.some(([keys]) => keys === null || keys === undefined)).toBe(false);
  });
});
