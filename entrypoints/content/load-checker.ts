/**
 * Loads the checker script into this isolated world and mounts it. A failure (the extension
 * was updated under the page, a browser that refuses the import) is logged once and leaves
 * the page as it was: the reader loses the highlights, never the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  CHECKER_PATH,
  takeChecker,
  type CheckerApi,
  type MountChecker,
} from '@/utils/loader/checker-handoff';
import type { Settings } from '@/utils/storage/settings';

let imported: Promise<MountChecker | null> | null = null;

/**
 * Fetches and evaluates the checker once (the loader may start this while it still reads the
 * settings, so the two waits overlap).
 */
export function importChecker(): Promise<MountChecker | null> {
  imported ??= (async () => {
    try {
      if (!takeChecker()) await import(/* @vite-ignore */ browser.runtime.getURL(CHECKER_PATH));
      const mount = takeChecker();
      if (!mount) throw new Error(`${CHECKER_PATH} did not offer its entry function`);
      return mount;
    } catch (error) {
      console.warn('Kent Stats Check could not load its checker on this page:', error);
      return null;
    }
  })();
  return imported;
}

export async function loadChecker(
  ctx: ContentScriptContext,
  settings: Settings,
  relevant: boolean,
): Promise<CheckerApi | null> {
  const mount = await importChecker();
  if (!mount || ctx.isInvalid) return null;
  try {
    return mount({ ctx, settings, relevant });
  } catch (error) {
    console.warn('Kent Stats Check could not start its checker on this page:', error);
    return null;
  }
}
