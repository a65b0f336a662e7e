import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentDataset, figureCountsByPack, useAddedPacks } from '@/data';
import { writeZip } from '@/data/pack/zip';
import { createEngine } from '@/utils/engine';
import { addPackFromZip } from '@/utils/storage/add-pack';
import {
  ADDED_PACK_CAPS,
  PACKS_KEY,
  PACKS_RECOVERY_KEY,
  loadAddedPacks,
  removeAddedPack,
} from '@/utils/storage/packs';
import {
  FIXTURE_TITLE,
  badPackFiles,
  readPackFolder,
  zipPack,
} from '../../fixtures/e2e/packs/fixture-zips';

beforeEach(() => {
  fakeBrowser.reset();
  useAddedPacks([]);
});

const PAGE =
  'Lighthouse keepers in Kent\n\nDover recorded 4,321 assaults on lighthouse keepers in 1999, the authority said.';

async function storedKeys(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

describe('a pack the reader adds', () => {
  it('is validated, kept with its name, version, sources and date, and checked like a bundled one', async () => {
    const before = createEngine(currentDataset()).analyseText(PAGE);
    expect(before.map((c) => c.verdict)).toEqual(['unverified']);

    const result = await addPackFromZip(
      zipPack(readPackFolder()),
      new Date('2026-11-29T12:00:00Z'),
    );
    expect(result.ok).toBe(true);
    const { packs, notice } = await loadAddedPacks();
    expect(notice).toBeNull();
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({
      name: 'test-fixture-lighthouse',
      title: FIXTURE_TITLE,
      version: '1.0.0',
      addedAt: '2026-11-29T12:00:00.000Z',
    });
    expect(packs[0]!.dataset.figures).toHaveLength(2);

    useAddedPacks(packs);
    const [claim] = createEngine(currentDataset()).analyseText(PAGE);
    expect(claim?.verdict).toBe('match');
    expect(claim?.recordId).toBe('test-fixture-lighthouse-assaults-dover-1999');
    expect(figureCountsByPack().at(-1)).toEqual({ title: FIXTURE_TITLE, figures: 2, added: true });
  });

  it('is removed, and its figures are no longer checked', async () => {
    expect((await addPackFromZip(zipPack(readPackFolder()))).ok).toBe(true);
    await removeAddedPack('test-fixture-lighthouse');
    const { packs } = await loadAddedPacks();
    expect(packs).toEqual([]);
    useAddedPacks(packs);
    expect(createEngine(currentDataset()).analyseText(PAGE)[0]?.verdict).toBe('unverified');
  });

  it('is refused whole with a bad hash, a misquoted row and a duplicate id all listed, and nothing kept', async () => {
    const result = await addPackFromZip(zipPack(badPackFiles()));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\/lighthouse-return\.txt: its hash is sha256:/),
        expect.stringMatching(
          /^figures\.csv: row 3, record "test-fixture-lighthouse-assaults-thanet-1999" field "quote": not found word for word/,
        ),
        expect.stringMatching(
          /^figures\.csv: row \d+, record "test-fixture-lighthouse-assaults-dover-1999" field "id": duplicate id/,
        ),
      ]),
    );
    expect(await storedKeys()).toEqual({});
  });

  it('may not reuse an id the extension holds, bundled or from a pack already added', async () => {
    const seed = readPackFolder(new URL('../../../data/packs/kent-seed', import.meta.url).pathname);
    const clash = await addPackFromZip(zipPack(seed));
    expect(clash.ok ? [] : clash.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/field "id": already used by a record the extension holds$/),
      ]),
    );
    expect((await addPackFromZip(zipPack(readPackFolder()))).ok).toBe(true);
    const again = await addPackFromZip(zipPack(readPackFolder()));
    expect(again.ok ? [] : again.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/already used by a record the extension holds$/),
      ]),
    );
    expect((await loadAddedPacks()).packs).toHaveLength(1);
  });

  it('states its caps in plain words: a file too large, not a zip, too many rows', async () => {
    const big = await addPackFromZip(new Uint8Array(ADDED_PACK_CAPS.zipBytes + 1));
    expect(big).toEqual({
      ok: false,
      errors: ['The file is 5,000,001 bytes; a pack may be at most 5,000,000 bytes.'],
    });
    const notZip = await addPackFromZip(new TextEncoder().encode('figures,not,a,zip'));
    expect(notZip).toEqual({
      ok: false,
      errors: ['The file cannot be opened as a zip: not a zip file.'],
    });
    const files = readPackFolder();
    const csv = new TextDecoder().decode(files.get('figures.csv'));
    const row = csv.split('\n')[1]!;
    files.set(
      'figures.csv',
      new TextEncoder().encode(csv + `${row}\n`.repeat(ADDED_PACK_CAPS.rows)),
    );
    const many = await addPackFromZip(writeZip(files));
    expect(many.ok ? [] : many.errors).toEqual([
      `figures.csv: has ${ADDED_PACK_CAPS.rows + 2} rows; a pack may hold at most ${ADDED_PACK_CAPS.rows}`,
    ]);
  });
});

describe('stored packs', () => {
  it('set a damaged list aside under a backup key, with a notice, and carry on with none', async () => {
    await fakeBrowser.storage.local.set({ [PACKS_KEY]: 'not a list' });
    const { packs, notice } = await loadAddedPacks();
    expect(packs).toEqual([]);
    expect(notice).toMatch(/^Set aside every added pack \(the list of added packs is damaged\)/);
    const stored = await storedKeys();
    const backupKey = Object.keys(stored).find((k) => k.startsWith('packs-backup-'));
    expect(backupKey).toBeDefined();
    expect(stored[backupKey!]).toMatchObject({
      items: [{ reason: 'the list of added packs is damaged', value: 'not a list' }],
    });
    expect(stored[PACKS_RECOVERY_KEY]).toBe(notice);
    // The notice stays for the options page until dismissed; the list is usable again.
    expect((await loadAddedPacks()).notice).toBe(notice);
    expect((await addPackFromZip(zipPack(readPackFolder()))).ok).toBe(true);
  });

  it('are read whatever order the browser keeps their keys in, as Chromium does not keep it', async () => {
    expect((await addPackFromZip(zipPack(readPackFolder()))).ok).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(PACKS_KEY))[PACKS_KEY] as {
      packs: { dataset: Record<string, Record<string, unknown>[]> }[];
    };
    const reversed = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).reverse());
    const dataset = stored.packs[0]!.dataset;
    for (const key of Object.keys(dataset)) dataset[key] = dataset[key]!.map(reversed).reverse();
    await fakeBrowser.storage.local.set({ [PACKS_KEY]: stored });
    const { packs, notice } = await loadAddedPacks();
    expect(notice).toBeNull();
    expect(packs[0]?.dataset.figures.map((f) => f.id)).toEqual([
      'test-fixture-lighthouse-assaults-dover-1999',
      'test-fixture-lighthouse-assaults-thanet-1999',
    ]);
  });

  it('set aside only the damaged pack, keeping the good one', async () => {
    expect((await addPackFromZip(zipPack(readPackFolder()))).ok).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(PACKS_KEY))[PACKS_KEY] as {
      version: number;
      packs: { dataset: { figures: { value: unknown }[] } }[];
    };
    const good = stored.packs[0]!;
    const broken = structuredClone(good) as unknown as {
      name: string;
      title: string;
      dataset: { figures: { value: unknown }[] };
    };
    broken.name = 'broken';
    broken.title = 'Broken pack';
    broken.dataset.figures[0]!.value = 'lots';
    await fakeBrowser.storage.local.set({ [PACKS_KEY]: { ...stored, packs: [broken, good] } });
    const { packs, notice } = await loadAddedPacks();
    expect(packs.map((p) => p.name)).toEqual(['test-fixture-lighthouse']);
    expect(notice).toMatch(/^Set aside "Broken pack" \(its records no longer pass the checks/);
  });
});
