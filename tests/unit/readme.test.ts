/**
 * The README is the newcomer's catalogue: every command it names must exist, every script
 * a reader would run must be in it, and every permission the manifest asks for must be
 * explained there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = Object.keys(
  (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
);
/** Scripts that other scripts or npm itself call; a reader never types them. */
const internal = new Set([
  'postinstall',
  'typecheck',
  'lint',
  'test:all',
  'test:unit',
  'test:e2e',
  'test:firefox-lint',
  'data:build',
]);

describe('README', () => {
  it('names only commands that exist', () => {
    // Commands stand at a line's start (code blocks) or inside backticks.
    const named = [
      ...readme.matchAll(/(?:^|`|xvfb-run )npm (?:run (?:--silent )?)?([\w:-]+)/gm),
    ].map((m) => m[1]!);
    const npmCommands = new Set(['ci', 'install']);
    expect(named).toEqual(expect.arrayContaining(['start', 'test']));
    for (const name of named.filter((n) => !npmCommands.has(n))) {
      expect(scripts, `README names \`npm run ${name}\``).toContain(name);
    }
  });

  it('lists every command a reader would run', () => {
    for (const script of scripts.filter((s) => !internal.has(s))) {
      expect(readme, `package.json script "${script}" is not in the README`).toMatch(
        new RegExp(`npm (run )?${script.replace(/[:-]/g, '\\$&')}\\b`),
      );
    }
  });

  it('explains every permission the manifest asks for', () => {
    const manifest =
      typeof config.manifest === 'function'
        ? (config.manifest as (env: { browser: string }) => { permissions?: string[] })({
            browser: 'chrome',
          })
        : (config.manifest as { permissions?: string[] });
    expect(manifest.permissions?.length).toBeGreaterThan(0);
    for (const permission of manifest.permissions ?? []) {
      expect(readme).toContain(`\`${permission}\``);
    }
  });
});
