/**
 * The packs in `data/packs/`: the seed pack, generated from `data/*.json` and kept equal to
 * it, and the packs edited as CSV, compiled into `data/bundled-packs.json` for the extension
 * (which cannot read CSV files from its own bundle at build time without this step).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../data/schema';
import { exportPack, type PackMeta } from '../data/pack/export-pack';
import { validatePack } from '../data/pack/validate-pack';
import { DATA_FILES } from '../data/integrity';
import type { BundledPack } from '../data/bundled';
import { BUNDLE_FILE, PACKS_DIR, SEED_PACK, bundledPackNames, readPack, root } from './pack-io';

export const SEED_META: PackMeta = {
  name: SEED_PACK,
  title: 'Kent and Medway seed documents',
  version: '1.0.0',
  description:
    'The five documents the extension started with: FOI answers, a news report of one, a council news release and a policy, with every figure and statement of data not held quoted word for word.',
  // None of the five documents states a licence, so none is claimed.
  licenses: [],
  contributors: [{ title: 'Kent Stats Check', role: 'author' }],
};

/** The seed pack's files as generated from the dataset in `data/*.json`. */
export async function seedPackFiles(dataset: Dataset): Promise<Map<string, string | Uint8Array>> {
  const names = JSON.parse(readFileSync(resolve(root, DATA_FILES.sourceFiles), 'utf8')) as Record<
    string,
    string
  >;
  const folder = resolve(root, PACKS_DIR, SEED_PACK);
  const documents = dataset.sources.map((s) => {
    const path = `sources/${names[s.id] ?? ''}`;
    return { sourceId: s.id, path, bytes: new Uint8Array(readFileSync(join(folder, path))) };
  });
  return exportPack(SEED_META, dataset, documents);
}

function same(a: string | Uint8Array, b: Uint8Array): boolean {
  const bytes = typeof a === 'string' ? new TextEncoder().encode(a) : a;
  return bytes.length === b.length && bytes.every((x, i) => x === b[i]);
}

/**
 * Validates every bundled pack and checks the seed pack against `data/*.json` and the
 * bundle file against the CSV packs. Returns every error, and the bundle's text as it
 * should be.
 */
export async function checkBundledPacks(seed: Dataset): Promise<{
  errors: string[];
  bundle: string;
  counts: { name: string; figures: number; notHeld: number }[];
}> {
  const errors: string[] = [];
  const expected = await seedPackFiles(seed);
  const seedFolder = resolve(root, PACKS_DIR, SEED_PACK);
  for (const [path, content] of expected) {
    const file = join(seedFolder, path);
    if (!existsSync(file) || !same(content, readFileSync(file))) {
      errors.push(
        `${PACKS_DIR}/${SEED_PACK}/${path}: differs from what data/*.json generates; run npm run data:format`,
      );
    }
  }
  const taken = new Set([
    ...seed.sources.map((s) => s.id),
    ...seed.figures.map((f) => f.id),
    ...seed.notHeld.map((n) => n.id),
  ]);
  const bundle: BundledPack[] = [];
  const counts: { name: string; figures: number; notHeld: number }[] = [];
  for (const name of bundledPackNames()) {
    const files = await readPack(resolve(root, PACKS_DIR, name));
    const result = await validatePack(files, name === SEED_PACK ? new Set() : taken);
    errors.push(...result.errors.map((e) => `${PACKS_DIR}/${name}/${e}`));
    if (!result.pack) continue;
    const { descriptor, dataset } = result.pack;
    counts.push({ name, figures: dataset.figures.length, notHeld: dataset.notHeld.length });
    if (descriptor.name !== name) {
      errors.push(
        `${PACKS_DIR}/${name}/datapackage.json: field "name": "${descriptor.name}" must equal the folder's name`,
      );
    }
    if (name === SEED_PACK) continue;
    for (const r of [...dataset.sources, ...dataset.figures, ...dataset.notHeld]) taken.add(r.id);
    bundle.push({
      name: descriptor.name,
      title: descriptor.title,
      version: descriptor.version,
      ...dataset,
    });
  }
  // Packs prepared but not yet bundled (their measures need engine work first) are validated
  // too, so they stay correct until they ship.
  const pendingDir = resolve(root, PENDING_DIR);
  const pending = existsSync(pendingDir)
    ? readdirSync(pendingDir, { withFileTypes: true }).filter((e) => e.isDirectory())
    : [];
  for (const entry of pending) {
    const result = await validatePack(await readPack(join(pendingDir, entry.name)), taken);
    errors.push(...result.errors.map((e) => `${PENDING_DIR}/${entry.name}/${e}`));
  }
  return { errors, bundle: JSON.stringify(bundle, null, 2) + '\n', counts };
}

export { BUNDLE_FILE };

/** Packs that validate but are not bundled yet; see its README. */
export const PENDING_DIR = 'data/packs-pending';
