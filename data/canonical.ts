/**
 * The one accepted serialisation of each dataset file: records sorted by id, keys in the
 * order their schema declares. `npm run data:format` writes it; the build refuses anything
 * else, naming the record and field of the first difference.
 */
import { FigureSchema, NotHeldSchema, SourceSchema } from './schema';
import { compareIds, isRecord, line, sortedById } from './files';

/** The key order of a record as its schema declares it; `null` for a leaf value. */
export interface KeyOrder {
  readonly [key: string]: KeyOrder | null;
}

interface SchemaShape {
  type: string;
  wrapped?: unknown;
  entries?: Record<string, unknown>;
}

/** Reads the declared key order out of a valibot object schema (through `optional`). */
export function keyOrderOf(schema: unknown): KeyOrder | null {
  let s = schema as SchemaShape;
  while (s.type === 'optional' || s.type === 'nullable' || s.type === 'nullish') {
    s = s.wrapped as SchemaShape;
  }
  if ((s.type === 'strict_object' || s.type === 'object') && s.entries) {
    const out: Record<string, KeyOrder | null> = {};
    for (const [key, entry] of Object.entries(s.entries)) out[key] = keyOrderOf(entry);
    return out;
  }
  return null;
}

function mustKeys(schema: unknown): KeyOrder {
  const keys = keyOrderOf(schema);
  if (!keys) throw new Error('not an object schema');
  return keys;
}

export const SOURCE_KEYS: KeyOrder = mustKeys(SourceSchema);
export const FIGURE_KEYS: KeyOrder = mustKeys(FigureSchema);
export const NOT_HELD_KEYS: KeyOrder = mustKeys(NotHeldSchema);

/** A copy of `value` with its keys in schema order; unknown keys follow in their own order. */
export function orderKeys(value: unknown, keys: KeyOrder | null): unknown {
  if (!keys || !isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(keys)) {
    if (key in value) out[key] = orderKeys(value[key], sub);
  }
  for (const key of Object.keys(value)) if (!(key in out)) out[key] = value[key];
  return out;
}

/** Records sorted by id (records without one last, in their order), keys in schema order. */
export function canonicalRecords(records: readonly unknown[], keys: KeyOrder): unknown[] {
  return sortedById(records).map((r) => orderKeys(r, keys));
}

/** The one accepted serialisation of a dataset file. */
export function canonicalJson(records: readonly unknown[], keys: KeyOrder): string {
  return JSON.stringify(canonicalRecords(records, keys), null, 2) + '\n';
}

/** The one accepted serialisation of `data/source-files.json`: keys sorted. */
export function canonicalMapJson(map: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort(compareIds)) sorted[key] = map[key];
  return JSON.stringify(sorted, null, 2) + '\n';
}

/**
 * Compares a file's text with its canonical serialisation; on a difference, names the
 * record and field of the first differing line.
 */
export function checkFormatting(file: string, text: string, canonical: string): string[] {
  if (text === canonical) return [];
  const actual = text.split('\n');
  const expected = canonical.split('\n');
  let n = 0;
  while (n < actual.length && n < expected.length && actual[n] === expected[n]) n++;
  // The record whose block holds line n: the last `  {` at or before it, and its id line.
  let start = -1;
  for (let i = Math.min(n, expected.length - 1); i >= 0; i--) {
    if (expected[i] === '  {') {
      start = i;
      break;
    }
  }
  let record = 'file';
  if (start >= 0) {
    const idLine = expected.slice(start).find((l) => /^ {4}"id": /.test(l));
    const id = idLine ? /"id": "(.*)"/.exec(idLine)?.[1] : undefined;
    record =
      id !== undefined
        ? `record "${id}"`
        : `record #${expected.slice(0, start).filter((l) => l === '  {').length}`;
  }
  const field = /^\s*"([^"]+)":/.exec(expected[n] ?? '')?.[1] ?? '';
  return [
    line(
      file,
      record,
      field,
      `line ${n + 1} is not in canonical formatting (expected ${JSON.stringify(expected[n] ?? '')}, found ${JSON.stringify(actual[n] ?? '')}); run tsx cli/format-data.ts`,
    ),
  ];
}
