/**
 * Messages the content script answers (sent by the popup or the background): types only, one
 * doc line per message. Requests and responses are plain JSON (no DOM nodes, no class
 * instances) so they survive structured cloning in every browser.
 */
import type { Official, Verdict } from '@/utils/engine';
import type { VerdictCounts } from '@/utils/verdicts';
import type { MessageOf } from './map';

/** What the content script knows about its page, for the popup. */
export interface PageStatus {
  /** False where the page has no Kent or Medway context and no topic words: nothing was checked. */
  relevant: boolean;
  /** The reader paused the extension on this site. */
  paused: boolean;
  url: string;
  title: string;
  /**
   * The claims found, in page order: at most `LISTED_PER_VERDICT` of each verdict (a long
   * page holds tens of thousands); `counts` says how many there are in all.
   */
  claims: ClaimSummary[];
  counts: VerdictCounts;
}

/** A claim as the popup lists it; serialisable. */
export interface ClaimSummary {
  id: string;
  mention: string;
  sentence: string;
  verdict: Verdict;
  reason: string;
  officialDisplay: string | null;
  /** Who published the source, and its reference: short enough for one line. */
  sourceLabel: string | null;
  /** The official figure as the engine reported it (what a report cites). */
  official: Official | null;
}

export interface ContentScriptMessages {
  /** What the page holds, for the popup: relevance, pause, and every claim found. */
  'get-page-status': { request: null; response: PageStatus };
  /** Scroll to a claim and open its card (the popup's claim list). */
  'open-claim': { request: { id: string }; response: boolean };
  /** "Check this statistic" on selected text: show the result in a card at the selection. */
  'check-selection': { request: { text: string }; response: boolean };
}

export type ContentMessage = MessageOf<ContentScriptMessages>;
