/**
 * The cost of a pack a reader adds, at the sizes the caps allow: reading its zip and
 * validating it in full (what "Add a data pack" does once), and checking the stored records
 * again (what every page of the extension does before using them). Packs are the made-up
 * test fixture's rows repeated under new ids; medians of a few runs, on a shared machine.
 */
import { performance } from 'node:perf_hooks';
import { takenIds } from '../../data';
import { validatePack } from '../../data/pack/validate-pack';
import { readZip } from '../../data/pack/zip';
import { FIGURE_KEYS, NOT_HELD_KEYS, SOURCE_KEYS, canonicalRecords } from '../../data/canonical';
import { validateDataset } from '../../data/integrity';
import { readPackFolder, zipPack } from '../fixtures/e2e/packs/fixture-zips';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

/** The fixture pack with its figure rows repeated to `rows` rows, each under its own id. */
function packOf(rows: number): Uint8Array {
  const files = readPackFolder();
  const lines = new TextDecoder().decode(files.get('figures.csv')).trimEnd().split('\n');
  const [header, ...body] = lines;
  const out = [header];
  for (let i = 0; i < rows; i++) {
    const line = body[i % body.length]!;
    out.push(line.replace(/^([a-z0-9-]+),/, `$1-copy-${i},`));
  }
  files.set('figures.csv', new TextEncoder().encode(`${out.join('\n')}\n`));
  return zipPack(files);
}

const taken = takenIds();
console.log('rows    zip bytes   read+validate (add)   recheck stored (each page)');
for (const rows of [2, 500, 5_000]) {
  const zip = packOf(rows);
  const result = await validatePack(await readZip(zip), taken);
  if (!result.pack) throw new Error(result.errors.slice(0, 3).join('\n'));
  const { dataset } = structuredClone(result.pack);
  const add = await time(async () => validatePack(await readZip(zip), taken));
  const recheck = await time(async () =>
    validateDataset({
      sources: canonicalRecords(dataset.sources, SOURCE_KEYS),
      figures: canonicalRecords(dataset.figures, FIGURE_KEYS),
      notHeld: canonicalRecords(dataset.notHeld, NOT_HELD_KEYS),
    }),
  );
  console.log(
    `${String(rows).padEnd(8)}${String(zip.byteLength).padEnd(12)}${add.toFixed(1).padStart(8)} ms${' '.repeat(12)}${recheck.toFixed(1).padStart(8)} ms`,
  );
}
console.log(`median of ${RUNS} runs after one warm-up`);
