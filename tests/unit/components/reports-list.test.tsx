// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportsList } from '@/components/options/ReportsList';
import { importReports } from '@/utils/reports/transfer';
import { reportsToJson } from '@/utils/reports/files';
import { sampleReport, seedReports } from '../reports/helpers';

beforeEach(() => fakeBrowser.reset());
afterEach(() => render(null, document.body));

describe('the options page’s list of reports', () => {
  it('shows an imported report’s non-web address as text, never as a link', async () => {
    const hostile = sampleReport(1, {
      page: { url: 'javascript:alert(document.cookie)', title: 'Kent figures' },
    });
    const web = sampleReport(2);
    const result = await importReports(reportsToJson([hostile, web]));
    // Nothing is lost on import: the report is kept, with its address as found.
    expect(result.added).toBe(2);
    render(<ReportsList reportEmail="" />, document.body);
    await vi.waitFor(() => expect(document.querySelectorAll('.report-item')).toHaveLength(2));
    const hrefs = [...document.querySelectorAll('.report-item a[href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toContain(web.page.url);
    expect(hrefs.filter((h) => !/^https?:/.test(h ?? ''))).toEqual([]);
    expect(document.body.textContent).toContain('Kent figures (javascript:alert(document.cookie))');
  });

  it('tells the reader about a damaged report the first time the list opens', async () => {
    const [first] = await seedReports(2);
    await fakeBrowser.storage.local.set({ [`report:${first!.id}`]: { damaged: true } });
    render(<ReportsList reportEmail="" />, document.body);
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('Some saved reports could not be read'),
    );
    // The valid one is still listed.
    expect(document.querySelectorAll('.report-item')).toHaveLength(1);
  });

  it('lists a stored report that another tab left out of the index', async () => {
    const reports = await seedReports(3);
    await fakeBrowser.storage.local.set({
      reports: { version: 1, entries: [{ id: reports[0]!.id, createdAt: reports[0]!.createdAt }] },
    });
    render(<ReportsList reportEmail="" />, document.body);
    await vi.waitFor(() => expect(document.querySelectorAll('.report-item')).toHaveLength(3));
  });
});
