// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowHost, HOST_TAG } from '@/utils/dom/shadow-host';

describe('the UI host', () => {
  it('is hidden unless the extension’s stylesheet shows it, so it cannot outlive the extension', () => {
    const { host } = createShadowHost(document, '');
    // The inline style hides it; only the manifest's CSS (gone with the extension) shows it.
    expect(host.style.getPropertyValue('display')).toBe('none');
    host.remove();
  });

  it('replaces a host an earlier instance left in the page, so an update shows one UI', () => {
    const left = createShadowHost(document, '');
    left.mount.textContent = 'old card';
    const fresh = createShadowHost(document, '');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(document.querySelector(HOST_TAG)).toBe(fresh.host);
    fresh.remove();
  });
});
