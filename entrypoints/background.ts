import { browser, type Browser } from 'wxt/browser';
import type { BackgroundMessages } from '@/utils/messages/background';
import { dispatch, type HandlersOf } from '@/utils/messages/map';
import { isBackgroundMessage } from '@/utils/messages/background-checks';
import { settingsItem } from '@/utils/storage/settings-item';
import { createSettingsWriter } from '@/utils/storage/settings-writer';
import { defineBackground } from 'wxt/utils/define-background';
import { BADGE_TEXT_COLOR, badgeFor } from '@/utils/badge';
import { REPORT_REQUEST_PARAM } from '@/utils/messages/report-request';
import { sendToTab } from '@/utils/messages/send';
import { type ReportRequest } from '@/utils/messages/background';

/**
 * The background does three small things: it owns the "Check this statistic" menu item and
 * forwards its clicks to the tab's content script, it sets the toolbar button's badge for a
 * tab when that tab's checker reports its verdicts, and it opens the report page for a claim
 * whose card's "Report a problem…" the reader pressed. It is also the one writer of the
 * reader's settings, so changes made in several tabs at once all survive. Nothing long-lived is kept here: each
 * badge belongs to its tab, and the browser resets it when the tab navigates.
 */
/** The context menu item "Check this statistic". */
const CHECK_SELECTION_MENU_ID = 'kent-stats-check-selection';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Menus survive restarts in Chrome; recreate cleanly on install and update.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: CHECK_SELECTION_MENU_ID,
        title: 'Check this statistic',
        contexts: ['selection'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CHECK_SELECTION_MENU_ID || tab?.id === undefined) return;
    sendToTab(tab.id, 'check-selection', { text: info.selectionText ?? '' }).catch(() => {
      // No content script on this page (browser pages, the store): nothing to show there.
    });
  });

  const settingsWriter = createSettingsWriter(settingsItem);
  const handlers: HandlersOf<BackgroundMessages, Sender> = {
    'page-badge': (counts, { tab }) =>
      tab?.id === undefined ? undefined : showBadge(tab.id, badgeFor(counts)),
    'open-report': (request, { tab }) => (tab ? openReportPage(tab, request) : undefined),
    'update-settings': (change) => settingsWriter.apply(change),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (sender.id !== browser.runtime.id || !isBackgroundMessage(message)) return undefined;
    // Settings change only from the extension's own pages, never from a content script; the
    // badge and the report page are a page's checker's to ask for.
    const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    const allowed =
      SENDERS[message.type] === 'extension-page' ? fromExtensionPage : sender.tab?.id !== undefined;
    return allowed ? dispatch(handlers, message, sender) : undefined;
  });
});

type Sender = Browser.runtime.MessageSender;

/** Who may send each message: a page's checker, or one of the extension's own pages. */
const SENDERS: Record<keyof BackgroundMessages, 'page' | 'extension-page'> = {
  'page-badge': 'page',
  'open-report': 'page',
  'update-settings': 'extension-page',
};

/**
 * The report page for a claim, in a new tab beside the page's. The claim travels in the
 * address (the page is the extension's own and not web-accessible, so no site can open it).
 */
async function openReportPage(
  tab: { id?: number; index: number; windowId?: number },
  request: ReportRequest,
): Promise<void> {
  const url = new URL(browser.runtime.getURL('/report.html'));
  url.searchParams.set(REPORT_REQUEST_PARAM, JSON.stringify(request));
  await browser.tabs.create({
    url: url.href,
    index: tab.index + 1,
    windowId: tab.windowId,
    openerTabId: tab.id,
  });
}

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in V2 (Firefox). */
const toolbarButton = () => browser.action ?? browser.browserAction;

async function showBadge(tabId: number, badge: ReturnType<typeof badgeFor>): Promise<void> {
  const button = toolbarButton();
  try {
    if (!badge) {
      // Back to the defaults: no badge, the extension's own name as the title.
      await Promise.all([
        button.setBadgeText({ tabId, text: '' }),
        button.setTitle({ tabId, title: browser.runtime.getManifest().name }),
      ]);
      return;
    }
    await Promise.all([
      button.setBadgeBackgroundColor({ tabId, color: badge.color }),
      button.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR }),
      button.setTitle({ tabId, title: badge.title }),
    ]);
    // The text last, so the badge never shows in a colour it does not mean.
    await button.setBadgeText({ tabId, text: badge.text });
  } catch {
    // The tab closed while its page reported.
  }
}
