/**
 * The content script's context, in place of WXT's `ContentScriptContext` in the loader's build
 * (`wxt.config.ts` points `wxt/utils/content-script-context` here for that build only).
 *
 * Why: WXT's context announces every new copy of a content script with a CustomEvent on the
 * document, under a fixed name, before `main` runs, so that older copies retire. A page that
 * listens for that event learns the extension is installed, on any page, even one it has
 * nothing to do with (issue 13, detect.html); and since the page can dispatch the same event,
 * believing it was a kill switch. WXT has no option to leave the event out. This context
 * keeps the rest of WXT's contract (an abort signal, `isInvalid` found out from the extension
 * API, timers that stop with it) and neither sends nor listens for any event: a copy cut off
 * by an update finds that out for itself (`isInvalid`, polled by the checker).
 *
 * Not supported, as nothing here uses them: WXT's `wxt:locationchange` event (the checker
 * follows navigations itself, utils/dom/navigation.ts).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

export class ContentScriptContext {
  readonly id = Math.random().toString(36).slice(2);
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** As WXT's: the extension API gone (removed, updated, disabled) means this copy is done. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles, for work that must not go on once invalid. */
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** A listener removed when the context is invalidated. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  /** No event from the page is believed (see the file's comment). */
  verifyScriptStartedEvent(): boolean {
    return false;
  }
}

/**
 * The parts of WXT's context the loader and the checker use: this class must keep providing
 * them with the same meaning, or the build that swaps it in would break at run time.
 */
type Used =
  | 'signal'
  | 'isInvalid'
  | 'isValid'
  | 'onInvalidated'
  | 'notifyInvalidated'
  | 'requestIdleCallback'
  | 'setTimeout'
  | 'block';
export type QuietContextCovers =
  ContentScriptContext extends Pick<WxtContentScriptContext, Used> ? true : never;
export const quietContextCovers: QuietContextCovers = true;
