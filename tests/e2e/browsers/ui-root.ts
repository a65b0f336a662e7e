/**
 * The tests' route into the extension's UI, which lives in a closed shadow root: a page
 * script gets `null` from `host.shadowRoot`, so the tests reach the root through the
 * browser's automation protocol instead, a route no page script has.
 *
 * - Chromium (puppeteer's or Playwright's DevTools session): `DOM.describeNode` with
 *   `pierce` lists the host's shadow roots, closed ones included; `DOM.resolveNode` turns the
 *   root into a main-world object, and `Runtime.callFunctionOn` runs the function on it.
 * - Firefox (WebDriver BiDi): `script.callFunction` with `includeShadowTree: 'all'` serialises
 *   the host with its closed root as a shared reference, which a second `script.callFunction`
 *   takes as an argument.
 *
 * The function runs in the page's main world with the root as its first argument (`null`
 * when the page has no UI host), so it must stand alone, like any `page.evaluate` function.
 * Its argument and its result go as JSON.
 */
import type { Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import type { CDPSession as PlaywrightCdp, Page as PlaywrightPage } from 'playwright-core';

/** Runs in the page with the UI's shadow root; returns something JSON can carry. */
export type UiFunction<A, R> = (root: ShadowRoot | null, arg: A) => R | Promise<R>;

type Send = (method: string, params: Record<string, unknown>) => Promise<unknown>;

/** The last host, as the extension's newest instance appends its own (`createShadowHost`). */
const HOST = `[...document.querySelectorAll('kent-stats-check')].at(-1) ?? null`;

/**
 * A call of `fn` on `self` as source. The result goes back as a JSON string, the one
 * serialisation both protocols return alike (`undefined` included, as a missing field).
 * `__name` is the helper a bundler's keep-names setting wraps functions in; it does not
 * exist in the page.
 */
function callSource<A, R>(fn: UiFunction<A, R>, arg: A): string {
  return `async function (root) {
    const __name = (f) => f;
    return JSON.stringify({ value: await (${fn.toString()})(root, ${JSON.stringify(arg) ?? 'undefined'}) });
  }`;
}

function parse<R>(json: unknown): R {
  if (typeof json !== 'string')
    throw new Error(`The UI function returned no JSON: ${String(json)}`);
  return (JSON.parse(json) as { value: R }).value;
}

interface CdpResult {
  result: { objectId?: string; subtype?: string; value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

function cdpError(what: string, r: CdpResult): Error {
  return new Error(
    `${what}: ${r.exceptionDetails?.exception?.description ?? r.exceptionDetails?.text}`,
  );
}

/** Over the DevTools protocol (Chromium): pierce to the host's closed root by node id. */
async function viaCdp<A, R>(send: Send, fn: UiFunction<A, R>, arg: A): Promise<R> {
  const objectGroup = 'kent-stats-check-tests';
  try {
    const host = (await send('Runtime.evaluate', { expression: HOST, objectGroup })) as CdpResult;
    if (host.exceptionDetails) throw cdpError('Finding the UI host', host);
    let root: string | undefined;
    if (host.result.objectId) {
      const { node } = (await send('DOM.describeNode', {
        objectId: host.result.objectId,
        pierce: true,
        depth: 1,
      })) as { node: { shadowRoots?: Array<{ backendNodeId: number }> } };
      const backendNodeId = node.shadowRoots?.[0]?.backendNodeId;
      if (backendNodeId !== undefined) {
        const { object } = (await send('DOM.resolveNode', { backendNodeId, objectGroup })) as {
          object: { objectId: string };
        };
        root = object.objectId;
      }
    }
    // The root goes in as the argument; without one, the function still runs, on null.
    const r = (await send('Runtime.callFunctionOn', {
      functionDeclaration: callSource(fn, arg),
      objectId: root ?? host.result.objectId ?? (await globalObject(send, objectGroup)),
      arguments: [root ? { objectId: root } : { value: null }],
      returnByValue: true,
      awaitPromise: true,
    })) as CdpResult;
    if (r.exceptionDetails) throw cdpError('In the UI’s shadow root', r);
    return parse<R>(r.result.value);
  } finally {
    await send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

async function globalObject(send: Send, objectGroup: string): Promise<string> {
  const r = (await send('Runtime.evaluate', {
    expression: 'globalThis',
    objectGroup,
  })) as CdpResult;
  return r.result.objectId!;
}

/** The parts of puppeteer's BiDi frame used here, which puppeteer keeps internal. */
interface BidiRealm {
  callFunction(
    functionDeclaration: string,
    awaitPromise: boolean,
    options?: Record<string, unknown>,
  ): Promise<BidiRemoteValue & { type?: string }>;
}
interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}
type BidiFrame = PuppeteerFrame & { browsingContext: { defaultRealm: BidiRealm } };

/** Over WebDriver BiDi (Firefox): the host serialised with its closed root, then a call on it. */
async function viaBidi<A, R>(frame: BidiFrame, fn: UiFunction<A, R>, arg: A): Promise<R> {
  const realm = frame.browsingContext.defaultRealm;
  const host = (await realm.callFunction(`function () { return ${HOST}; }`, false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    resultOwnership: 'none',
  })) as { type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } };
  if (host.type === 'exception')
    throw new Error(`Finding the UI host: ${host.exceptionDetails?.text}`);
  const shadowRoot = (host.result?.value as { shadowRoot?: BidiRemoteValue | null } | undefined)
    ?.shadowRoot;
  const r = (await realm.callFunction(callSource(fn, arg), true, {
    arguments: [shadowRoot?.sharedId ? { sharedId: shadowRoot.sharedId } : { type: 'null' }],
    resultOwnership: 'none',
  })) as { type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } };
  if (r.type === 'exception')
    throw new Error(`In the UI’s shadow root: ${r.exceptionDetails?.text}`);
  return parse<R>(r.result?.value);
}

const cdpSessions = new WeakMap<object, Promise<Send>>();

function cdpOf(page: PuppeteerPage | PlaywrightPage): Promise<Send> {
  let send = cdpSessions.get(page);
  if (!send) {
    send = isPlaywright(page)
      ? page
          .context()
          .newCDPSession(page)
          .then((s: PlaywrightCdp) => (m, p) => s.send(m as 'Runtime.evaluate', p as never))
      : page.createCDPSession().then((s) => (m, p) => s.send(m as 'Runtime.evaluate', p as never));
    cdpSessions.set(page, send);
  }
  return send;
}

function isPlaywright(page: PuppeteerPage | PlaywrightPage): page is PlaywrightPage {
  return typeof (page as PlaywrightPage).context === 'function';
}

/**
 * Runs `fn` in `page` with the extension's UI shadow root (open or closed) as its argument:
 * in Chromium through either test driver, in Firefox through puppeteer's BiDi session.
 */
export async function inUi<A, R>(
  page: PuppeteerPage | PlaywrightPage,
  fn: UiFunction<A, R>,
  arg: A,
): Promise<R> {
  // Puppeteer's frames over BiDi carry their browsing context; its CDP frames do not.
  const frame = isPlaywright(page) ? null : page.mainFrame();
  if (frame && 'browsingContext' in frame) return viaBidi(frame as BidiFrame, fn, arg);
  return viaCdp(await cdpOf(page), fn, arg);
}

/** Polls `fn` through `inUi` until it returns something truthy; returns that. */
export async function waitInUi<A, R>(
  page: PuppeteerPage | PlaywrightPage,
  fn: UiFunction<A, R>,
  arg: A,
  { timeout = 15_000, what = 'the extension’s UI' } = {},
): Promise<R> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await inUi(page, fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}.`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

type AnyPage = PuppeteerPage | PlaywrightPage;

/** One element of the UI as a test reads it. */
export interface UiElement {
  text: string;
  role: string | null;
  className: string;
  /** Viewport pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** Its computed background colour: the shadow root's styles, not the page's. */
  background: string;
  /** Whether it has the focus (the host has it in the document, it has it in the root). */
  focused: boolean;
  /** How many elements in the root match the selector. */
  count: number;
}

/** The first element in the UI matching `selector`, or null. */
export function uiElement(page: AnyPage, selector: string): Promise<UiElement | null> {
  return inUi(
    page,
    (root, sel) => {
      const all = root ? [...root.querySelectorAll<HTMLElement>(sel)] : [];
      const el = all[0];
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        role: el.getAttribute('role'),
        className: el.className,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        background: getComputedStyle(el).backgroundColor,
        focused: document.activeElement === root!.host && root!.activeElement === el,
        count: all.length,
      };
    },
    selector,
  );
}

/** The text of every element in the UI matching `selector`. */
export function uiTexts(page: AnyPage, selector: string): Promise<string[]> {
  return inUi(
    page,
    (root, sel) => [...(root?.querySelectorAll(sel) ?? [])].map((el) => el.textContent ?? ''),
    selector,
  );
}

/** Waits until an element matching `selector` is in the UI (or, `'detached'`, is not). */
export async function waitForUiElement(
  page: AnyPage,
  selector: string,
  state: 'attached' | 'detached' = 'attached',
  timeout = 15_000,
): Promise<void> {
  await waitInUi(
    page,
    (root, [sel, want]) => Boolean(root?.querySelector(sel)) === (want === 'attached'),
    [selector, state] as const,
    { timeout, what: `${selector} ${state}` },
  );
}

/** The class of the element focused inside the UI, when the UI has the page's focus. */
export function uiFocusedClass(page: AnyPage): Promise<string | null> {
  return inUi(
    page,
    (root) => {
      if (!root || document.activeElement !== root.host) return null;
      return (root.activeElement as HTMLElement | null)?.className ?? null;
    },
    null,
  );
}

/** Moves the focus to an element of the UI (`focus()` is no input event: nothing acts). */
export async function focusInUi(page: AnyPage, selector: string): Promise<void> {
  const done = await inUi(
    page,
    (root, sel) => {
      const el = root?.querySelector<HTMLElement>(sel);
      el?.focus();
      return Boolean(el);
    },
    selector,
  );
  if (!done) throw new Error(`No ${selector} in the extension’s UI to focus.`);
}

/** A real click (the browser's input, `isTrusted`) at the centre of a UI element. */
export async function clickInUi(page: AnyPage, selector: string): Promise<void> {
  await waitForUiElement(page, selector);
  const box = await inUi(
    page,
    (root, sel) => {
      const el = root!.querySelector<HTMLElement>(sel)!;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    selector,
  );
  await page.mouse.click(box.x, box.y);
}
