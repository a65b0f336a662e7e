/**
 * `tsx cli/validate-data.ts` (npm run data:build): validates the dataset files on disk —
 * schema, ids, sources, numbers in quotes, series, canonical order and formatting — and
 * prints one line per problem on standard error (exit 1), or a one-line summary (exit 0).
 * Then validates every pack in `data/packs/` as `npm run data:pack` does, checks that the
 * seed pack is what `data/*.json` generates and that `data/bundled-packs.json` is current.
 */
import { readFileSync } from 'node:fs';
import { BUNDLE_FILE, checkBundledPacks } from './bundled-packs';
import { resolve } from 'node:path';
import { DATA_FILES, validateDataset, validateSourceFiles } from '../data/integrity';
import {
  FIGURE_KEYS,
  NOT_HELD_KEYS,
  SOURCE_KEYS,
  canonicalJson,
  canonicalMapJson,
  checkFormatting,
} from '../data/canonical';
import type { KeyOrder } from '../data/canonical';

const root = resolve(import.meta.dirname, '..');
const errors: string[] = [];

function load(file: string): { text: string; data: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch (error) {
    errors.push(
      `${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  try {
    return { text, data: JSON.parse(text) as unknown };
  } catch (error) {
    errors.push(
      `${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

const loaded = {
  sources: load(DATA_FILES.sources),
  figures: load(DATA_FILES.figures),
  notHeld: load(DATA_FILES.notHeld),
  sourceFiles: load(DATA_FILES.sourceFiles),
};

if (loaded.sources && loaded.figures && loaded.notHeld) {
  const result = validateDataset({
    sources: loaded.sources.data,
    figures: loaded.figures.data,
    notHeld: loaded.notHeld.data,
  });
  errors.push(...result.errors);
  // Formatting is checked only when order and key order are right, so one problem is not
  // reported twice.
  if (result.dataset) {
    const files: [string, { text: string; data: unknown }, KeyOrder][] = [
      [DATA_FILES.sources, loaded.sources, SOURCE_KEYS],
      [DATA_FILES.figures, loaded.figures, FIGURE_KEYS],
      [DATA_FILES.notHeld, loaded.notHeld, NOT_HELD_KEYS],
    ];
    for (const [file, { text, data }, keys] of files) {
      errors.push(...checkFormatting(file, text, canonicalJson(data as unknown[], keys)));
    }
    if (loaded.sourceFiles) {
      const map = loaded.sourceFiles.data;
      const mapErrors = validateSourceFiles(
        map,
        result.dataset.sources.map((s) => s.id),
      );
      errors.push(...mapErrors);
      if (mapErrors.length === 0) {
        errors.push(
          ...checkFormatting(
            DATA_FILES.sourceFiles,
            loaded.sourceFiles.text,
            canonicalMapJson(map as Record<string, unknown>),
          ),
        );
      }
    }
    const packs = await checkBundledPacks(result.dataset);
    errors.push(...packs.errors);
    const bundle = load(BUNDLE_FILE);
    if (packs.errors.length === 0 && bundle && bundle.text !== packs.bundle) {
      errors.push(`${BUNDLE_FILE}: is not what data/packs/ compiles to; run npm run data:format`);
    }
    if (errors.length === 0) {
      for (const p of packs.counts) {
        console.log(`pack ${p.name} ok: ${p.figures} figures, ${p.notHeld} not-held statements`);
      }
      const { sources, figures, notHeld } = result.dataset;
      const series = new Set(figures.flatMap((f) => (f.series ? [f.series.id] : [])));
      console.log(
        `dataset ok: ${figures.length} figures in ${series.size} series, ${notHeld.length} not-held statements, ${sources.length} sources`,
      );
    }
  }
}

if (errors.length > 0) {
  for (const line of errors) console.error(line);
  process.exit(1);
}
