import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CHECK_SELECTION_MENU_ID, sendToTab } from '@/utils/messages';

/**
 * The background does two things only: it owns the "Check this statistic" menu item and
 * forwards its clicks to the tab's content script. Nothing long-lived is kept here.
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
});
