/**
 * Records of the bundled packs other than the seed, compiled from their CSV files into
 * `data/bundled-packs.json` by `npm run data:build` (which fails when that file is stale).
 */
import type { Dataset } from './schema';

export interface BundledPack extends Dataset {
  /** The pack's `datapackage.json` name, title and version. */
  name: string;
  title: string;
  version: string;
}
