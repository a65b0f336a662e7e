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

  it('lets no event a page script dispatches reach the UI’s own handlers', () => {
    const ui = createShadowHost(document, '');
    const button = document.createElement('button');
    ui.mount.appendChild(button);
    const acted: string[] = [];
    for (const type of ['click', 'keydown', 'mouseenter', 'submit'])
      button.addEventListener(type, () => acted.push(type));
    // What a page script can do to an element it reaches: every one is untrusted.
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.dispatchEvent(new MouseEvent('mouseenter'));
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    button.dispatchEvent(submit);
    expect(acted).toEqual([]);
    // Its default action (a submit button sending its form, a link opening) is cancelled too.
    expect(submit.defaultPrevented).toBe(true);
    ui.remove();
  });
});
