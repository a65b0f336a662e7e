/**
 * The content script every http(s) page gets: a small loader. At `document_idle` it runs the
 * cheap relevance test, and loads the checker (engine, dataset, UI) only where
 * the page names Kent, Medway, a district or the trust, or when the reader asks to check a
 * selection. A page with nothing to check pays for this file and one scan of its text: not
 * even the extension APIs are touched (each namespace costs a page its bindings on first use),
 * so the loader listens for messages only once it is needed: on a page worth checking, when
 * the reader opens a context menu (for "Check this statistic"), or when the popup wakes it
 * (`sendToTab`). Content that arrives later is tested as it comes.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LOADER_WAKE_KEY, type CheckerApi } from '@/utils/loader/checker-handoff';
import { IDLE_MARK, setTimingMark } from '@/utils/dom/timing-marks';
import { watchNavigation } from '@/utils/dom/navigation';
import { observePage } from '@/utils/dom/observe';
import { looksRelevant } from '@/utils/dom/relevance';
import { releaseListener } from '@/utils/loader/release-listener';
import { isContentMessage } from '@/utils/messages/content-checks';
import type { ContentMessage, ContentScriptMessages } from '@/utils/messages/content';
import { dispatch, type HandlersOf } from '@/utils/messages/map';
import { isPaused, type Settings } from '@/utils/storage/settings';
import { importChecker, loadChecker } from './load-checker';
import { readSettings, watchSettings } from './settings-reader';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The highlight rules go in through the manifest: a page's CSP cannot block them.
  cssInjectionMode: 'manifest',
  // WXT's "script started" postMessage would tell the page's own scripts the extension is
  // here. (Its in-document event would too: the loader's build uses a context that sends
  // none, utils/loader/quiet-context.ts.)
  noScriptStartedPostMessage: true,
  main(ctx) {
    distrustPageEvents(ctx);
    gate(ctx);
  },
});

/**
 * WXT retires a content script when a "newer copy started" event reaches the document. Any
 * page can dispatch that event (its name holds no secret: the loader's API-free id is a fixed
 * namespace), and one line of page script took every mark and the card off the page. No event
 * is believed: an older copy cut off by an update finds that out for itself (`ctx.isInvalid`,
 * polled by the checker; the loader's first API use).
 */
function distrustPageEvents(ctx: ContentScriptContext): void {
  (ctx as unknown as { verifyScriptStartedEvent(event: Event): boolean }).verifyScriptStartedEvent =
    () => false;
}

/** One run of the loader in one page; everything it starts stops with `ctx`. */
function gate(ctx: ContentScriptContext): void {
  /** Read on first need: a page that is not about Kent never needs them. */
  let settings: Promise<Settings> | null = null;
  /** Set once the checker is asked for; it then owns the page, its settings and messages. */
  let checker: Promise<CheckerApi | null> | null = null;
  /** Watches the settings while the page waits, paused, for the reader to resume. */
  let unwatch: (() => void) | null = null;
  ctx.onInvalidated(() => releaseListener(() => unwatch?.()));

  const currentSettings = (): Promise<Settings> => (settings ??= readSettings());
  const paused = async () => isPaused(await currentSettings(), location.hostname);

  const mount = (relevant: boolean): Promise<CheckerApi | null> => {
    checker ??= currentSettings().then((s) => {
      unwatch?.();
      unwatch = null;
      return loadChecker(ctx, s, relevant);
    });
    return checker;
  };

  /** The page is worth checking: load the checker, or wait while the site is paused. */
  const found = async () => {
    if (checker || unwatch) return;
    listen();
    // Cut off by an update since the page loaded (as `listen` found out): nothing to load.
    if (ctx.signal.aborted) return;
    // Fetch the checker while the settings are read; it is only mounted if not paused.
    void importChecker();
    if (!(await paused())) return void mount(true);
    unwatch = watchSettings((next) => {
      settings = Promise.resolve(next);
      if (!isPaused(next, location.hostname)) void mount(true);
    });
  };

  // Answers through `sendResponse` (and `return true`), which every browser supports without
  // the promise polyfill this file does without.
  const onMessage = (
    message: unknown,
    _sender: unknown,
    sendResponse: (response: unknown) => void,
  ): true | undefined => {
    if (!isContentMessage(message)) return undefined;
    void answer(message).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  let listening = false;
  /** Starts answering the popup and the background; the first call is the first API use. */
  function listen(): void {
    if (listening || ctx.signal.aborted) return;
    try {
      browser.runtime.onMessage.addListener(onMessage);
    } catch {
      // The extension is gone from under this page: there is no one left to answer, so the
      // loader stops watching the page too.
      ctx.notifyInvalidated();
      return;
    }
    // The API is in use now, so `isInvalid` tells the truth: a loader cut off by an update
    // stops here, with everything it started (see utils/loader/lazy-browser.ts).
    if (ctx.isInvalid) return;
    listening = true;
    ctx.onInvalidated(() =>
      releaseListener(() => browser.runtime.onMessage.removeListener(onMessage)),
    );
  }
  // "Check this statistic" is a context-menu item: the menu opens after the page has had its
  // `contextmenu` event, so listening from then on is in time for the click. Passive and in
  // the capture phase, so the page's own handlers are neither delayed nor able to hide it.
  ctx.addEventListener(window, 'contextmenu', listen, { capture: true, passive: true });
  // The popup's way in (see `sendToTab`): a function in this isolated world, which the page's
  // own scripts cannot see or call.
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const wakeKey = Symbol.for(LOADER_WAKE_KEY);
  scope[wakeKey] = listen;
  ctx.onInvalidated(() => {
    if (scope[wakeKey] === listen) delete scope[wakeKey];
  });

  // `document_idle` is the browser's own "the page is idle" moment, and the test is cheap
  // enough to run there; the checker does its real work in idle callbacks.
  const idleAt = performance.now();
  if (looksRelevant(document, document.body)) {
    setTimingMark(IDLE_MARK, undefined, idleAt);
    void found();
  } else {
    // A single-page app's move to a page about Kent shows as added content, or as a new body:
    // no need to poll the address (the checker, once loaded, also follows the address).
    const watch = new AbortController();
    let body = new AbortController();
    ctx.onInvalidated(() => {
      watch.abort();
      body.abort();
    });
    const stopAndMount = () => {
      watch.abort();
      body.abort();
      void found();
    };
    const watchBody = () =>
      observePage(document, {
        // The extension has added nothing to this page yet.
        isOwn: () => false,
        signal: body.signal,
        // Nothing here is waiting on the answer, so changes are read in bigger, rarer batches:
        // a page that updates a clock or a ticker all day costs a test every half second, not
        // one every 50 ms.
        flushDelayMs: 500,
        onRoots: (roots) => {
          if (roots.some((root) => looksRelevant(document, root))) stopAndMount();
        },
        onResume: () => {
          if (looksRelevant(document, document.body)) stopAndMount();
        },
      });
    watchBody();
    // A site that swaps in a whole new body (Turbo): test it, and watch it instead.
    watchNavigation(document, {
      signal: watch.signal,
      onNavigate: () => {
        body.abort();
        if (looksRelevant(document, document.body)) return stopAndMount();
        body = new AbortController();
        watchBody();
      },
    });
  }

  async function answer(message: ContentMessage): Promise<unknown> {
    if (!checker && message.type === 'check-selection' && !(await paused())) {
      // The reader asked: load the checker even on a page that named no Kent place.
      void mount(false);
    }
    const api = checker ? await checker : null;
    return api ? api.handle(message) : unloaded(message);
  }

  /** Answers for a page the checker never looked at. */
  const unloadedHandlers: HandlersOf<ContentScriptMessages> = {
    'get-page-status': async () => ({
      relevant: false,
      paused: await paused(),
      url: location.href,
      title: document.title,
      claims: [],
      counts: { match: 0, mismatch: 0, 'not-held': 0, unverified: 0 },
    }),
    'open-claim': () => false,
    'check-selection': () => false,
  };
  function unloaded(message: ContentMessage): unknown {
    return dispatch(unloadedHandlers, message, undefined);
  }
}
