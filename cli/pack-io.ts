/**
 * Reading and writing packs on disk for the CLIs: a pack folder or its zip in, a folder out;
 * and the bundled packs in `data/packs/`, which the build validates and compiles into
 * `data/bundled-packs.json` for the extension.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readZip } from '../data/pack/zip';
import type { PackFiles } from '../data/pack/validate-pack';
import { PACK_CAPS } from '../data/pack/validate-pack';

export const root = resolve(import.meta.dirname, '..');
export const PACKS_DIR = 'data/packs';
/** The pack generated from `data/*.json`; every other folder of `data/packs/` is edited as CSV. */
export const SEED_PACK = 'kent-seed';
export const BUNDLE_FILE = 'data/bundled-packs.json';

function listFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
      if (out.length > PACK_CAPS.files) return;
    }
  };
  walk(folder);
  return out;
}

/** The files of a pack folder, by path inside the pack (`/` on every system). */
export function readPackFolder(folder: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const file of listFiles(folder)) {
    files.set(relative(folder, file).split(sep).join('/'), readFileSync(file));
  }
  return files;
}

/** The files of a pack folder or zip, by path inside the pack. */
export async function readPack(path: string): Promise<PackFiles> {
  if (statSync(path).isDirectory()) return readPackFolder(path);
  return readZip(new Uint8Array(readFileSync(path)));
}

/** Writes `files` into `folder`, creating subfolders. */
export function writePackFolder(
  folder: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): void {
  for (const [path, content] of files) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Folders of `data/packs/`, seed first, then by name. */
export function bundledPackNames(): string[] {
  const dir = resolve(root, PACKS_DIR);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return [SEED_PACK, ...names.filter((n) => n !== SEED_PACK)];
}
