/**
 * Data packs the reader adds from the options page, kept in `browser.storage.local` (never
 * synced, never sent anywhere) under one key, `packs`: `{ version, packs: AddedPack[] }`.
 *
 * A pack is validated in full, with the very code the build runs (`validatePack`), before
 * it is kept, and refused whole on any error. What is kept is the validated records (see
 * `data/added.ts`), which every reader of the key checks again, cheaply, before use: a
 * stored pack that no longer passes (damaged, or an id the extension has since bundled) is
 * copied as found to `packs-backup-<ISO time>` with the reason, left out, and a notice under
 * `packs-recovery` tells the options page. The checker never fails because of a stored pack.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { AddedPack } from '@/data/added';
import { dataset as bundled } from '@/data';
import { PACK_CAPS } from '@/data/pack/validate-pack';
import type { Dataset } from '@/data/schema';
import { FIGURE_KEYS, NOT_HELD_KEYS, SOURCE_KEYS, canonicalRecords } from '@/data/canonical';
import { validateDataset } from '@/data/integrity';

export const PACKS_KEY = 'packs';
export const PACKS_RECOVERY_KEY = 'packs-recovery';
const BACKUP_PREFIX = 'packs-backup-';
export const PACKS_VERSION = 1;

/** The caps the options page states and `addPack` enforces. */
export const ADDED_PACK_CAPS = {
  /** The zip file as picked. */
  zipBytes: PACK_CAPS.bytes,
  /** Rows in each of `figures.csv` and `not-held.csv`. */
  rows: PACK_CAPS.rows,
  files: PACK_CAPS.files,
  /** Packs kept at once: the browser gives an extension about 10 MB of local storage. */
  packs: 5,
} as const;

const httpOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/i))]);
const StoredPackSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  title: v.pipe(v.string(), v.minLength(1)),
  version: v.string(),
  addedAt: v.pipe(v.string(), v.isoTimestamp()),
  sources: v.array(v.object({ title: v.string(), path: httpOrEmpty })),
  dataset: v.object({
    sources: v.array(v.unknown()),
    figures: v.array(v.unknown()),
    notHeld: v.array(v.unknown()),
  }),
});

export interface PacksLoad {
  packs: AddedPack[];
  /** Set when a stored pack was set aside just now or earlier and not yet dismissed. */
  notice: string | null;
}

export function bundledIds(): Set<string> {
  const ids = new Set<string>();
  for (const r of [...bundled.sources, ...bundled.figures, ...bundled.notHeld]) ids.add(r.id);
  return ids;
}

/**
 * The stored pack's records checked again, or why it cannot be used. `ids` holds ids already
 * in use. Browsers do not keep an object's key order in storage, so records are put back in
 * canonical order (keys and ids) before the checks, which require it.
 */
function recheck(value: unknown, ids: Set<string>): { dataset: Dataset } | { problem: string } {
  const parsed = v.safeParse(StoredPackSchema, value);
  if (!parsed.success) return { problem: 'its stored form is damaged' };
  const stored = parsed.output.dataset;
  const result = validateDataset({
    sources: canonicalRecords(stored.sources, SOURCE_KEYS),
    figures: canonicalRecords(stored.figures, FIGURE_KEYS),
    notHeld: canonicalRecords(stored.notHeld, NOT_HELD_KEYS),
  });
  if (!result.dataset) {
    return { problem: `its records no longer pass the checks (${result.errors[0] ?? ''})` };
  }
  const { sources, figures, notHeld } = result.dataset;
  for (const r of [...sources, ...figures, ...notHeld]) {
    if (ids.has(r.id))
      return { problem: `its record "${r.id}" has an id the extension already holds` };
  }
  return { dataset: result.dataset };
}

/**
 * The usable added packs. Anything unusable is set aside (kept, with its reason, under a
 * backup key) rather than dropped, and never stops the caller: a storage failure reads as
 * no added packs.
 */
export async function loadAddedPacks(): Promise<PacksLoad> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.local.get([PACKS_KEY, PACKS_RECOVERY_KEY]);
  } catch {
    return { packs: [], notice: null };
  }
  const raw = stored[PACKS_KEY];
  const earlier =
    typeof stored[PACKS_RECOVERY_KEY] === 'string' ? stored[PACKS_RECOVERY_KEY] : null;
  if (raw === undefined) return { packs: [], notice: earlier };
  const envelope = raw as { version?: unknown; packs?: unknown };
  const setAside: { value: unknown; reason: string; title: string }[] = [];
  const packs: AddedPack[] = [];
  if (
    typeof raw !== 'object' ||
    raw === null ||
    envelope.version !== PACKS_VERSION ||
    !Array.isArray(envelope.packs)
  ) {
    setAside.push({
      value: raw,
      reason: 'the list of added packs is damaged',
      title: 'every added pack',
    });
  } else {
    const ids = bundledIds();
    const names = new Set<string>();
    for (const item of envelope.packs as unknown[]) {
      const checked = recheck(item, ids);
      const name = (item as { name?: unknown } | null)?.name;
      const title = (item as { title?: unknown } | null)?.title;
      const label = typeof title === 'string' && title ? `"${title}"` : 'an added pack';
      if ('problem' in checked || names.has(String(name))) {
        setAside.push({
          value: item,
          reason: 'problem' in checked ? checked.problem : 'another pack has its name',
          title: label,
        });
        continue;
      }
      const pack = { ...(item as AddedPack), dataset: checked.dataset };
      names.add(pack.name);
      for (const r of [...pack.dataset.sources, ...pack.dataset.figures, ...pack.dataset.notHeld])
        ids.add(r.id);
      packs.push(pack);
    }
  }
  if (setAside.length === 0) return { packs, notice: earlier };
  const at = new Date().toISOString();
  const backupKey = `${BACKUP_PREFIX}${at}`;
  const notice =
    `Set aside ${setAside.map((s) => `${s.title} (${s.reason})`).join('; ')}. ` +
    `It is kept unchanged in this browser's storage under "${backupKey}"; add the pack again to use it.`;
  try {
    await browser.storage.local.set({
      [backupKey]: { at, items: setAside.map(({ value, reason }) => ({ reason, value })) },
      [PACKS_KEY]: { version: PACKS_VERSION, packs },
      [PACKS_RECOVERY_KEY]: notice,
    });
  } catch {
    // Storage full or gone: use what is good now and try again on the next read.
  }
  return { packs, notice };
}

/** Forgets the set-aside notice once the reader has seen it (the backup stays). */
export async function dismissPacksNotice(): Promise<void> {
  await browser.storage.local.remove(PACKS_RECOVERY_KEY);
}

/** Removes the added pack named `name`; its figures stop being checked on the next check. */
export async function removeAddedPack(name: string): Promise<void> {
  const { packs } = await loadAddedPacks();
  await browser.storage.local.set({
    [PACKS_KEY]: { version: PACKS_VERSION, packs: packs.filter((p) => p.name !== name) },
  });
}

/** Calls `onChange` whenever the added packs change in storage (any page of the extension). */
export function watchAddedPacks(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && PACKS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
