/**
 * The one typed message map between the extension's parts. Requests and results are
 * plain JSON (no DOM nodes, no class instances) so they survive structured cloning in
 * every browser.
 */
import { browser } from 'wxt/browser';
import type { BadgeCounts } from '@/utils/badge';
import type { Official, Verdict } from '@/utils/engine';
import type { SettingsChange, SettingsWriteResult } from '@/utils/storage/settings-writer';

/** What the content script knows about its page, for the popup. */
export interface PageStatus {
  /** False where the page has no Kent or Medway context and no topic words: nothing was checked. */
  relevant: boolean;
  /** The reader paused the extension on this site. */
  paused: boolean;
  url: string;
  title: string;
  claims: ClaimSummary[];
}

/** A claim as the popup lists it; serialisable. */
export interface ClaimSummary {
  id: string;
  mention: string;
  sentence: string;
  verdict: 'match' | 'mismatch' | 'not-held' | 'unverified';
  reason: string;
  officialDisplay: string | null;
  /** Who published the source, and its reference: short enough for one line. */
  sourceLabel: string | null;
  /** The official figure as the engine reported it (what a report cites). */
  official: Official | null;
}

/** Messages the content script answers (sent by the popup or the background). */
export interface ContentScriptMessages {
  'get-page-status': { request: null; response: PageStatus };
  /** Scroll to a claim and open its card (the popup's claim list). */
  'open-claim': { request: { id: string }; response: boolean };
  /** "Check this statistic" on selected text: show the result in a card at the selection. */
  'check-selection': { request: { text: string }; response: boolean };
}

export const CHECK_SELECTION_MENU_ID = 'kent-stats-check-selection';

export type ContentMessageType = keyof ContentScriptMessages;

export interface ContentMessage<T extends ContentMessageType = ContentMessageType> {
  type: T;
  payload: ContentScriptMessages[T]['request'];
}

/**
 * The isolated-world global through which `sendToTab` wakes a silent loader (a
 * `Symbol.for` key, so the loader and the injected function agree without sharing code).
 */
export const LOADER_WAKE_KEY = 'kent-stats-check:listen';

/**
 * Asks the content script in `tabId`; rejects when no content script runs there (browser
 * pages, the store). The loader does not listen on pages it turned away (listening costs
 * every such page the extension's bindings), so when nothing answers, the loader is woken
 * and asked again. Waking runs one line in the extension's isolated world, which the browser
 * allows only just after the reader opened the popup or the context menu on that tab
 * (`activeTab`).
 */
export async function sendToTab<T extends ContentMessageType>(
  tabId: number,
  type: T,
  payload: ContentScriptMessages[T]['request'],
): Promise<ContentScriptMessages[T]['response']> {
  const message: ContentMessage<T> = { type, payload };
  const send = async () =>
    (await browser.tabs.sendMessage(tabId, message)) as ContentScriptMessages[T]['response'];
  try {
    return await send();
  } catch (error) {
    if (!(await wakeLoader(tabId))) throw error;
    return send();
  }
}

/** True when a loader was found in the tab and now listens. */
async function wakeLoader(tabId: number): Promise<boolean> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised and run in the tab: it must stand alone.
      func: (key: string) => {
        const wake = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)];
        if (typeof wake !== 'function') return false;
        (wake as () => void)();
        return true;
      },
      args: [LOADER_WAKE_KEY],
    });
    return injection?.result === true;
  } catch {
    // No access to the tab (a browser page, or no reader gesture on it): nothing to wake.
    return false;
  }
}

export function isContentMessage(value: unknown): value is ContentMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** Messages the background answers (sent by the checker in a page). */
export interface BackgroundMessages {
  /** The page's verdicts changed: the toolbar button's badge for the sender's tab follows. */
  'page-badge': { request: BadgeCounts; response: void };
  /**
   * "Report a problem…" on the in-page card: the background opens the extension's report page
   * for this claim. The form, the reader's e-mail address and saving live only there, out of
   * the page's reach (a page script can read and drive anything rendered into its DOM).
   */
  'open-report': { request: ReportRequest; response: void };
  /**
   * A change to the reader's settings from an extension page (options, popup), applied by the
   * background's one writer to the latest stored value (see `utils/storage/settings-writer.ts`).
   */
  'update-settings': { request: SettingsChange; response: SettingsWriteResult };
}

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
    (subject.verdict === null ||
      ['match', 'mismatch', 'not-held', 'unverified'].includes(subject.verdict as string)) &&
    (subject.official === null ||
      (typeof subject.official === 'object' && subject.official !== undefined)) &&
    typeof page === 'object' &&
    page !== null &&
    isText(page.url) &&
    isText(page.title)
  );
}

export function isOpenReportMessage(value: unknown): value is BackgroundMessage<'open-report'> {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return type === 'open-report' && isReportRequest(payload);
}

export type BackgroundMessageType = keyof BackgroundMessages;

export interface BackgroundMessage<T extends BackgroundMessageType = BackgroundMessageType> {
  type: T;
  payload: BackgroundMessages[T]['request'];
}

export async function sendToBackground<T extends BackgroundMessageType>(
  type: T,
  payload: BackgroundMessages[T]['request'],
): Promise<BackgroundMessages[T]['response']> {
  const message: BackgroundMessage<T> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as BackgroundMessages[T]['response'];
}

export function isBadgeMessage(value: unknown): value is BackgroundMessage<'page-badge'> {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return (
    type === 'page-badge' &&
    typeof payload === 'object' &&
    payload !== null &&
    ['match', 'mismatch', 'notHeld', 'unverified'].every((k) =>
      Number.isInteger((payload as Record<string, unknown>)[k]),
    )
  );
}
