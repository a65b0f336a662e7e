/**
 * The report page's address carries the claim a report is about (the page is the extension's
 * own and not web-accessible, so no site can open it): how it is written and read back.
 */
import { isVerdict } from '@/utils/verdicts';
import type { ReportRequest } from './background';

/** The query parameter of `report.html` that carries a `ReportRequest` as JSON. */
export const REPORT_REQUEST_PARAM = 'claim';

/** Reads a report request back from the report page's address; null when it is not one. */
export function reportRequestFrom(search: string): ReportRequest | null {
  const raw = new URLSearchParams(search).get(REPORT_REQUEST_PARAM);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return isReportRequest(value) ? value : null;
  } catch {
    return null;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

export function isReportRequest(value: unknown): value is ReportRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { subject, page } = value as Partial<Record<keyof ReportRequest, Record<string, unknown>>>;
  return (
    typeof subject === 'object' &&
    subject !== null &&
    isText(subject.mention) &&
    isText(subject.sentence) &&
    (subject.verdict === null || isVerdict(subject.verdict)) &&
    (subject.official === null ||
      (typeof subject.official === 'object' && subject.official !== undefined)) &&
    typeof page === 'object' &&
    page !== null &&
    isText(page.url) &&
    isText(page.title)
  );
}
