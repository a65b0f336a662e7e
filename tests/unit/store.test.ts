/**
 * What each store asks for is in the repository: a listing that justifies every permission
 * the manifest asks for, and four 1280×800 screenshots (taken by the end-to-end run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const store = join(import.meta.dirname, '../../store');
const permissions = (config.manifest as (env: { browser: string }) => { permissions: string[] })({
  browser: 'chrome',
}).permissions;

/** Width and height from a PNG's header (the IHDR chunk). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each([
  ['chrome', 'chrome-web-store.md'],
  ['firefox', 'firefox-add-ons.md'],
])('the %s store', (name, listing) => {
  it('has a listing that justifies every permission the manifest asks for', () => {
    const text = readFileSync(join(store, listing), 'utf8');
    expect(permissions.length).toBeGreaterThan(0);
    for (const permission of permissions)
      expect(text).toMatch(new RegExp(`\`${permission}\`\\s*\\|`));
    expect(text).toContain('http://*/*');
  });

  it('has the four screenshots, at the 1280×800 the stores ask for', () => {
    const dir = join(store, 'screenshots', name);
    const shots = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(shots).toEqual(['1-marks.png', '2-card.png', '3-popup.png', '4-options.png']);
    for (const shot of shots)
      expect(pngSize(join(dir, shot))).toEqual({ width: 1280, height: 800 });
  });
});
