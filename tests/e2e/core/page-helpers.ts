/**
 * Reading the page as a reader sees it, in either browser: the named highlights (which
 * tools outside the project read too), the extension's UI in its shadow root, and the
 * toolbar button's badge.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionApi, ExtensionSession } from '../browsers/session';
import { inUi, waitInUi } from '../browsers/ui-root';
import {
  centreOf,
  MARK_TEXTS_SCRIPT,
  markBoxScript,
  MISPLACED_MARKS_SCRIPT,
  type MarkBox,
} from '../highlights';

export type Verdict = 'match' | 'mismatch' | 'not-held' | 'unverified';
export const VERDICTS: readonly Verdict[] = ['match', 'mismatch', 'not-held', 'unverified'];
export type MarkTexts = Record<Verdict, string[]>;

/** The text of every mark, by verdict, sorted. */
export async function markTexts(page: Page): Promise<MarkTexts> {
  return (await page.evaluate(MARK_TEXTS_SCRIPT)) as MarkTexts;
}

/** Marks that do not cover a whole number, with the text around each (see MISPLACED_MARKS_SCRIPT). */
export async function misplacedMarks(page: Page): Promise<string[]> {
  return (await page.evaluate(MISPLACED_MARKS_SCRIPT)) as string[];
}

/** How many marks the page holds in all (0 when none is registered). */
export function markTotal(page: Page): Promise<number> {
  return page.evaluate((verdicts) => {
    return verdicts
      .map((v) => CSS.highlights.get(`kent-stats-${v}`)?.size ?? 0)
      .reduce((a, b) => a + b, 0);
  }, VERDICTS);
}

/** Waits until the extension has marked at least `min` claims. */
export async function waitForMarks(page: Page, min = 1): Promise<void> {
  await page.waitForFunction(
    (verdicts, n) =>
      verdicts
        .map((v) => CSS.highlights.get(`kent-stats-${v}`)?.size ?? 0)
        .reduce((a, b) => a + b, 0) >= n,
    { timeout: 15_000 },
    VERDICTS,
    min,
  );
}

/** Centre of the first mark of `verdict` whose text includes `number`, scrolled into view. */
export async function markCentre(
  page: Page,
  verdict: Verdict,
  number: string,
): Promise<{ x: number; y: number }> {
  const box = (await page.evaluate(
    markBoxScript([`kent-stats-${verdict}`], number, true),
  )) as MarkBox | null;
  if (!box) throw new Error(`no ${verdict} mark with ${number}`);
  return centreOf(box);
}

/** What the extension's UI shows: hosts in the page, and the open card if any. */
export interface UiState {
  hosts: number;
  /** Hosts a reader can see (not `display: none`). */
  visibleHosts: number;
  card: null | {
    role: string | null;
    text: string;
    focused: boolean;
    box: { top: number; bottom: number; left: number; right: number };
    /** The card's own background: set by the shadow root's styles, not the page's. */
    background: string;
  };
  toggle: string | null;
}

/** Read through the tests' route into the UI's closed shadow root (`../browsers/ui-root.ts`). */
export function uiState(page: Page): Promise<UiState> {
  return inUi(
    page,
    (root) => {
      const hosts = [...document.querySelectorAll('kent-stats-check')];
      const card = root?.querySelector<HTMLElement>('.ksc-card') ?? null;
      const rect = card?.getBoundingClientRect();
      return {
        hosts: hosts.length,
        visibleHosts: hosts.filter((h) => getComputedStyle(h).display !== 'none').length,
        card:
          card && rect
            ? {
                role: card.getAttribute('role'),
                text: card.textContent ?? '',
                focused: document.activeElement === root!.host && root!.activeElement === card,
                box: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
                background: getComputedStyle(card).backgroundColor,
              }
            : null,
        toggle: root?.querySelector('.ksc-toggle')?.textContent ?? null,
      };
    },
    null,
  );
}

/** Waits until the extension's UI is in a state `check` accepts. */
export async function waitForUi(page: Page, check: 'card' | 'no-card' | 'toggle'): Promise<void> {
  await waitInUi(
    page,
    (root, what) => {
      const card = root?.querySelector('.ksc-card');
      if (what === 'card') return Boolean(card);
      if (what === 'no-card') return !card;
      return Boolean(root?.querySelector('.ksc-toggle'));
    },
    check,
    { what: `the UI to show ${check}` },
  );
}

/** The toolbar button as the reader sees it on one tab. */
export interface BadgeState {
  text: string;
  /** RGBA, 0–255. */
  color: number[];
  title: string;
}

export function badgeOf(session: ExtensionSession, tabId: number): Promise<BadgeState> {
  return session.inExtension(async (id) => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = (g.browser ?? g.chrome)!;
    const button = api.action ?? api.browserAction;
    return {
      text: await button.getBadgeText({ tabId: id }),
      color: [...(await button.getBadgeBackgroundColor({ tabId: id }))],
      title: await button.getTitle({ tabId: id }),
    };
  }, tabId);
}

/** Asks the content script in a tab for its page's status, as the popup does. */
export function pageStatus(
  session: ExtensionSession,
  tabId: number,
): Promise<{ relevant: boolean; claims: unknown[] } | null> {
  return session.inExtension(async (id) => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = (g.browser ?? g.chrome)!;
    try {
      return (await api.tabs.sendMessage(id, { type: 'get-page-status', payload: null })) as {
        relevant: boolean;
        claims: unknown[];
      };
    } catch {
      return null;
    }
  }, tabId);
}
