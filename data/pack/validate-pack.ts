/**
 * Validates a data pack in full, in the order an editor fixes things: the descriptor, then
 * the types of every table cell, then the source documents' hashes, then every integrity
 * check of the bundled dataset (schema, unique ids, known sources and places, the number in
 * its quote, the quote word for word in its source, a table figure's row, column and cell).
 * Every error is one line naming the file, the row or record, and the field.
 *
 * Pure apart from Web Crypto's SHA-256, which Node and both browsers provide: the build, the
 * `data:pack` CLI and the options page run this same code, with no network.
 */
import * as v from 'valibot';
import { FigureSchema, NotHeldSchema, SourceSchema, type Dataset } from '../schema';
import { DATA_FILES, validateDataset } from '../integrity';
import { FIGURE_KEYS, NOT_HELD_KEYS, SOURCE_KEYS, canonicalRecords } from '../canonical';
import { verifyQuotes } from '../quotes';
import { parseCsv } from './csv';
import {
  DESCRIPTOR_FILE,
  DescriptorSchema,
  DocumentResourceSchema,
  FIGURES_FILE,
  NOT_HELD_FILE,
  TABLES,
  TableResourceSchema,
  type Descriptor,
} from './descriptor';
import { cellProblems, rowToFigure, rowToNotHeld, type TableSchema } from './table-schema';

/** A pack's files by path inside the pack (`datapackage.json`, `sources/x.txt`). */
export type PackFiles = ReadonlyMap<string, Uint8Array>;

/** Limits on what a pack may hold, so a reader's pack cannot fill the browser's storage. */
export const PACK_CAPS = { bytes: 5_000_000, files: 50, rows: 5_000 } as const;

export interface ValidPack {
  descriptor: Descriptor;
  dataset: Dataset;
  /** Path of each source document in the pack, by source id. */
  sourceFiles: Record<string, string>;
}

export interface PackResult {
  pack?: ValidPack;
  errors: string[];
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

interface TableRows {
  /** Records from rows whose every cell has the right type, with their row number. */
  records: { row: number; record: Record<string, unknown> }[];
}

/** Step 2 for one table: its descriptor schema, its header, then every cell's type. */
function readTable(
  file: string,
  bytes: Uint8Array | undefined,
  declared: { name: string; type: string }[] | undefined,
  expected: TableSchema,
  toRecord: (cell: (name: string) => string) => Record<string, unknown>,
  errors: string[],
): TableRows {
  const out: TableRows = { records: [] };
  if (declared) {
    const names = expected.fields.map((f) => `${f.name} (${f.type})`);
    const found = declared.map((f) => `${f.name} (${f.type})`);
    if (names.join('|') !== found.join('|')) {
      errors.push(
        `${DESCRIPTOR_FILE}: resource "${file}" field "schema.fields": expected ${names.join(', ')}; found ${found.join(', ')}`,
      );
    }
  }
  if (!bytes) return out;
  const text = decode(bytes);
  if (text === undefined) {
    errors.push(`${file}: is not UTF-8 text`);
    return out;
  }
  const rows = parseCsv(text).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  const header = rows[0]?.cells ?? [];
  const names = expected.fields.map((f) => f.name);
  if (header.join(',') !== names.join(',')) {
    const missing = names.filter((n) => !header.includes(n));
    const extra = header.filter((h) => !names.includes(h));
    errors.push(
      `${file}: row 1: the header must be ${names.join(',')}` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (extra.length ? `; unknown ${extra.join(', ')}` : '') +
        (!missing.length && !extra.length ? '; the columns are in another order' : ''),
    );
    return out;
  }
  if (rows.length - 1 > PACK_CAPS.rows) {
    errors.push(`${file}: has ${rows.length - 1} rows; a pack may hold at most ${PACK_CAPS.rows}`);
    return out;
  }
  rows.slice(1).forEach((row, i) => {
    const number = i + 2;
    if (row.cells.length !== names.length) {
      errors.push(
        `${file}: row ${number}: has ${row.cells.length} cells, the header ${names.length}`,
      );
      return;
    }
    let ok = true;
    expected.fields.forEach((field, c) => {
      for (const problem of cellProblems(field, row.cells[c] ?? '')) {
        ok = false;
        errors.push(`${file}: row ${number} field "${field.name}": ${problem}`);
      }
    });
    if (ok)
      out.records.push({ row: number, record: toRecord((n) => row.cells[names.indexOf(n)] ?? '') });
  });
  return out;
}

/**
 * Rewrites an integrity error of `validate.ts`, which names the bundled files, to name the
 * pack's file and the spreadsheet row of the record.
 */
function relabel(
  error: string,
  rowsById: Record<'figures' | 'notHeld', Map<string, number>>,
): string {
  const files = [
    [DATA_FILES.figures, FIGURES_FILE, rowsById.figures],
    [DATA_FILES.notHeld, NOT_HELD_FILE, rowsById.notHeld],
  ] as const;
  for (const [from, to, rows] of files) {
    if (!error.startsWith(`${from}: `)) continue;
    const rest = error
      .slice(from.length + 2)
      .replace(/already used by record #\d+ of data\/[a-z-]+\.json$/, 'another record has it too');
    const id = /^record "([^"]*)"/.exec(rest)?.[1];
    const row = id === undefined ? undefined : rows.get(id);
    return `${to}: ${row === undefined ? '' : `row ${row}, `}${rest}`;
  }
  if (error.startsWith(`${DATA_FILES.sources}: `)) {
    return `${DESCRIPTOR_FILE}: source ${error.slice(DATA_FILES.sources.length + 2)}`;
  }
  return error;
}

/**
 * Validates every file of a pack. `takenIds` are ids already in use (the bundled records and
 * other packs'): a pack may not reuse one, so a record is never shadowed.
 */
export async function validatePack(
  files: PackFiles,
  takenIds: ReadonlySet<string> = new Set(),
): Promise<PackResult> {
  const errors: string[] = [];
  let total = 0;
  for (const bytes of files.values()) total += bytes.byteLength;
  if (total > PACK_CAPS.bytes) {
    return { errors: [`pack: holds ${total} bytes; a pack may hold at most ${PACK_CAPS.bytes}`] };
  }
  if (files.size > PACK_CAPS.files) {
    return {
      errors: [`pack: holds ${files.size} files; a pack may hold at most ${PACK_CAPS.files}`],
    };
  }

  // 1. The descriptor.
  const descriptorBytes = files.get(DESCRIPTOR_FILE);
  if (!descriptorBytes) return { errors: [`${DESCRIPTOR_FILE}: missing; every pack needs one`] };
  let raw: unknown;
  try {
    raw = JSON.parse(decode(descriptorBytes) ?? '');
  } catch (error) {
    return {
      errors: [
        `${DESCRIPTOR_FILE}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
  const parsed = v.safeParse(DescriptorSchema, raw);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      errors.push(`${DESCRIPTOR_FILE}: field "${issuePath(issue)}": ${issue.message}`);
    }
    return { errors };
  }
  const descriptor = parsed.output;
  const rawResources = (raw as { resources: unknown[] }).resources;
  const tables = new Map<string, { name: string; type: string }[]>();
  const documents: v.InferOutput<typeof DocumentResourceSchema>[] = [];
  const paths = new Set<string>();
  rawResources.forEach((resource, i) => {
    const path = descriptor.resources[i]?.path ?? '';
    const where = `${DESCRIPTOR_FILE}: resource "${descriptor.resources[i]?.name ?? i}"`;
    if (paths.has(path)) errors.push(`${where} field "path": "${path}" is listed twice`);
    paths.add(path);
    const isTable = path in TABLES;
    const result = isTable
      ? v.safeParse(TableResourceSchema, resource)
      : v.safeParse(DocumentResourceSchema, resource);
    if (!result.success) {
      for (const issue of result.issues)
        errors.push(`${where} field "${issuePath(issue)}": ${issue.message}`);
      return;
    }
    if (!files.has(path)) errors.push(`${where} field "path": no file "${path}" in the pack`);
    if (isTable)
      tables.set(path, (result.output as v.InferOutput<typeof TableResourceSchema>).schema.fields);
    else documents.push(result.output as v.InferOutput<typeof DocumentResourceSchema>);
  });
  if (!tables.has(FIGURES_FILE)) {
    errors.push(
      `${DESCRIPTOR_FILE}: field "resources": needs a resource with path "${FIGURES_FILE}"`,
    );
  }
  if (errors.length > 0) return { errors };

  // 2. Schema types of every cell.
  const figureRows = readTable(
    FIGURES_FILE,
    files.get(FIGURES_FILE),
    tables.get(FIGURES_FILE),
    TABLES[FIGURES_FILE] as TableSchema,
    rowToFigure,
    errors,
  );
  const notHeldRows = tables.has(NOT_HELD_FILE)
    ? readTable(
        NOT_HELD_FILE,
        files.get(NOT_HELD_FILE),
        tables.get(NOT_HELD_FILE),
        TABLES[NOT_HELD_FILE] as TableSchema,
        rowToNotHeld,
        errors,
      )
    : { records: [] };

  // 3. Hashes of the source documents.
  const texts = new Map<string, string>();
  for (const doc of documents) {
    const bytes = files.get(doc.path);
    if (!bytes) continue;
    const actual = `sha256:${await sha256(bytes)}`;
    if (actual !== doc.hash) {
      errors.push(
        `${doc.path}: its hash is ${actual}, but ${DESCRIPTOR_FILE} (resource "${doc.name}" field "hash") says ${doc.hash}`,
      );
    }
    if (doc.bytes !== undefined && doc.bytes !== bytes.byteLength) {
      errors.push(
        `${doc.path}: has ${bytes.byteLength} bytes, but ${DESCRIPTOR_FILE} (resource "${doc.name}" field "bytes") says ${doc.bytes}`,
      );
    }
    const text = decode(bytes);
    if (text === undefined) errors.push(`${doc.path}: is not UTF-8 text`);
    else texts.set(doc.path, text);
  }

  // 4. Every integrity check of the bundled dataset.
  const sources = documents.map((d) => d.sourceRecord);
  documents.forEach((doc) => {
    const id: unknown = (doc.sourceRecord as { id?: unknown } | null)?.id;
    if (id !== doc.name) {
      errors.push(
        `${DESCRIPTOR_FILE}: resource "${doc.name}" field "sourceRecord.id": ${describe(id)} must equal the resource's name`,
      );
    }
    for (const key of ['url', 'republished.url'] as const) {
      const rec = doc.sourceRecord as Record<string, unknown> | null;
      const value =
        key === 'url' ? rec?.url : (rec?.republished as Record<string, unknown> | undefined)?.url;
      if (typeof value === 'string' && value !== '' && !/^https?:\/\//i.test(value)) {
        errors.push(
          `${DESCRIPTOR_FILE}: resource "${doc.name}" field "sourceRecord.${key}": must be an http:// or https:// address`,
        );
      }
    }
  });
  const rowsById = {
    figures: new Map(figureRows.records.map((r) => [String(r.record.id), r.row])),
    notHeld: new Map(notHeldRows.records.map((r) => [String(r.record.id), r.row])),
  };
  // A spreadsheet's row order is the editor's business: compare records in canonical order.
  const result = validateDataset({
    sources: canonicalRecords(sources, SOURCE_KEYS),
    figures: canonicalRecords(
      figureRows.records.map((r) => r.record),
      FIGURE_KEYS,
    ),
    notHeld: canonicalRecords(
      notHeldRows.records.map((r) => r.record),
      NOT_HELD_KEYS,
    ),
  });
  errors.push(...result.errors.map((e) => relabel(e, rowsById)));
  const sourceFiles = Object.fromEntries(documents.map((d) => [d.name, d.path]));
  // Quotes are checked for every record that fits its schema, even when another record has
  // a problem, so an editor sees every error at once.
  const fitting = <T>(schema: v.GenericSchema<unknown, T>, list: unknown[]): T[] =>
    list.flatMap((r) => {
      const parsed = v.safeParse(schema, r);
      return parsed.success ? [parsed.output] : [];
    });
  const checkable: Dataset = {
    sources: fitting(SourceSchema, sources),
    figures: fitting(
      FigureSchema,
      figureRows.records.map((r) => r.record),
    ),
    notHeld: fitting(
      NotHeldSchema,
      notHeldRows.records.map((r) => r.record),
    ),
  };
  const quoteErrors = verifyQuotes(checkable, texts, (id) => sourceFiles[id]).filter(
    // The number-in-quote check is also part of validateDataset: report it once.
    (e) => !/field "valueText": .* does not appear in the quote$/.test(e),
  );
  errors.push(...quoteErrors.map((e) => relabel(e, rowsById)));
  if (result.dataset) {
    for (const [key, file, list] of [
      ['figures', FIGURES_FILE, result.dataset.figures],
      ['notHeld', NOT_HELD_FILE, result.dataset.notHeld],
      ['sources', DESCRIPTOR_FILE, result.dataset.sources],
    ] as const) {
      for (const record of list as { id: string }[]) {
        if (!takenIds.has(record.id)) continue;
        const row = key === 'sources' ? undefined : rowsById[key].get(record.id);
        errors.push(
          `${file}: ${row === undefined ? '' : `row ${row}, `}record "${record.id}" field "id": already used by a record the extension holds`,
        );
      }
    }
  }
  if (errors.length > 0 || !result.dataset) return { errors };
  return { pack: { descriptor, dataset: result.dataset, sourceFiles }, errors };
}
