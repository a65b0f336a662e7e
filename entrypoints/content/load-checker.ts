/**
 * Loads the checker script into this isolated world and mounts it. A failure (the extension
 * was updated under the page, a browser that refuses the import) is logged once and leaves
 * the page as it was: the reader loses the highlights, never the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CHECKER_PATH, takeChecker, type CheckerApi } from '@/utils/dom/checker-handoff';
import type { Settings } from '@/utils/storage/settings';

export async function loadChecker(
  ctx: ContentScriptContext,
  settings: Settings,
  relevant: boolean,
): Promise<CheckerApi | null> {
  try {
    let mount = takeChecker();
    if (!mount) {
      await import(/* @vite-ignore */ browser.runtime.getURL(CHECKER_PATH));
      mount = takeChecker();
    }
    if (!mount) throw new Error(`${CHECKER_PATH} did not offer its entry function`);
    if (ctx.isInvalid) return null;
    return mount({ ctx, settings, relevant });
  } catch (error) {
    console.warn('Kent Stats Check could not load its checker on this page:', error);
    return null;
  }
}
