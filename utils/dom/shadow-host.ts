/**
 * The extension's own UI in the page: one host element holding a closed shadow root with its
 * own reset styles. Closed, so a page script cannot read or drive the UI: `host.shadowRoot`
 * is null to it, and events from inside reach its listeners retargeted to the host. Only the
 * code that made the root holds it (`ShadowHost.root`). Styles go in through
 * `adoptedStyleSheets` (CSSOM), which a page's Content-Security-Policy does not block, unlike
 * an inline `<style>`.
 *
 * Firefox stops an updated, disabled or removed extension's content script without its
 * teardown, so the host may outlive its script: it is hidden unless the manifest's CSS (which
 * goes with the extension) shows it, and a new instance removes any host an earlier one left.
 */
/**
 * Set on the extension's elements for styling and for tools outside the project to find.
 * Never trusted: a page can put it on its own article (see `isOwnNode`).
 */
export const UI_ATTRIBUTE = 'data-kent-stats-ui';

/** The elements the extension made, known by identity, which a page cannot copy. */
const OWN = new WeakSet<Node>();

/** Records an element as the extension's own (never scanned, never observed). */
export function markOwn(el: Element): void {
  OWN.add(el);
}
export const HOST_TAG = 'kent-stats-check';

/** Input events the UI answers, which a page script could forge. */
const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'mousedown',
  'mouseup',
  'mouseover',
  'mouseout',
  'mouseenter',
  'mouseleave',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
] as const;

export interface ShadowHost {
  host: HTMLElement;
  /** The closed root: this reference is the only way in, so it never goes to the page. */
  root: ShadowRoot;
  /** The element Preact renders into. */
  mount: HTMLElement;
  remove(): void;
}

export function createShadowHost(doc: Document, css: string): ShadowHost {
  for (const old of doc.querySelectorAll(`${HOST_TAG}[${UI_ATTRIBUTE}]`)) old.remove();
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(UI_ATTRIBUTE, '');
  markOwn(host);
  // Keep the page's own styles from reaching the host box itself.
  host.style.setProperty('all', 'initial');
  host.style.setProperty('position', 'absolute');
  host.style.setProperty('top', '0');
  host.style.setProperty('left', '0');
  host.style.setProperty('z-index', '2147483647');
  // Shown by `entrypoints/content/highlights.css` only, while the extension is there.
  host.style.setProperty('display', 'none');
  const root = host.attachShadow({ mode: 'closed' });
  const win = doc.defaultView;
  if (win) {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  }
  // Only the reader's own input acts in the UI: an event a page script dispatches
  // (`isTrusted` false) is stopped before any of the UI's handlers, and its default action
  // (a button's, a link's) is cancelled.
  for (const type of GUARDED_EVENTS)
    root.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  const mount = doc.createElement('div');
  mount.className = 'kent-stats-root';
  root.appendChild(mount);
  (doc.body ?? doc.documentElement).appendChild(host);
  return {
    host,
    root,
    mount,
    remove: () => host.remove(),
  };
}

/**
 * True for an element that is itself the extension's own UI. Enough for a walk from the top
 * of the page that skips such elements, which never meets anything inside one; cheaper than
 * `isOwnNode`, which asks every ancestor of every element the walk meets.
 */
export function isOwnElement(el: Element): boolean {
  return OWN.has(el);
}

/** True for nodes that belong to the extension's own UI (never scanned, never observed). */
export function isOwnNode(node: Node): boolean {
  for (
    let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  )
    if (OWN.has(el)) return true;
  return false;
}
