import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BADGE_TEXT_COLOR, badgeFor } from '@/utils/badge';
import { CHECK_SELECTION_MENU_ID, isBadgeMessage, sendToTab } from '@/utils/messages';

/**
 * The background does three small things: it owns the "Check this statistic" menu item and
 * forwards its clicks to the tab's content script, and it sets the toolbar button's badge for
 * a tab when that tab's checker reports its verdicts. Nothing long-lived is kept here: each
 * badge belongs to its tab, and the browser resets it when the tab navigates.
 */
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

  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    // Only a page's checker reports verdicts; anything else is not for the background.
    if (!isBadgeMessage(message) || tabId === undefined || sender.id !== browser.runtime.id)
      return undefined;
    return showBadge(tabId, badgeFor(message.payload));
  });
});

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
