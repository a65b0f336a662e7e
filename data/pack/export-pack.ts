/**
 * Writes a dataset as a pack: `datapackage.json`, `figures.csv`, `not-held.csv` and the
 * source documents. The seed pack is generated this way from `data/*.json`, and
 * `validatePack` reads it back to exactly the same records (the round-trip test).
 */
import type { Dataset } from '../schema';
import { canonicalRecords, FIGURE_KEYS, NOT_HELD_KEYS } from '../canonical';
import type { Figure, NotHeld } from '../schema';
import { toCsv } from './csv';
import { DESCRIPTOR_FILE, FIGURES_FILE, NOT_HELD_FILE, tableResource } from './descriptor';
import { FIGURES_SCHEMA, NOT_HELD_SCHEMA, figureToRow, notHeldToRow } from './table-schema';

export interface PackMeta {
  name: string;
  title: string;
  version: string;
  description: string;
  licenses: { name?: string; title?: string; path?: string }[];
  contributors: { title: string; role?: string }[];
}

export interface PackDocument {
  sourceId: string;
  /** Path inside the pack, e.g. `sources/000_947052126367741a.txt`. */
  path: string;
  bytes: Uint8Array;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The pack's files by path, text files as UTF-8 strings. */
export async function exportPack(
  meta: PackMeta,
  dataset: Dataset,
  documents: readonly PackDocument[],
): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const resources: object[] = [];
  for (const source of dataset.sources) {
    const doc = documents.find((d) => d.sourceId === source.id);
    if (!doc) throw new Error(`no document for source "${source.id}"`);
    files.set(doc.path, doc.bytes);
    resources.push({
      name: source.id,
      path: doc.path,
      title: source.title,
      format: doc.path.replace(/^.*\./, ''),
      mediatype: doc.path.endsWith('.csv') ? 'text/csv' : 'text/plain',
      encoding: 'utf-8',
      bytes: doc.bytes.byteLength,
      hash: `sha256:${await sha256(doc.bytes)}`,
      sourceRecord: source,
    });
  }
  resources.push(tableResource('figures', FIGURES_FILE, FIGURES_SCHEMA));
  resources.push(tableResource('not-held', NOT_HELD_FILE, NOT_HELD_SCHEMA));
  const descriptor = {
    profile: 'data-package',
    name: meta.name,
    title: meta.title,
    version: meta.version,
    description: meta.description,
    licenses: meta.licenses,
    contributors: meta.contributors,
    // Frictionless "sources": where the data came from, with an address only when known.
    sources: dataset.sources.map((s) => {
      const path = s.url || s.republished?.url || '';
      return path ? { title: s.title, path } : { title: s.title };
    }),
    resources,
  };
  files.set(DESCRIPTOR_FILE, JSON.stringify(descriptor, null, 2) + '\n');
  const figures = canonicalRecords(dataset.figures, FIGURE_KEYS) as Figure[];
  const notHeld = canonicalRecords(dataset.notHeld, NOT_HELD_KEYS) as NotHeld[];
  files.set(
    FIGURES_FILE,
    toCsv([FIGURES_SCHEMA.fields.map((f) => f.name), ...figures.map(figureToRow)]),
  );
  files.set(
    NOT_HELD_FILE,
    toCsv([NOT_HELD_SCHEMA.fields.map((f) => f.name), ...notHeld.map(notHeldToRow)]),
  );
  return files;
}
