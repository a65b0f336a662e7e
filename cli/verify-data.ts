/**
 * `tsx cli/verify-data.ts <folder>` (npm run data:verify -- <folder>): checks every quote in
 * the dataset word for word (whitespace folded) against the source documents in <folder>,
 * named by `data/source-files.json`, and every figure's number inside its quote.
 * Exit 0 and a summary when all agree; 1 with one line per failure; 2 when the folder or a
 * source file cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_FILES, validateDataset, validateSourceFiles } from '../data/integrity';
import { verifyQuotes } from '../data/quotes';

const root = resolve(import.meta.dirname, '..');

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(resolve(root, file), 'utf8')) as unknown;
  } catch (error) {
    return fail(1, `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const folder = process.argv[2];
if (folder === undefined || folder === '') {
  fail(2, 'usage: tsx cli/verify-data.ts <folder with the source documents>');
}
const isFolder = (() => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
})();
if (!isFolder) fail(2, `verify-data: no such folder: ${folder}`);

const result = validateDataset({
  sources: readJson(DATA_FILES.sources),
  figures: readJson(DATA_FILES.figures),
  notHeld: readJson(DATA_FILES.notHeld),
});
if (!result.dataset) {
  for (const line of result.errors) console.error(line);
  fail(1, 'verify-data: the dataset is invalid (see above); run tsx cli/validate-data.ts');
}
const dataset = result.dataset;

const map = readJson(DATA_FILES.sourceFiles);
const mapErrors = validateSourceFiles(
  map,
  dataset.sources.map((s) => s.id),
);
if (mapErrors.length > 0) {
  for (const line of mapErrors) console.error(line);
  process.exit(1);
}
const fileFor = map as Record<string, string>;

const texts = new Map<string, string>();
for (const name of new Set(Object.values(fileFor))) {
  const path = join(folder, name);
  try {
    texts.set(name, readFileSync(path, 'utf8'));
  } catch {
    fail(2, `verify-data: missing source file: ${path}`);
  }
}

const errors = verifyQuotes(dataset, texts, (id) => fileFor[id]);
if (errors.length > 0) {
  for (const line of errors) console.error(line);
  process.exit(1);
}
console.log(
  `quotes ok: ${dataset.figures.length} figures and ${dataset.notHeld.length} not-held statements match ${texts.size} source texts in ${folder}`,
);
