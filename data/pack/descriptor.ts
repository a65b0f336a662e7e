/**
 * The pack descriptor, `datapackage.json`: a Frictionless Data Package whose resources are
 * the pack's source documents (each with its `sha256:` hash and the `sourceRecord` that
 * describes it in the shape of `data/schema.ts`) and its two tables, `figures.csv` and
 * `not-held.csv`, described by the Table Schemas in `table-schema.ts`.
 */
import * as v from 'valibot';
import { FIGURES_SCHEMA, NOT_HELD_SCHEMA } from './table-schema';
import type { TableSchema } from './table-schema';

export const DESCRIPTOR_FILE = 'datapackage.json';
export const FIGURES_FILE = 'figures.csv';
export const NOT_HELD_FILE = 'not-held.csv';

/** Links a pack may carry: http(s) only, never `javascript:`, `data:` or a file path. */
const httpUrl = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// address'),
);
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** A path inside the pack: relative, forward slashes, no `..`, so a pack cannot reach outside itself. */
const packPath = v.pipe(
  v.string(),
  v.regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/,
    'must be a relative path inside the pack (letters, digits, . _ - /; no ..)',
  ),
);

const TableResourceSchema = v.object({
  name: v.string(),
  path: packPath,
  profile: v.optional(v.string()),
  format: v.optional(v.string()),
  mediatype: v.optional(v.string()),
  encoding: v.optional(v.string()),
  schema: v.object({
    fields: v.array(v.object({ name: v.string(), type: v.string() })),
  }),
});

const DocumentResourceSchema = v.object({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case')),
  path: packPath,
  title: v.optional(v.string()),
  format: v.optional(v.string()),
  mediatype: v.optional(v.string()),
  encoding: v.optional(v.string()),
  bytes: v.optional(v.number()),
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 hex digits')),
  /** The source record (see `SourceSchema`); checked with the dataset's own schema. */
  sourceRecord: v.unknown(),
});

export const DescriptorSchema = v.object({
  profile: v.optional(v.string()),
  name: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'must be lower case letters, digits, . _ or -'),
  ),
  title: text,
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0')),
  description: v.optional(v.string()),
  created: v.optional(v.string()),
  licenses: v.array(
    v.object({
      name: v.optional(v.string()),
      title: v.optional(v.string()),
      path: v.optional(httpUrl),
    }),
  ),
  contributors: v.array(
    v.object({ title: text, role: v.optional(v.string()), path: v.optional(httpUrl) }),
  ),
  sources: v.array(v.object({ title: text, path: v.optional(httpUrl) })),
  resources: v.array(v.object({ name: v.string(), path: v.string() })),
});

export type Descriptor = v.InferOutput<typeof DescriptorSchema>;
export type TableResource = v.InferOutput<typeof TableResourceSchema>;
export type DocumentResource = v.InferOutput<typeof DocumentResourceSchema>;
export { DocumentResourceSchema, TableResourceSchema };

/** The Table Schema expected for each table file. */
export const TABLES: Readonly<Record<string, TableSchema>> = {
  [FIGURES_FILE]: FIGURES_SCHEMA,
  [NOT_HELD_FILE]: NOT_HELD_SCHEMA,
};

/** The resource entry of a table, as an export writes it. */
export function tableResource(name: string, path: string, schema: TableSchema): object {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema,
  };
}
