/**
 * The bundled dataset, validated when this module loads: an invalid record stops the build,
 * the CLI and the tests with one error listing every problem (file, record, field).
 * Works the same in the extension bundle, in Node (tsx) and in vitest.
 */
import bundledPacks from './bundled-packs.json';
import type { AddedPack } from './added';
import type { BundledPack } from './bundled';
import seedDescriptor from './packs/kent-seed/datapackage.json';
import figures from './figures.json';
import notHeld from './not-held.json';
import { PLACES } from './schema';
import type { Dataset, Figure, NotHeld, Source } from './schema';
import sources from './sources.json';
import {
  FIGURE_KEYS,
  NOT_HELD_KEYS,
  SOURCE_KEYS,
  canonicalRecords,
  type KeyOrder,
} from './canonical';
import { sortedById } from './files';
import { validateDataset } from './integrity';

/**
 * Validated here everywhere but in the built extension, whose build already validated the
 * very same files (`npm run build`, and WXT's build hook in wxt.config.ts): every page a
 * reader opens would otherwise pay for checking the dataset again.
 */
/** The packs bundled besides the seed, in `data/packs/` (compiled by `npm run data:build`). */
export const BUNDLED_PACKS: readonly BundledPack[] = bundledPacks as BundledPack[];

/**
 * Merged records in the files' order. Every file's keys are already in schema order (the build
 * refuses any other), so the extension only sorts: rewriting each record's keys again was
 * about a tenth of what the checker cost a Kent page with nothing to check.
 */
function merged<T>(records: readonly T[], keys: KeyOrder): T[] {
  return import.meta.env?.PROD ? sortedById(records) : (canonicalRecords(records, keys) as T[]);
}

function load(): Dataset {
  // The seed records and every bundled pack's, validated together so an id is never reused.
  const files = {
    sources: [...sources, ...BUNDLED_PACKS.flatMap((p) => p.sources)],
    figures: [...figures, ...BUNDLED_PACKS.flatMap((p) => p.figures)],
    notHeld: [...notHeld, ...BUNDLED_PACKS.flatMap((p) => p.notHeld)],
  };
  if (BUNDLED_PACKS.length > 0) {
    // Each file is sorted by id; the merged lists are sorted again for the order check.
    files.sources = merged(files.sources, SOURCE_KEYS);
    files.figures = merged(files.figures, FIGURE_KEYS);
    files.notHeld = merged(files.notHeld, NOT_HELD_KEYS);
  }
  if (import.meta.env?.PROD) return files as Dataset;
  const result = validateDataset(files);
  if (!result.dataset) throw new Error(`The dataset is invalid:\n${result.errors.join('\n')}`);
  return result.dataset;
}

export const dataset: Dataset = load();

/**
 * The dataset's edition, shown to readers beside its sources. Raise it, with the date of the
 * change, whenever a figure, statement or source is added or corrected.
 */
export const DATASET_VERSION = { edition: 1, date: '2026-11-27' } as const;

const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
const figuresById = new Map(dataset.figures.map((f) => [f.id, f]));
const notHeldById = new Map(dataset.notHeld.map((n) => [n.id, n]));

export function sourceById(id: string): Source | undefined {
  return sourcesById.get(id) ?? addedSources.get(id);
}

export function figureById(id: string): Figure | undefined {
  return figuresById.get(id) ?? addedFigures.get(id);
}

export function notHeldStatementById(id: string): NotHeld | undefined {
  return notHeldById.get(id) ?? addedNotHeld.get(id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical order of the points of a series: by period (from, then to), then by place in
 * the order of `PLACES`, then by id; a total always last.
 */
export function compareSeriesPoints(a: Figure, b: Figure): number {
  const totalA = a.series?.total === true ? 1 : 0;
  const totalB = b.series?.total === true ? 1 : 0;
  return (
    totalA - totalB ||
    compareStrings(a.period.from, b.period.from) ||
    compareStrings(a.period.to, b.period.to) ||
    PLACES.indexOf(a.place) - PLACES.indexOf(b.place) ||
    compareStrings(a.id, b.id)
  );
}

const seriesById = new Map<string, Figure[]>();
for (const figure of dataset.figures) {
  if (!figure.series) continue;
  const group = seriesById.get(figure.series.id) ?? [];
  group.push(figure);
  seriesById.set(figure.series.id, group);
}
for (const group of seriesById.values()) group.sort(compareSeriesPoints);

/** The figures of `figure`'s series (itself included) in canonical order; empty when it has none. */
export function seriesOf(figure: Figure): readonly Figure[] {
  if (!figure.series) return [];
  const pack = addedPackOfSource(figure.sourceId);
  if (pack) return addedSeries.get(`${pack.name}\u0000${figure.series.id}`) ?? [];
  return seriesById.get(figure.series.id) ?? [];
}

// ---------------------------------------------------------------------------------------
// Packs a reader added (options page), on top of the bundled records.
//
// Each page of the extension (checker, popup, options) loads them from storage and hands
// them to `useAddedPacks`; the lookups above then answer for their records too, and
// `currentDataset` is what that page's engine is built from.

let added: readonly AddedPack[] = [];
let addedCombined: Dataset = dataset;
const addedFigures = new Map<string, Figure>();
const addedNotHeld = new Map<string, NotHeld>();
const addedSources = new Map<string, Source>();
const packBySource = new Map<string, AddedPack>();
const addedSeries = new Map<string, Figure[]>();

/** Makes `packs` the reader's added packs for this page (replacing any given before). */
export function useAddedPacks(packs: readonly AddedPack[]): void {
  added = packs;
  addedFigures.clear();
  addedNotHeld.clear();
  addedSources.clear();
  packBySource.clear();
  addedSeries.clear();
  for (const pack of packs) {
    for (const s of pack.dataset.sources) {
      addedSources.set(s.id, s);
      packBySource.set(s.id, pack);
    }
    for (const f of pack.dataset.figures) addedFigures.set(f.id, f);
    for (const n of pack.dataset.notHeld) addedNotHeld.set(n.id, n);
    for (const f of pack.dataset.figures) {
      if (!f.series) continue;
      // Series ids are a pack's own: the same id in two packs is two series.
      const key = `${pack.name}\u0000${f.series.id}`;
      const group = addedSeries.get(key) ?? [];
      group.push(f);
      addedSeries.set(key, group);
    }
  }
  for (const group of addedSeries.values()) group.sort(compareSeriesPoints);
  addedCombined =
    packs.length === 0
      ? dataset
      : {
          sources: [...dataset.sources, ...packs.flatMap((p) => p.dataset.sources)],
          figures: [...dataset.figures, ...packs.flatMap((p) => p.dataset.figures)],
          notHeld: [...dataset.notHeld, ...packs.flatMap((p) => p.dataset.notHeld)],
        };
}

/** The bundled records and the added packs' together: what the engine checks against. */
export function currentDataset(): Dataset {
  return addedCombined;
}

/** The added pack a source (and so its figures and statements) came from; none when bundled. */
export function addedPackOfSource(sourceId: string): AddedPack | undefined {
  return packBySource.get(sourceId);
}

/** Every id the extension holds (bundled and added): a new pack may not reuse one. */
export function takenIds(): Set<string> {
  const ids = new Set<string>();
  for (const d of [dataset, ...added.map((p) => p.dataset)]) {
    for (const r of [...d.sources, ...d.figures, ...d.notHeld]) ids.add(r.id);
  }
  return ids;
}

export interface PackCount {
  title: string;
  figures: number;
  /** True for a pack the reader added. */
  added: boolean;
}

/** Official figures by pack, bundled packs first, for the popup's and options page's headings. */
export function figureCountsByPack(): PackCount[] {
  const bundledCount = BUNDLED_PACKS.reduce((n, p) => n + p.figures.length, 0);
  return [
    { title: seedDescriptor.title, figures: dataset.figures.length - bundledCount, added: false },
    ...BUNDLED_PACKS.map((p) => ({ title: p.title, figures: p.figures.length, added: false })),
    ...added.map((p) => ({ title: p.title, figures: p.dataset.figures.length, added: true })),
  ];
}
