/**
 * The catalogue matches the code: docs/architecture.md lists every source module that exists
 * (and none that does not), and README's Layout table names every folder a newcomer meets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const SOURCE_FOLDERS = ['utils', 'components', 'entrypoints', 'data', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory())
      return path === 'data/packs' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [relative('.', path)] : [];
  });
}

/** The modules the map lists: each table row's module, under its folder's heading. */
function mappedModules(): string[] {
  const out: string[] = [];
  let folder = '';
  for (const line of read('docs/architecture.md').split('\n')) {
    const heading = /^## `([^`]+)\/`/.exec(line);
    if (heading) folder = heading[1]!;
    const row = /^\| `([^`]+\.tsx?)` +\|/.exec(line);
    if (row) out.push(`${folder}/${row[1]}`);
  }
  return out;
}

describe('docs/architecture.md, the module map', () => {
  it('lists every source module once, and only modules that exist', () => {
    const actual = SOURCE_FOLDERS.flatMap(sourceFiles).sort();
    expect(mappedModules().sort()).toEqual(actual);
  });
});

describe("README's Layout table", () => {
  const layout = read('README.md').split('## Layout')[1]?.split('\n## ')[0] ?? '';
  const named = [...layout.matchAll(/^\| `([^`]+)\/`/gm)].map((m) => m[1]!);

  it('names only folders that exist', () => {
    expect(named.length).toBeGreaterThan(5);
    for (const folder of named)
      expect(statSync(join(root, folder)).isDirectory(), folder).toBe(true);
  });

  it('names every top-level folder and every folder of utils/', () => {
    const top = ['entrypoints', 'components', 'data', 'cli', 'tests', 'assets', 'store', 'docs'];
    const utils = readdirSync(join(root, 'utils')).filter((n) =>
      statSync(join(root, 'utils', n)).isDirectory(),
    );
    expect(named).toEqual(expect.arrayContaining([...top, ...utils.map((n) => `utils/${n}`)]));
  });
});
