/**
 * The contract between the content script's small loader (run on every page) and the checker
 * it loads only on pages with something to check. The checker is a separate script because
 * evaluating its bundle (engine, dataset, fuse.js, Preact) costs a page a noticeable stretch
 * of main thread (tests/bench/NOTES.md), which a page about recipes should never pay.
 *
 * The loader imports the checker with a dynamic `import()`, which runs it in the content
 * script's isolated world: the checker leaves its entry function on that world's global
 * object, where the page's own scripts cannot see it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentMessage } from '@/utils/messages/content';
import type { Settings } from '@/utils/storage/settings';

/** Where the built checker lives in the extension (an unlisted script, web-accessible). */
export const CHECKER_PATH = '/checker.js';

/** The isolated world's global slot the checker fills when it is evaluated. */
export const CHECKER_KEY = Symbol.for('kent-stats-check:mount-checker');

export interface CheckerMount {
  ctx: ContentScriptContext;
  /** The settings as the loader last read them; the checker watches them from then on. */
  settings: Settings;
  /** The loader found the page worth checking (false: the reader asked to check a selection). */
  relevant: boolean;
}

/**
 * The isolated-world global through which `sendToTab` wakes a silent loader (a
 * `Symbol.for` key, so the loader and the injected function agree without sharing code).
 */
export const LOADER_WAKE_KEY = 'kent-stats-check:listen';

export interface CheckerApi {
  /** Answers a message for the content script; undefined for one it does not take. */
  handle(message: ContentMessage): unknown;
}

export type MountChecker = (mount: CheckerMount) => CheckerApi;

/** Called by the checker script as it is evaluated. */
export function offerChecker(mount: MountChecker): void {
  (globalThis as Record<symbol, unknown>)[CHECKER_KEY] = mount;
}

/** The checker's entry function, once its script has been evaluated in this world. */
export function takeChecker(): MountChecker | null {
  const mount = (globalThis as Record<symbol, unknown>)[CHECKER_KEY];
  return typeof mount === 'function' ? (mount as MountChecker) : null;
}
