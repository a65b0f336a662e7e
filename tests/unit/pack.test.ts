import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../data/pack/csv';
import { validatePack, type PackFiles } from '../../data/pack/validate-pack';
import { readZip, writeZip } from '../../data/pack/zip';
import type { Dataset } from '../../data/schema';
import { DATA_FILES } from '../../data/integrity';
import { readPackFolder as readFolder } from '../../cli/pack-io';
import { FIGURE_KEYS, NOT_HELD_KEYS, SOURCE_KEYS, canonicalRecords } from '../../data/canonical';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(root, 'data/packs/kent-seed');

const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function seedJson(): Dataset {
  const read = (f: string): unknown[] =>
    JSON.parse(readFileSync(join(root, f), 'utf8')) as unknown[];
  return {
    sources: canonicalRecords(read(DATA_FILES.sources), SOURCE_KEYS),
    figures: canonicalRecords(read(DATA_FILES.figures), FIGURE_KEYS),
    notHeld: canonicalRecords(read(DATA_FILES.notHeld), NOT_HELD_KEYS),
  } as Dataset;
}

/** Replaces one cell of one row (by id) in a CSV file of the pack. */
function editCell(
  files: Map<string, Uint8Array>,
  file: string,
  id: string,
  field: string,
  value: string,
): void {
  const rows = parseCsv(text(files.get(file))).map((r) => r.cells);
  const header = rows[0] ?? [];
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  row[header.indexOf(field)] = value;
  files.set(file, bytes(toCsv(rows)));
}

function rowNumber(files: PackFiles, file: string, id: string): number {
  return parseCsv(text(files.get(file))).findIndex((r) => r.cells[0] === id) + 1;
}

describe('the seed pack', () => {
  it('reads back to exactly the records in data/*.json (round trip, nothing lost)', async () => {
    const result = await validatePack(readFolder(SEED));
    expect(result.errors).toEqual([]);
    expect(result.pack?.dataset).toEqual(seedJson());
    expect(result.pack?.descriptor.name).toBe('kent-seed');
    expect(result.pack?.dataset.figures).toHaveLength(seedJson().figures.length);
  });

  it('survives being zipped, inside a top folder as a zipped folder is', async () => {
    const files = readFolder(SEED);
    const zipped = writeZip(new Map([...files].map(([p, b]) => [`kent-seed/${p}`, b])));
    const unzipped = await readZip(zipped);
    expect([...unzipped.keys()].sort()).toEqual([...files.keys()].sort());
    const result = await validatePack(unzipped);
    expect(result.pack?.dataset).toEqual(seedJson());
  });
});

describe('a bad pack', () => {
  it('is refused whole, listing a bad hash, a misquoted row and a duplicate id by file, row and field', async () => {
    const files = readFolder(SEED);
    const doc = 'sources/002_c7d339979c00e875.txt';
    files.set(doc, bytes(text(files.get(doc)) + '\nAn added line.\n'));
    const quote =
      parseCsv(text(files.get('figures.csv'))).find((r) => r.cells[0] === 'kcc-da-rate-thanet')
        ?.cells[15] ?? '';
    editCell(files, 'figures.csv', 'kcc-da-rate-thanet', 'quote', quote.replace(/\bthe\b/, 'teh'));
    const csv = text(files.get('figures.csv'));
    const copied = csv.split('\n').find((l) => l.startsWith('chub-patient-assaults-2011,')) ?? '';
    files.set('figures.csv', bytes(csv + copied + '\n'));

    const result = await validatePack(files);
    expect(result.pack).toBeUndefined();
    const misquoted = rowNumber(files, 'figures.csv', 'kcc-da-rate-thanet');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sources\/002_c7d339979c00e875\.txt: its hash is sha256:[0-9a-f]{64}, but datapackage\.json \(resource "kmpt-foi-52255-sexual-safety" field "hash"\) says/,
        ),
        expect.stringMatching(
          new RegExp(
            `^figures\\.csv: row ${misquoted}, record "kcc-da-rate-thanet" field "quote": not found word for word`,
          ),
        ),
        expect.stringMatching(
          /^figures\.csv: row \d+, record "chub-patient-assaults-2011" field "id": duplicate id/,
        ),
      ]),
    );
  });

  it('names the row and field of a cell of the wrong type, and checks nothing it cannot read', async () => {
    const files = readFolder(SEED);
    editCell(files, 'figures.csv', 'kcc-da-rate-thanet', 'value', '27,6');
    editCell(files, 'figures.csv', 'kcc-da-rate-sevenoaks', 'place', 'Sevenoaks');
    const result = await validatePack(files);
    expect(result.errors).toHaveLength(2);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        `figures.csv: row ${rowNumber(files, 'figures.csv', 'kcc-da-rate-thanet')} field "value": "27,6" is not a number (write it without commas or spaces)`,
        expect.stringMatching(
          new RegExp(
            `^figures\\.csv: row ${rowNumber(files, 'figures.csv', 'kcc-da-rate-sevenoaks')} field "place": "Sevenoaks" is not one of: uk, `,
          ),
        ),
      ]),
    );
  });

  it('stops at the descriptor when it is broken, and refuses paths and links that leave the pack', async () => {
    const files = readFolder(SEED);
    const descriptor = JSON.parse(text(files.get('datapackage.json'))) as {
      resources: { path: string }[];
      sources: { path?: string }[];
    };
    const first = descriptor.resources[0];
    if (first) first.path = '../outside.txt';
    descriptor.sources.push({ path: 'javascript:alert(1)' } as { path: string });
    files.set('datapackage.json', bytes(JSON.stringify(descriptor)));
    const result = await validatePack(files);
    expect(result.errors.every((e) => e.startsWith('datapackage.json: '))).toBe(true);
    expect(result.errors.join('\n')).toContain('must be an http:// or https:// address');
  });

  it('refuses ids the extension already holds', async () => {
    const files = readFolder(SEED);
    const result = await validatePack(files, new Set(['kcc-da-rate-thanet']));
    expect(result.errors).toEqual([
      `figures.csv: row ${rowNumber(files, 'figures.csv', 'kcc-da-rate-thanet')}, record "kcc-da-rate-thanet" field "id": already used by a record the extension holds`,
    ]);
  });
});

describe('a table source (the ONS police recorded crime pack)', () => {
  const ONS = join(root, 'data/packs/ons-prc-kent-ye-june-2025');
  const THANET_VAP = 'prc-ye-june-2025-violence-against-the-person-thanet';

  it('holds six measures for the force area and each of the twelve Kent partnerships, and no "Unassigned Kent"', async () => {
    const result = await validatePack(readFolder(ONS));
    expect(result.errors).toEqual([]);
    const figures = result.pack?.dataset.figures ?? [];
    expect(new Set(figures.map((f) => f.place)).size).toBe(13);
    expect(new Set(figures.map((f) => f.column)).size).toBe(6);
    expect(figures).toHaveLength(78);
    expect(figures.some((f) => f.quote.includes('Unassigned Kent'))).toBe(false);
    const thanet = figures.find((f) => f.id === THANET_VAP);
    expect(thanet).toMatchObject({
      value: 7177,
      valueText: '7,177',
      column: 'Violence against the person',
    });
    expect(thanet?.period).toEqual({
      from: '2024-07',
      to: '2025-06',
      label: 'year ending June 2025',
    });
  });

  it('checks the row as written, the column header and the cell', async () => {
    const files = readFolder(ONS);
    const quote =
      parseCsv(text(files.get('figures.csv'))).find((r) => r.cells[0] === THANET_VAP)?.cells[15] ??
      '';
    editCell(files, 'figures.csv', THANET_VAP, 'column', 'Homicide');
    editCell(files, 'figures.csv', 'prc-ye-june-2025-homicide-thanet', 'column', 'Homicides');
    editCell(
      files,
      'figures.csv',
      'prc-ye-june-2025-sexual-offences-thanet',
      'quote',
      quote.replace('"7,177 "', '"7,171 "'),
    );
    const result = await validatePack(files);
    const row = (id: string): number => rowNumber(files, 'figures.csv', id);
    expect(result.errors).toEqual([
      `figures.csv: row ${row('prc-ye-june-2025-homicide-thanet')}, record "prc-ye-june-2025-homicide-thanet" field "quote": no header "Homicides" above this row (line 177) in sources/ons-prc-table-c2-csp-year-ending-june-2025.csv`,
      `figures.csv: row ${row('prc-ye-june-2025-sexual-offences-thanet')}, record "prc-ye-june-2025-sexual-offences-thanet" field "quote": not a row of the file as written (line 177 starts the same way and differs) in sources/ons-prc-table-c2-csp-year-ending-june-2025.csv`,
      `figures.csv: row ${row(THANET_VAP)}, record "${THANET_VAP}" field "quote": the cell of this row under "Homicide" is "2", not "7,177" in sources/ons-prc-table-c2-csp-year-ending-june-2025.csv`,
    ]);
  });
});
