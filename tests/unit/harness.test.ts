import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, firefoxPath } from '../e2e/browsers/paths';

const saved = { chrome: process.env.CHROME_PATH, firefox: process.env.FIREFOX_PATH };
afterEach(() => {
  for (const [key, value] of [
    ['CHROME_PATH', saved.chrome],
    ['FIREFOX_PATH', saved.firefox],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('the end-to-end harness without a browser', () => {
  it('fails with a message that says how to get Chromium, never skipping', () => {
    process.env.CHROME_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(/apt-get install -y chromium.*CHROME_PATH/);
  });

  it('fails with a message that says how to get Firefox, never skipping', () => {
    process.env.FIREFOX_PATH = '/nonexistent/firefox';
    expect(() => firefoxPath()).toThrow(/apt-get install -y firefox-esr.*FIREFOX_PATH/);
  });
});
