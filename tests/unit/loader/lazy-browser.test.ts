/**
 * The loader's `browser` must leave the extension API untouched until it is really used (a
 * page the loader turns away never pays for the bindings), and be the real API from then on.
 */
import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { EVENT_NAMESPACE, lazyBrowser } from '@/utils/loader/lazy-browser';

function scopeWithSpy() {
  const addListener = vi.fn();
  const runtime = { id: 'abcdefghijklmnop', onMessage: { addListener } };
  const touched = vi.fn();
  const scope = {
    get chrome() {
      touched();
      return { runtime } as unknown as WxtBrowser;
    },
  };
  return { scope, touched, addListener };
}

describe('lazyBrowser', () => {
  it('answers WXT’s read of runtime.id at load without touching the API', () => {
    const { scope, touched } = scopeWithSpy();
    const browser = lazyBrowser(scope);
    expect(`${browser.runtime?.id}:content:wxt:content-script-started`).toBe(
      `${EVENT_NAMESPACE}:content:wxt:content-script-started`,
    );
    expect(touched).not.toHaveBeenCalled();
  });

  it('is the real API from its first real use on, its id included', () => {
    const { scope, touched, addListener } = scopeWithSpy();
    const browser = lazyBrowser(scope);
    const listener = () => undefined;
    browser.runtime.onMessage.addListener(listener);
    expect(touched).toHaveBeenCalled();
    expect(addListener).toHaveBeenCalledWith(listener);
    expect(browser.runtime.id).toBe('abcdefghijklmnop');
  });

  it('prefers Firefox’s `browser` when it is the extension API', () => {
    const firefox = { runtime: { id: 'kent-stats-check@example.org' } } as unknown as WxtBrowser;
    const browser = lazyBrowser({ browser: firefox, chrome: {} as WxtBrowser });
    // A first real use (any namespace) settles which API it is.
    expect(browser.storage).toBeUndefined();
    expect(browser.runtime.id).toBe('kent-stats-check@example.org');
  });
});
