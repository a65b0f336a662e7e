/**
 * Messages the background answers (sent by the checker in a page or by an extension page):
 * types only, one doc line per message.
 */
import type { BadgeCounts } from '@/utils/badge';
import type { Official, Verdict } from '@/utils/engine';
import type { SettingsChange, SettingsWriteResult } from '@/utils/storage/settings-writer';
import type { MessageOf } from './map';

export interface BackgroundMessages {
  /** The page's verdicts changed: the toolbar button's badge for the sender's tab follows. */
  'page-badge': { request: BadgeCounts; response: void };
  /** "Report a problem…" on the in-page card: open the extension's report page for the claim. */
  'open-report': { request: ReportRequest; response: void };
  /** A change to the reader's settings from an extension page, applied by the one writer. */
  'update-settings': { request: SettingsChange; response: SettingsWriteResult };
}

export type BackgroundMessage = MessageOf<BackgroundMessages>;

/** The claim a report is about, exactly as the card showed it, and the page it is on. */
export interface ReportRequest {
  subject: {
    mention: string;
    sentence: string;
    verdict: Verdict | null;
    official: Official | null;
  };
  page: { url: string; title: string };
}
