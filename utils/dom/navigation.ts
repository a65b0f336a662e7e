/**
 * Single-page navigation, seen without believing any event the page can dispatch: a site
 * that swaps in a new `<body>` (Turbo, Turbolinks) or moves with the history API. WXT's
 * `wxt:locationchange` is an event on the page's window, under a name the page can learn and
 * forge; the body's identity and the address are read from the page itself instead.
 */
export interface NavigationWatch {
  signal: AbortSignal;
  /** Called, outside any observer callback, when the body was replaced or the address changed. */
  onNavigate(change: 'body' | 'url'): void;
  /** Also look at the address every this many ms (history API moves change no DOM at once). */
  urlPollMs?: number;
}

export function watchNavigation(doc: Document, options: NavigationWatch): void {
  const win = doc.defaultView;
  if (!win || options.signal.aborted) return;
  let body = doc.body;
  let url = win.location.href;
  let pending: number | undefined;
  const check = () => {
    pending = undefined;
    if (options.signal.aborted) return;
    if (doc.body !== body) {
      body = doc.body;
      url = win.location.href;
      options.onNavigate('body');
    } else if (win.location.href !== url) {
      url = win.location.href;
      options.onNavigate('url');
    }
  };
  // Only the root's own children: a body swap, never the page's everyday changes.
  const observer = new win.MutationObserver(() => {
    if (pending === undefined) pending = win.setTimeout(check, 0);
  });
  observer.observe(doc.documentElement, { childList: true });
  const poll = options.urlPollMs ? win.setInterval(check, options.urlPollMs) : undefined;
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (pending !== undefined) win.clearTimeout(pending);
    if (poll !== undefined) win.clearInterval(poll);
  });
}
