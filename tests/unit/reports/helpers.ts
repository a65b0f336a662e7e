/**
 * Shared fixtures for the report store tests: a full draft, and a bulk writer that puts
 * thousands of reports straight into fake storage in the store's layout (one `set`), so the
 * scale test measures reading, not ten thousand `addReport` round trips.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REPORTS_SCHEMA_VERSION, type Report, type ReportDraft } from '@/utils/reports/schema';
import { listReports } from '@/utils/reports/store';

export function sampleDraft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  return {
    kind: 'page',
    page: { url: 'https://news.example/kent-abuse', title: 'Kent abuse figures rise' },
    claim: {
      mention: '26.7 per 1,000',
      sentence: 'Kent recorded 26.7 per 1,000 domestic abuse crimes in 2022/23.',
    },
    verdict: 'mismatch',
    official: {
      recordId: 'kent-da-rate-2022-23',
      display: '27.6 per 1,000',
      place: 'Kent',
      period: '2022/23',
      quote: 'The rate in Kent was 27.6 per 1,000 population.',
      source: {
        id: 'kcc-da-strategy',
        title: 'Domestic Abuse Strategy',
        publisher: 'Kent County Council',
        date: '2024-03',
        reference: 'FOI 10974577',
        url: 'https://www.kent.gov.uk/da-strategy',
      },
    },
    note: 'The figures are transposed.',
    ...overrides,
  };
}

/** A stored report with a fixed id and time, as `addReport` would have made it. */
export function sampleReport(i: number, overrides: Partial<Report> = {}): Report {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    ...sampleDraft({ claim: { mention: `${i} crimes`, sentence: `Kent logged ${i} crimes.` } }),
    ...overrides,
  };
}

/** Writes reports 0..n-1 (oldest first) and their index in one `set`. */
export async function seedReports(n: number): Promise<Report[]> {
  const reports = Array.from({ length: n }, (_, i) => sampleReport(i));
  const items: Record<string, unknown> = {
    reports: {
      version: REPORTS_SCHEMA_VERSION,
      entries: reports.map((r) => ({ id: r.id, createdAt: r.createdAt })),
    },
  };
  for (const r of reports) items[`report:${r.id}`] = r;
  await fakeBrowser.storage.local.set(items);
  return reports;
}

/** Everything in fake `storage.local`, for "nothing was lost" checks. */
export async function localSnapshot(): Promise<Record<string, unknown>> {
  return structuredClone(await fakeBrowser.storage.local.get(null));
}

/** A stored report as the list shows it, by id; null when no list holds it. */
export async function findReport(id: string): Promise<Report | null> {
  const { reports } = await listReports({ limit: 500 });
  return reports.find((r) => r.id === id) ?? null;
}
