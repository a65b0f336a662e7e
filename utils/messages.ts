/**
 * The one typed message map between the extension's parts. Requests and results are
 * plain JSON (no DOM nodes, no class instances) so they survive structured cloning in
 * every browser.
 */
import { browser } from 'wxt/browser';
import type { Official } from '@/utils/engine';

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

/** Asks the content script in `tabId`; rejects when no content script runs there (browser pages, the store). */
export async function sendToTab<T extends ContentMessageType>(
  tabId: number,
  type: T,
  payload: ContentScriptMessages[T]['request'],
): Promise<ContentScriptMessages[T]['response']> {
  const message: ContentMessage<T> = { type, payload };
  return (await browser.tabs.sendMessage(tabId, message)) as ContentScriptMessages[T]['response'];
}

export function isContentMessage(value: unknown): value is ContentMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
