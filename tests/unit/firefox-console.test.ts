import { describe, expect, it } from 'vitest';
import { consoleErrors } from '../e2e/browsers/firefox-console';

describe('reading Firefox’s console output', () => {
  it('keeps the errors of pages and extensions, and drops Firefox’s own', () => {
    const output = [
      'console.error: "probe-console-error"',
      'JavaScript error: moz-extension://6d1e/popup.html?tab=0, line 1: Error: probe-boom',
      'console.error: (new TypeError("can\'t access property \\"id\\", context is null", "chrome://remote/content/shared/NavigationManager.sys.mjs", 439))',
      'JavaScript error: resource://gre/modules/PrivateBrowsingUtils.sys.mjs, line 50: TypeError',
      'console.error: (new InvalidStateError("JSWindowActorChild.sendAsyncMessage: JSWindowActorChild cannot send at the moment", (void 0), 103))',
      'console.log: "not an error"',
      'Stack: notifyNavigationFailed@chrome://remote/content/shared/NavigationManager.sys.mjs:439:7',
    ].join('\n');
    expect(consoleErrors(output)).toEqual([
      'console.error: "probe-console-error"',
      'JavaScript error: moz-extension://6d1e/popup.html?tab=0, line 1: Error: probe-boom',
    ]);
  });
});
