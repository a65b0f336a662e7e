/**
 * The errors the reports store throws, in words a reader understands: pure, so a view can
 * tell them apart (`instanceof`) without reaching the store.
 */
import * as v from 'valibot';

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
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

export function invalid(issues: readonly v.BaseIssue<unknown>[]): ReportStoreError {
  const fields = [...new Set(issues.map((i) => v.getDotPath(i) ?? 'report'))].join(', ');
  return new ReportStoreError(
    'invalid',
    `This report was not saved: some of its details are missing or too long (${fields}).`,
  );
}
