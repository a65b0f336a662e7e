/**
 * `tsx cli/format-data.ts`: rewrites the dataset files in canonical form (records sorted by
 * id, keys in schema order, `JSON.stringify(data, null, 2)` plus a final newline), so a
 * formatting complaint from `cli/validate-data.ts` is fixed by one command. It changes
 * nothing else: a record the schema rejects keeps its fields for the validator to name.
 * When the dataset is valid it also regenerates the seed pack (`data/packs/kent-seed/`)
 * and `data/bundled-packs.json` from the packs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLE_FILE, checkBundledPacks, seedPackFiles } from './bundled-packs';
import { PACKS_DIR, SEED_PACK, writePackFolder } from './pack-io';
import { validateDataset } from '../data/integrity';
import { DATA_FILES } from '../data/integrity';
import {
  FIGURE_KEYS,
  NOT_HELD_KEYS,
  SOURCE_KEYS,
  canonicalJson,
  canonicalMapJson,
} from '../data/canonical';
import type { KeyOrder } from '../data/canonical';

const root = resolve(import.meta.dirname, '..');

function read(file: string): unknown {
  const text = readFileSync(resolve(root, file), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function write(file: string, text: string): void {
  const path = resolve(root, file);
  const before = readFileSync(path, 'utf8');
  if (before === text) return;
  writeFileSync(path, text);
  console.log(`formatted ${file}`);
}

async function main(): Promise<void> {
  const arrays: [string, KeyOrder][] = [
    [DATA_FILES.sources, SOURCE_KEYS],
    [DATA_FILES.figures, FIGURE_KEYS],
    [DATA_FILES.notHeld, NOT_HELD_KEYS],
  ];
  const parsed = arrays.map(([file, keys]) => {
    const data = read(file);
    if (!Array.isArray(data)) throw new Error(`${file}: must be an array of records`);
    return { file, text: canonicalJson(data, keys) };
  });
  const map = read(DATA_FILES.sourceFiles);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new Error(`${DATA_FILES.sourceFiles}: must be an object from source id to file name`);
  }
  // Write only once everything parsed, so a broken file leaves the others untouched too.
  for (const { file, text } of parsed) write(file, text);
  write(DATA_FILES.sourceFiles, canonicalMapJson(map as Record<string, unknown>));
  console.log('dataset files are in canonical form');
  const result = validateDataset({
    sources: read(DATA_FILES.sources),
    figures: read(DATA_FILES.figures),
    notHeld: read(DATA_FILES.notHeld),
  });
  if (!result.dataset) {
    console.error('the dataset is invalid, so the packs were left alone; run npm run data:build');
    process.exitCode = 1;
    return;
  }
  writePackFolder(resolve(root, PACKS_DIR, SEED_PACK), await seedPackFiles(result.dataset));
  const packs = await checkBundledPacks(result.dataset);
  if (packs.errors.length > 0) {
    for (const e of packs.errors) console.error(e);
    process.exitCode = 1;
    return;
  }
  writeFileSync(resolve(root, BUNDLE_FILE), packs.bundle);
  console.log(`packs written: ${PACKS_DIR}/${SEED_PACK}/ and ${BUNDLE_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
