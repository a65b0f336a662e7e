import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../e2e/harness';

const saved = process.env.CHROME_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = saved;
});

describe('the end-to-end harness without a browser', () => {
  it('fails with a message that says how to get one, never skipping', () => {
    process.env.CHROME_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(/apt-get install -y chromium.*CHROME_PATH/);
  });
});
