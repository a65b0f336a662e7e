import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addReport,
  countReports,
  deleteReports,
  dismissRecovery,
  listReports,
  loadStatus,
  updateNote,
} from '@/utils/reports/store';
import { exportAll, importReports } from '@/utils/reports/transfer';
import { REPORTS_SCHEMA_VERSION } from '@/utils/reports/schema';
import { ReportStoreError } from '@/utils/reports/errors';
import { localSnapshot, sampleDraft, sampleReport, seedReports } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

async function backupOf(): Promise<{ key: string; value: Record<string, unknown> }> {
  const status = await loadStatus();
  expect(status.recovered?.backupKey).toMatch(/^reports-backup-\d{4}-\d\d-\d\dT/);
  const key = status.recovered!.backupKey;
  return { key, value: (await stored(key)) as Record<string, unknown> };
}

describe('migration from v0 (a plain array under `reports`)', () => {
  const v0 = [
    {
      time: Date.UTC(2023, 5, 1, 10),
      url: 'https://news.example/a',
      title: 'Article A',
      mention: '979',
      sentence: 'In 2015 there were 979 offences.',
      verdict: 'mismatch',
      note: 'Wrong year',
    },
    {
      time: Date.UTC(2023, 5, 2, 10),
      url: 'https://news.example/b',
      title: 'Article B',
      mention: 'over 100',
      sentence: 'Over 100 crimes a day.',
      verdict: 'something-old',
      note: '',
    },
  ];

  it('converts every v0 report to the current schema, newest first, without a notice', async () => {
    await fakeBrowser.storage.local.set({ reports: v0 });
    const { reports, total } = await listReports();
    expect(total).toBe(2);
    expect(reports.map((r) => r.claim.mention)).toEqual(['over 100', '979']);
    expect(reports[1]).toMatchObject({
      createdAt: '2023-06-01T10:00:00.000Z',
      kind: 'page',
      page: { url: 'https://news.example/a', title: 'Article A' },
      claim: { mention: '979', sentence: 'In 2015 there were 979 offences.' },
      verdict: 'mismatch',
      official: null,
      note: 'Wrong year',
    });
    expect(reports[0]!.verdict).toBeNull();
    const index = (await stored('reports')) as { version: number };
    expect(index.version).toBe(REPORTS_SCHEMA_VERSION);
    expect(await loadStatus()).toEqual({});
  });

  it('migrates once: a second opening finds the same reports', async () => {
    await fakeBrowser.storage.local.set({ reports: v0 });
    const first = await exportAll();
    expect(await exportAll()).toEqual(first);
  });

  it('backs up the old array as it was when some entries cannot be converted', async () => {
    const broken = [...v0, { time: 'yesterday', url: 3 }, 'junk'];
    await fakeBrowser.storage.local.set({ reports: broken });
    expect(await countReports()).toBe(2);
    const { value } = await backupOf();
    expect(value.store).toEqual(broken);
    expect(value.reason).toMatch(/older version/);
  });
});

describe('a corrupt store', () => {
  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an object whose entries are not an array', { version: 1, entries: 'x' }],
    ['an object with reports: "x"', { version: 1, reports: 'x' }],
    ['a wrong version type', { version: '1', entries: [] }],
    [
      'an index entry that is not a report id',
      { version: 1, entries: [{ id: 'x', createdAt: 1 }] },
    ],
  ])('%s is set aside as found, reported, and new reports still save', async (_, value) => {
    await fakeBrowser.storage.local.set({ reports: value });
    const { key, value: backup } = await backupOf();
    expect(backup.store).toEqual(value);
    expect(backup.reason).toMatch(/damaged/);
    expect(await countReports()).toBe(0);
    const report = await addReport(sampleDraft());
    expect((await listReports()).reports).toEqual([report]);
    expect(await stored(key)).toEqual(backup);
  });

  it('keeps a store from a newer version aside rather than overwriting it', async () => {
    const newer = { version: REPORTS_SCHEMA_VERSION + 1, entries: [], shiny: true };
    await fakeBrowser.storage.local.set({ reports: newer });
    const { value } = await backupOf();
    expect(value.store).toEqual(newer);
    expect(value.reason).toMatch(/newer version/);
  });

  it('rebuilds the index from the report keys that are still readable', async () => {
    const [a, b] = await seedReports(2);
    await fakeBrowser.storage.local.set({
      reports: 'garbage',
      'report:00000000-0000-4000-8000-00000000ffff': { id: 'broken' },
    });
    expect((await exportAll()).map((r) => r.id)).toEqual([b!.id, a!.id]);
    const { value } = await backupOf();
    expect(value.reports).toEqual({
      'report:00000000-0000-4000-8000-00000000ffff': { id: 'broken' },
    });
    expect(await stored('report:00000000-0000-4000-8000-00000000ffff')).toBeUndefined();
  });

  it('sets aside malformed reports inside a valid index and keeps the valid ones', async () => {
    const reports = await seedReports(4);
    const bad1 = { ...reports[1]!, claim: 'not a claim' };
    const bad2 = 'not a report at all';
    await fakeBrowser.storage.local.set({
      [`report:${reports[1]!.id}`]: bad1,
      [`report:${reports[2]!.id}`]: bad2,
    });
    const page = await listReports({ offset: 0, limit: 2 });
    expect(page.reports.map((r) => r.id)).toEqual([reports[3]!.id, reports[0]!.id]);
    expect(page.total).toBe(2);
    const { value } = await backupOf();
    expect(value.reports).toEqual({
      [`report:${reports[1]!.id}`]: bad1,
      [`report:${reports[2]!.id}`]: bad2,
    });
    expect(value.reason).toMatch(/damaged/);
    await addReport(sampleDraft());
    expect(await countReports()).toBe(3);
  });

  it('drops index entries whose report was deleted elsewhere, without a notice', async () => {
    const reports = await seedReports(3);
    await fakeBrowser.storage.local.remove(`report:${reports[1]!.id}`);
    expect((await exportAll()).map((r) => r.id)).toEqual([reports[2]!.id, reports[0]!.id]);
    expect(await countReports()).toBe(2);
    expect(await loadStatus()).toEqual({});
  });

  it('keeps the notice until dismissed, and keeps the backup after', async () => {
    await fakeBrowser.storage.local.set({ reports: 'garbage' });
    const { key } = await backupOf();
    expect((await loadStatus()).recovered?.backupKey).toBe(key);
    await dismissRecovery();
    expect(await loadStatus()).toEqual({});
    expect(await stored(key)).toBeDefined();
  });

  it('never overwrites an earlier backup', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2025, 0, 1));
      await fakeBrowser.storage.local.set({ reports: 'first' });
      const first = (await backupOf()).key;
      await fakeBrowser.storage.local.set({ reports: 'second' });
      const second = (await backupOf()).key;
      expect(second).not.toBe(first);
      expect(((await stored(first)) as { store: unknown }).store).toBe('first');
      expect(((await stored(second)) as { store: unknown }).store).toBe('second');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an unreadable store as a typed corrupt error', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error'));
    const error = await countReports().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportStoreError);
    expect((error as ReportStoreError).code).toBe('corrupt');
    expect(await countReports()).toBe(0);
  });
});

describe('a full storage quota', () => {
  const quotaError = () => new Error('QUOTA_BYTES quota exceeded');

  async function expectQuota(promise: Promise<unknown>) {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportStoreError);
    expect((error as ReportStoreError).code).toBe('quota');
    expect((error as ReportStoreError).message).toBe(
      "Your browser's storage for Kent Stats Check is full. Export and delete some reports, then try again. Nothing was lost.",
    );
  }

  it('adding: a typed quota error, and every existing report is still there', async () => {
    const existing = await seedReports(3);
    const before = await localSnapshot();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(quotaError());
    await expectQuota(addReport(sampleDraft()));
    expect(await localSnapshot()).toEqual(before);
    expect(await exportAll()).toEqual([...existing].reverse());
    await addReport(sampleDraft());
    expect(await countReports()).toBe(4);
  });

  it("recognises Firefox's QuotaExceededError too", async () => {
    const error = Object.assign(new Error('The current transaction exceeded its quota'), {
      name: 'QuotaExceededError',
    });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(error);
    await expectQuota(addReport(sampleDraft()));
  });

  it('editing a note and importing: nothing changes', async () => {
    const [a] = await seedReports(2);
    const before = await localSnapshot();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    set.mockRejectedValueOnce(quotaError());
    await expectQuota(updateNote(a!.id, 'x'.repeat(100)));
    set.mockRejectedValueOnce(quotaError());
    await expectQuota(importReports([sampleReport(100), sampleReport(101)]));
    expect(await localSnapshot()).toEqual(before);
  });

  it('setting a damaged store aside: the damaged value stays where it was', async () => {
    await fakeBrowser.storage.local.set({ reports: 'garbage' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(quotaError());
    await expectQuota(countReports());
    expect(await stored('reports')).toBe('garbage');
    expect(await countReports()).toBe(0);
  });

  it('passes other write errors on unchanged', async () => {
    const other = new Error('disk on fire');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(other);
    await expect(addReport(sampleDraft())).rejects.toBe(other);
    await deleteReports([]);
  });
});
