/**
 * Sending a message, typed by the receiver's map: the popup and the background ask a tab's
 * content script (`sendToTab`), the checker and extension pages ask the background
 * (`sendToBackground`).
 */
import { browser } from 'wxt/browser';
import type { BackgroundMessages } from './background';
import type { ContentScriptMessages } from './content';
import type { MessageOf, RequestOf, ResponseOf } from './map';
import { LOADER_WAKE_KEY } from '@/utils/loader/checker-handoff';

/**
 * Asks the content script in `tabId`; rejects when no content script runs there (browser
 * pages, the store). The loader does not listen on pages it turned away (listening costs
 * every such page the extension's bindings), so when nothing answers, the loader is woken
 * and asked again. Waking runs one line in the extension's isolated world, which the browser
 * allows only just after the reader opened the popup or the context menu on that tab
 * (`activeTab`).
 */
export async function sendToTab<T extends keyof ContentScriptMessages>(
  tabId: number,
  type: T,
  payload: RequestOf<ContentScriptMessages, T>,
): Promise<ResponseOf<ContentScriptMessages, T>> {
  const message: MessageOf<ContentScriptMessages, T> = { type, payload };
  const send = async () =>
    (await browser.tabs.sendMessage(tabId, message)) as ResponseOf<ContentScriptMessages, T>;
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

export async function sendToBackground<T extends keyof BackgroundMessages>(
  type: T,
  payload: RequestOf<BackgroundMessages, T>,
): Promise<ResponseOf<BackgroundMessages, T>> {
  const message: MessageOf<BackgroundMessages, T> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as ResponseOf<BackgroundMessages, T>;
}
