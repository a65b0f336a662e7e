/**
 * Packs a reader added from the options page, as the extension keeps them: the records a
 * full validation accepted (`data/pack/validate-pack.ts`), with what the options page lists.
 * The source documents themselves are not kept: their hashes and every quote were checked
 * when the pack was added, and keeping only the records leaves room in the browser's storage.
 */
import type { Dataset } from './schema';

export interface AddedPackSource {
  title: string;
  /** An http(s) address, or empty: a pack's other links are never kept. */
  path: string;
}

export interface AddedPack {
  /** The descriptor's `name`: one pack of a name at a time. */
  name: string;
  title: string;
  version: string;
  /** ISO date and time the reader added it. */
  addedAt: string;
  /** The descriptor's `sources`, for the list in the options page. */
  sources: AddedPackSource[];
  dataset: Dataset;
}
