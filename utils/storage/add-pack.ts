/**
 * Adding a pack the reader picked in the options page: the zip is read and validated in full
 * with the build's own code (`validatePack`, no network), against every id the extension
 * already holds, and kept only when it has no error at all. Apart from `packs.ts` so the
 * checker in the page, which only reads packs, does not carry the validator.
 */
import { browser } from 'wxt/browser';
import type { AddedPack } from '@/data/added';
import { validatePack } from '@/data/pack/validate-pack';
import { readZip, ZipError } from '@/data/pack/zip';
import { ADDED_PACK_CAPS, PACKS_KEY, PACKS_VERSION, bundledIds, loadAddedPacks } from './packs';

export type AddResult = { ok: true; pack: AddedPack } | { ok: false; errors: string[] };

/**
 * Validates a pack's zip in full (the build's own checks, no network) and keeps it. A pack
 * with any error is refused whole and nothing is stored.
 */
export async function addPackFromZip(zip: Uint8Array, now = new Date()): Promise<AddResult> {
  if (zip.byteLength > ADDED_PACK_CAPS.zipBytes) {
    return {
      ok: false,
      errors: [
        `The file is ${zip.byteLength.toLocaleString('en-GB')} bytes; a pack may be at most ${ADDED_PACK_CAPS.zipBytes.toLocaleString('en-GB')} bytes.`,
      ],
    };
  }
  let files: Map<string, Uint8Array>;
  try {
    files = await readZip(zip);
  } catch (error) {
    const why = error instanceof ZipError ? error.message : 'it could not be read';
    return { ok: false, errors: [`The file cannot be opened as a zip: ${why}.`] };
  }
  const { packs } = await loadAddedPacks();
  if (packs.length >= ADDED_PACK_CAPS.packs) {
    return {
      ok: false,
      errors: [
        `You have added ${packs.length} packs, the most the extension keeps; remove one first.`,
      ],
    };
  }
  const ids = bundledIds();
  for (const p of packs) {
    for (const r of [...p.dataset.sources, ...p.dataset.figures, ...p.dataset.notHeld])
      ids.add(r.id);
  }
  const result = await validatePack(files, ids);
  if (!result.pack) return { ok: false, errors: result.errors };
  const { descriptor, dataset } = result.pack;
  if (packs.some((p) => p.name === descriptor.name)) {
    return {
      ok: false,
      errors: [
        `datapackage.json: field "name": a pack named "${descriptor.name}" is already added; remove it first to add this one.`,
      ],
    };
  }
  const pack: AddedPack = {
    name: descriptor.name,
    title: descriptor.title,
    version: descriptor.version,
    addedAt: now.toISOString(),
    sources: descriptor.sources.map((s) => ({ title: s.title, path: s.path ?? '' })),
    dataset,
  };
  try {
    await browser.storage.local.set({
      [PACKS_KEY]: { version: PACKS_VERSION, packs: [...packs, pack] },
    });
  } catch (error) {
    return {
      ok: false,
      errors: [
        `The browser would not store the pack (${error instanceof Error ? error.message : String(error)}); nothing was added.`,
      ],
    };
  }
  return { ok: true, pack };
}
