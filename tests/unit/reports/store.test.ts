import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addReport,
  countReports,
  deleteReports,
  listReports,
  updateNote,
  watchReportCount,
  watchReports,
} from '@/utils/reports/store';
import { exportAll } from '@/utils/reports/transfer';
import { ReportStoreError } from '@/utils/reports/errors';
import { findReport, sampleDraft } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Adds n reports one minute apart (fake clock), returning them oldest first. */
async function addMany(n: number) {
  const added = [];
  for (let i = 0; i < n; i++) {
    vi.setSystemTime(Date.UTC(2025, 0, 1, 12, i));
    added.push(
      await addReport(sampleDraft({ claim: { mention: `${i} crimes`, sentence: `${i} crimes.` } })),
    );
  }
  return added;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  return () => vi.useRealTimers();
});

describe('adding and reading reports', () => {
  it('saves a report at once with a random UUID and the time, and reads it back', async () => {
    vi.setSystemTime(Date.UTC(2025, 4, 6, 9, 30));
    const report = await addReport(sampleDraft());
    expect(report.id).toMatch(UUID);
    expect(report.createdAt).toBe('2025-05-06T09:30:00.000Z');
    expect(report).toMatchObject(sampleDraft());
    expect(await findReport(report.id)).toEqual(report);
    const stored = await fakeBrowser.storage.local.get(`report:${report.id}`);
    expect(stored[`report:${report.id}`]).toEqual(report);
  });

  it('gives every report its own id', async () => {
    const [a, b] = await addMany(2);
    expect(a!.id).not.toBe(b!.id);
  });

  it('makes a valid UUID where crypto.randomUUID is missing (content script on http)', async () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    try {
      const report = await addReport(sampleDraft());
      expect(report.id).toMatch(UUID);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps only what the form shows, dropping extra fields such as a whole Claim', async () => {
    const draft = { ...sampleDraft(), blockIndex: 3, reason: 'page text', pageHtml: '<p>…</p>' };
    const report = await addReport(draft);
    expect(Object.keys(report).sort()).toEqual(
      ['claim', 'createdAt', 'id', 'kind', 'note', 'official', 'page', 'verdict'].sort(),
    );
  });

  it('refuses an invalid draft with a typed error naming the field, storing nothing', async () => {
    const bad = sampleDraft({ claim: { mention: '  ', sentence: 'x' } });
    const error = await addReport(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportStoreError);
    expect((error as ReportStoreError).code).toBe('invalid');
    expect((error as ReportStoreError).message).toContain('claim.mention');
    expect(await countReports()).toBe(0);
  });

  it('accepts a report without an official figure or verdict (a missed figure)', async () => {
    const report = await addReport(
      sampleDraft({ kind: 'extension', verdict: null, official: null }),
    );
    expect(await findReport(report.id)).toEqual(report);
  });

  it('returns null for an unknown id', async () => {
    expect(await findReport('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('listing', () => {
  it('lists newest first, in pages, with the total', async () => {
    const added = await addMany(7);
    const newest = [...added].reverse().map((r) => r.id);
    const first = await listReports({ offset: 0, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.reports.map((r) => r.id)).toEqual(newest.slice(0, 3));
    const second = await listReports({ offset: 3, limit: 3 });
    expect(second.reports.map((r) => r.id)).toEqual(newest.slice(3, 6));
    const last = await listReports({ offset: 6, limit: 3 });
    expect(last.reports.map((r) => r.id)).toEqual(newest.slice(6));
    expect((await listReports({ offset: 50, limit: 3 })).reports).toEqual([]);
  });

  it('sorts by time even when the clock went backwards', async () => {
    vi.setSystemTime(Date.UTC(2025, 0, 2));
    const later = await addReport(sampleDraft());
    vi.setSystemTime(Date.UTC(2025, 0, 1));
    const earlier = await addReport(sampleDraft());
    const { reports } = await listReports();
    expect(reports.map((r) => r.id)).toEqual([later.id, earlier.id]);
  });

  it('copes with odd paging arguments', async () => {
    await addMany(3);
    expect((await listReports({ offset: -5, limit: 2 })).reports).toHaveLength(2);
    expect((await listReports({ offset: Number.NaN, limit: 0 })).reports).toHaveLength(1);
    expect((await listReports({ limit: 2.7 })).reports).toHaveLength(2);
  });

  it('keeps every report when adds overlap (no lost index entry)', async () => {
    const drafts = Array.from({ length: 20 }, (_, i) =>
      sampleDraft({ claim: { mention: `${i}`, sentence: '' } }),
    );
    const added = await Promise.all(drafts.map((d) => addReport(d)));
    expect(await countReports()).toBe(20);
    const listed = (await exportAll()).map((r) => r.id).sort();
    expect(listed).toEqual(added.map((r) => r.id).sort());
  });
});

describe('editing and deleting', () => {
  it('edits the note and keeps the rest', async () => {
    const report = await addReport(sampleDraft());
    const updated = await updateNote(report.id, 'Should be 27.6, see page 4.');
    expect(updated).toEqual({ ...report, note: 'Should be 27.6, see page 4.' });
    expect(await findReport(report.id)).toEqual(updated);
  });

  it('refuses a note for a deleted report and a note that is too long', async () => {
    const report = await addReport(sampleDraft());
    await expect(updateNote(report.id, 'x'.repeat(5001))).rejects.toMatchObject({
      code: 'invalid',
    });
    await deleteReports([report.id]);
    await expect(updateNote(report.id, 'late')).rejects.toMatchObject({
      code: 'invalid',
      name: 'ReportStoreError',
    });
  });

  it('deletes several reports at once and removes their keys', async () => {
    const [a, b, c] = await addMany(3);
    expect(await deleteReports([a!.id, c!.id, 'not-an-id'])).toBe(2);
    expect((await exportAll()).map((r) => r.id)).toEqual([b!.id]);
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left).filter((k) => k.startsWith('report:'))).toEqual([`report:${b!.id}`]);
    expect(await deleteReports([a!.id])).toBe(0);
  });
});

describe('watching', () => {
  it('reports the count after adds and deletes, and stops when unwatched', async () => {
    const counts: number[] = [];
    const unwatch = watchReportCount((n) => counts.push(n));
    const [a] = await addMany(2);
    await updateNote(a!.id, 'no count change');
    await deleteReports([a!.id]);
    unwatch();
    await addMany(1);
    expect(counts).toEqual([1, 2, 1]);
  });

  it('tells a list to refresh on a note edit', async () => {
    const report = await addReport(sampleDraft());
    const cb = vi.fn();
    const unwatch = watchReports(cb);
    await updateNote(report.id, 'edited elsewhere');
    unwatch();
    expect(cb).toHaveBeenCalledTimes(1);
  });
});
