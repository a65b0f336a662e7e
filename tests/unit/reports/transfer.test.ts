import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addReport, countReports, listReports } from '@/utils/reports/store';
import { exportAll, importReports } from '@/utils/reports/transfer';
import { reportsToCsv, reportsToJson } from '@/utils/reports/files';
import { sampleDraft, sampleReport, seedReports } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('import merging', () => {
  it('export → import into an empty store gives the same reports', async () => {
    for (let i = 0; i < 5; i++) await addReport(sampleDraft({ note: `note ${i}` }));
    const exported = await exportAll();
    const file = reportsToJson(exported);
    fakeBrowser.reset();
    expect(await importReports(file)).toEqual({ added: 5, skipped: 0, invalid: 0 });
    expect(await exportAll()).toEqual(exported);
  });

  it('accepts the parsed file as well as its text', async () => {
    const file = JSON.parse(reportsToJson([sampleReport(1), sampleReport(2)])) as unknown;
    expect(await importReports(file)).toEqual({ added: 2, skipped: 0, invalid: 0 });
  });

  it('importing twice adds nothing the second time', async () => {
    const file = reportsToJson([sampleReport(1), sampleReport(2), sampleReport(3)]);
    await importReports(file);
    expect(await importReports(file)).toEqual({ added: 0, skipped: 3, invalid: 0 });
    expect(await countReports()).toBe(3);
  });

  it('treats the same time, page and words under another id as a duplicate', async () => {
    const original = sampleReport(1);
    await importReports([original]);
    const copy = { ...original, id: '11111111-1111-4111-8111-111111111111', note: 'edited' };
    const other = {
      ...original,
      id: '22222222-2222-4222-8222-222222222222',
      claim: { ...original.claim, mention: 'other' },
    };
    expect(await importReports([copy, other, copy])).toEqual({ added: 1, skipped: 2, invalid: 0 });
    expect((await exportAll()).map((r) => r.id).sort()).toEqual([original.id, other.id].sort());
  });

  it('keeps two reports of one file that share time, page and words under their own ids', async () => {
    const page = sampleReport(1, { kind: 'page' });
    const extension = sampleReport(1, {
      id: '33333333-3333-4333-8333-333333333333',
      kind: 'extension',
    });
    expect(await importReports([page, extension])).toEqual({ added: 2, skipped: 0, invalid: 0 });
  });

  it('sorts imported older reports into place, newest first', async () => {
    const now = await addReport(sampleDraft());
    await importReports([sampleReport(5), sampleReport(1)]);
    const { reports } = await listReports();
    expect(reports.map((r) => r.id)).toEqual([now.id, sampleReport(5).id, sampleReport(1).id]);
  });

  it('counts bad entries as invalid and keeps the good ones', async () => {
    const good = sampleReport(1);
    const result = await importReports({
      format: 'kent-stats-check-reports',
      version: 1,
      reports: [good, null, 7, { ...good, id: 'nope' }, { ...sampleReport(2), kind: 'weird' }],
    });
    expect(result).toEqual({ added: 1, skipped: 0, invalid: 4 });
    expect(await exportAll()).toEqual([good]);
  });

  it.each([
    ['unparsable text', '{"format": "kent-stats'],
    ['another format', { format: 'someone-else', reports: [] }],
    ['null', null],
    ['a number', 42],
    ['an object without reports', { format: 'kent-stats-check-reports' }],
  ])('never throws on garbage input (%s): one invalid, nothing stored', async (_, input) => {
    expect(await importReports(input)).toEqual({ added: 0, skipped: 0, invalid: 1 });
    expect(await countReports()).toBe(0);
  });

  it('strips fields a report does not hold', async () => {
    await importReports([{ ...sampleReport(1), pageHtml: '<html>everything</html>' }]);
    const [stored] = await exportAll();
    expect(stored).not.toHaveProperty('pageHtml');
  });
});

describe('10,000 reports', () => {
  it('lists the first page and exports everything', async () => {
    const seeded = await seedReports(10_000);

    let t = performance.now();
    const page = await listReports({ offset: 0, limit: 50 });
    const listMs = performance.now() - t;
    expect(page.total).toBe(10_000);
    expect(page.reports.map((r) => r.id)).toEqual(
      seeded
        .slice(-50)
        .reverse()
        .map((r) => r.id),
    );

    t = performance.now();
    const count = await countReports();
    const countMs = performance.now() - t;
    expect(count).toBe(10_000);

    t = performance.now();
    const all = await exportAll();
    const exportMs = performance.now() - t;
    expect(all).toHaveLength(10_000);
    expect(all[0]).toEqual(seeded[9_999]);
    expect(all[9_999]).toEqual(seeded[0]);

    t = performance.now();
    const csv = reportsToCsv(all);
    const json = reportsToJson(all);
    const formatMs = performance.now() - t;
    expect(csv.split('\r\n')).toHaveLength(10_002); // header, 10,000 rows, trailing ''
    expect((JSON.parse(json) as { reports: unknown[] }).reports).toHaveLength(10_000);

    t = performance.now();
    fakeBrowser.reset();
    const imported = await importReports(json);
    const importMs = performance.now() - t;
    expect(imported).toEqual({ added: 10_000, skipped: 0, invalid: 0 });

    t = performance.now();
    await addReport(sampleDraft());
    const addMs = performance.now() - t;
    expect(await countReports()).toBe(10_001);

    console.log(
      `10,000 reports: first page ${listMs.toFixed(1)} ms, count ${countMs.toFixed(1)} ms, ` +
        `exportAll ${exportMs.toFixed(1)} ms, CSV+JSON ${formatMs.toFixed(1)} ms, ` +
        `import ${importMs.toFixed(1)} ms, add one more ${addMs.toFixed(1)} ms ` +
        `(fake storage: real browsers add serialisation)`,
    );
  });
});
