/**
 * `tsx cli/pack.ts <folder|zip>` (npm run data:pack -- <folder|zip>): validates a data pack
 * as the extension's options page does — descriptor, cell types, hashes, then every
 * integrity check — and also refuses ids the bundled dataset already uses. Prints every
 * error as one line naming the file, the row and the field (exit 1), or a summary (exit 0);
 * exit 2 when the pack cannot be read at all.
 */
import { existsSync } from 'node:fs';
import { dataset } from '../data';
import { validatePack } from '../data/pack/validate-pack';
import { ZipError } from '../data/pack/zip';
import { readPack } from './pack-io';

const path = process.argv[2];
if (path === undefined || path === '' || !existsSync(path)) {
  console.error(
    path ? `data:pack: no such folder or zip: ${path}` : 'usage: npm run data:pack -- <folder|zip>',
  );
  process.exit(2);
}

let files;
try {
  files = await readPack(path);
} catch (error) {
  console.error(`data:pack: ${path}: ${error instanceof ZipError ? error.message : String(error)}`);
  process.exit(2);
}

// Ids the extension already holds are refused, except where the record is the very same
// (checking a pack that is itself bundled, such as data/packs/kent-seed).
const first = await validatePack(files);
const mine = new Map(
  first.pack
    ? [
        ...first.pack.dataset.sources,
        ...first.pack.dataset.figures,
        ...first.pack.dataset.notHeld,
      ].map((r) => [r.id, JSON.stringify(r)])
    : [],
);
const taken = new Set(
  [...dataset.sources, ...dataset.figures, ...dataset.notHeld]
    .filter((r) => mine.get(r.id) !== JSON.stringify(r))
    .map((r) => r.id),
);
const result = await validatePack(files, taken);
if (!result.pack) {
  for (const line of result.errors) console.error(line);
  console.error(`data:pack: ${path}: ${result.errors.length} error(s); the pack is refused`);
  process.exit(1);
}
const d = result.pack.descriptor;
console.log(
  `pack ok: ${d.name} ${d.version} "${d.title}": ${result.pack.dataset.figures.length} figures, ${result.pack.dataset.notHeld.length} not-held statements, ${result.pack.dataset.sources.length} sources`,
);
