/**
 * `wxt/browser` for the content script's loader: the same object, found on first use rather
 * than when the script starts. The first touch of `runtime` makes Chromium build the
 * extension's bindings for the page (about half a millisecond), and a page the loader turns
 * away never uses them, so it should not pay for them. `wxt.config.ts` points the loader's
 * build here.
 *
 * One read is answered without the bindings: `runtime.id`, which WXT's content-script context
 * reads as it loads, only to give its document events names that no other extension shares.
 * Until the real API is first used, the id reads as `EVENT_NAMESPACE`, which does that job as
 * well (every copy of the loader uses it, so a newer copy still retires an older one). So in
 * the loader, do not test `runtime.id` to see whether the extension is still there before
 * something has used the API: `ctx.isInvalid` is only meaningful after that. (Reading the id
 * from a stack trace instead cost more than the bindings: V8 reparses the script for it.)
 */
import type { WxtBrowser } from 'wxt/browser';

export const EVENT_NAMESPACE = 'kent-stats-check';

/** Where the real API is found: Firefox's `browser`, else Chromium's `chrome`, as in WXT. */
export interface ApiScope {
  browser?: WxtBrowser;
  chrome?: WxtBrowser;
}

export function lazyBrowser(scope: ApiScope): WxtBrowser {
  let api: WxtBrowser | undefined;
  const real = (): WxtBrowser => {
    api ??= scope.browser?.runtime?.id ? scope.browser : scope.chrome;
    if (!api) throw new Error('No extension API in this context');
    return api;
  };
  const runtimeBeforeUse = new Proxy({} as WxtBrowser['runtime'], {
    get: (_target, key) =>
      key === 'id' && !api ? EVENT_NAMESPACE : (Reflect.get(real().runtime, key) as unknown),
  });
  return new Proxy({} as WxtBrowser, {
    get: (_target, key) =>
      key === 'runtime' && !api ? runtimeBeforeUse : (Reflect.get(real(), key) as unknown),
    has: (_target, key) => Reflect.has(real(), key),
  });
}

export const browser: WxtBrowser = lazyBrowser(globalThis as ApiScope);
