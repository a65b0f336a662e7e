/**
 * Integrity checks for the dataset: the valibot schema, then what a schema cannot say
 * (unique ids, known sources, the number inside its own quote, complete series, canonical
 * order). Pure: no file system, no DOM, so the extension, the CLIs and the tests share it.
 *
 * Every error is one line naming the file, the record (its id, or `#index` when it has
 * none) and the field, e.g.
 * `data/figures.json: record "kcc-da-rate-thanet" field "value": Invalid type: …`.
 */
import * as v from 'valibot';
import { FigureSchema, NotHeldSchema, SourceSchema } from './schema';
import type { Dataset, Figure, NotHeld, Source } from './schema';
import { parseCsv, type CsvRow } from './pack/csv';
import { tableQuoteProblem } from './table-quote';

export const DATA_FILES = {
  sources: 'data/sources.json',
  figures: 'data/figures.json',
  notHeld: 'data/not-held.json',
  sourceFiles: 'data/source-files.json',
} as const;

/**
 * Topic tags records may carry. The engine pre-filters on them, so a typo would hide a
 * record: only these are accepted.
 */
export const TOPICS = [
  // figures
  'assault',
  'staff-assault',
  'patient-assault',
  'mental-health',
  'sexual-abuse',
  'sexual-safety',
  'safeguarding',
  'referrals',
  'staff-allegations',
  'domestic-abuse',
  'crime',
  'calls',
  'children',
  'coercive-control',
  'incidents',
  'victims',
  // statements of data not held
  'teachers',
  'social-workers',
  'police-reports',
  'prosecutions',
] as const;

// ---------------------------------------------------------------------------------------
// Canonical form

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
}

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
  const withId = records.filter((r) => idOf(r) !== undefined);
  const without = records.filter((r) => idOf(r) === undefined);
  withId.sort((a, b) => compareIds(idOf(a) ?? '', idOf(b) ?? ''));
  return [...withId, ...without].map((r) => orderKeys(r, keys));
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

// ---------------------------------------------------------------------------------------
// Numbers and quotes

/** Collapses every run of whitespace (tabs, newlines, no-break spaces) to one space, trimmed. */
export function foldWhitespace(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * The value a figure's `valueText` stands for. Reads only the forms the dataset uses:
 * `11,485`, `27.6`, `2.4 million`, `40%`, `three quarters`. Anything else is undefined.
 */
export function parseValueText(text: string): number | undefined {
  const t = text.trim();
  if (/^three quarters$/i.test(t)) return 75;
  const percent = /^(.+?)\s*%$/.exec(t);
  if (percent?.[1] !== undefined) return plainNumber(percent[1]);
  const million = /^(.+?)\s+million$/i.exec(t);
  if (million?.[1] !== undefined) {
    const n = plainNumber(million[1]);
    return n === undefined ? undefined : Math.round(n * 1e6 * 1000) / 1000;
  }
  return plainNumber(t);
}

function plainNumber(text: string): number | undefined {
  return PLAIN_NUMBER.test(text) ? Number(text.replace(/,/g, '')) : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `needle` occurs in `quote` as a whole number or word: "1" is not found in
 * "11,485" or "3.1", "million" not in "millions".
 */
export function containsWhole(quote: string, needle: string): boolean {
  if (needle.trim() === '') return false;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{N}[.,])${escapeRegExp(needle)}(?![\\p{L}\\p{N}]|[.,]\\p{N})`,
    'u',
  );
  return pattern.test(foldWhitespace(quote));
}

// ---------------------------------------------------------------------------------------
// Validation

type FileKey = 'sources' | 'figures' | 'notHeld';

interface Entry<T> {
  index: number;
  raw: Record<string, unknown>;
  record: T;
}

function recordLabel(raw: unknown, index: number): string {
  const id = idOf(raw);
  return id !== undefined ? `record "${id}"` : `record #${index}`;
}

function line(file: string, record: string, field: string, message: string): string {
  return field
    ? `${file}: ${record} field "${field}": ${message}`
    : `${file}: ${record}: ${message}`;
}

function issueField(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  let out = '';
  // The first path item is the record's index in the file's array; the rest name the field.
  for (const item of path) {
    const key: unknown = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** First place where a record's keys are not in schema order, e.g. `period.label`. */
function keyOrderProblem(
  raw: Record<string, unknown>,
  keys: KeyOrder,
  prefix = '',
): { field: string; expected: string[] } | undefined {
  const actual = Object.keys(raw);
  const expected = Object.keys(orderKeys(raw, keys) as Record<string, unknown>);
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) {
      return { field: prefix + (actual[i] ?? ''), expected };
    }
  }
  for (const [key, sub] of Object.entries(keys)) {
    const value = raw[key];
    if (sub && isRecord(value)) {
      const inner = keyOrderProblem(value, sub, `${prefix}${key}.`);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Fields (dotted paths) holding a string with leading or trailing whitespace. */
function untrimmedFields(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value !== value.trim() ? [prefix] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => untrimmedFields(item, `${prefix}[${i}]`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([k, item]) =>
      untrimmedFields(item, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [];
}

function checkFile<T>(
  key: FileKey,
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  keys: KeyOrder,
  errors: string[],
): Entry<T>[] {
  const file = DATA_FILES[key];
  if (!Array.isArray(raw)) {
    errors.push(`${file}: must be an array of records, not ${raw === null ? 'null' : typeof raw}`);
    return [];
  }
  const entries: Entry<T>[] = [];
  let previousId: string | undefined;
  raw.forEach((item: unknown, index) => {
    const label = recordLabel(item, index);
    const result = v.safeParse(schema, item);
    if (!result.success) {
      for (const issue of result.issues) {
        errors.push(line(file, label, issueField(issue), issue.message));
      }
    }
    if (!isRecord(item)) return;
    for (const field of untrimmedFields(item)) {
      errors.push(line(file, label, field, 'has leading or trailing whitespace'));
    }
    const problem = keyOrderProblem(item, keys);
    if (problem) {
      errors.push(
        line(
          file,
          label,
          problem.field,
          `keys are not in schema order (expected ${problem.expected.join(', ')}); run tsx cli/format-data.ts`,
        ),
      );
    }
    const id = idOf(item);
    if (id !== undefined && previousId !== undefined && compareIds(id, previousId) < 0) {
      errors.push(
        line(
          file,
          label,
          'id',
          `records must be sorted by id, but "${id}" comes after "${previousId}"; run tsx cli/format-data.ts`,
        ),
      );
    }
    if (id !== undefined) previousId = id;
    if (result.success) entries.push({ index, raw: item, record: result.output });
  });
  return entries;
}

function checkTopics(
  file: string,
  label: string,
  topics: readonly string[],
  errors: string[],
): void {
  const known = new Set<string>(TOPICS);
  const seen = new Set<string>();
  for (const topic of topics) {
    if (!known.has(topic)) {
      errors.push(
        line(file, label, 'topics', `unknown topic "${topic}" (known: ${TOPICS.join(', ')})`),
      );
    }
    if (seen.has(topic))
      errors.push(line(file, label, 'topics', `topic "${topic}" is listed twice`));
    seen.add(topic);
  }
}

function checkFigure(figure: Figure, errors: string[]): void {
  const file = DATA_FILES.figures;
  const label = `record "${figure.id}"`;
  // A table figure's number is checked as its cell by `verifyQuotes`: in a CSV row a
  // neighbouring cell ("67,038",14,104) defeats the whole-number test.
  if (figure.column === undefined && !containsWhole(figure.quote, figure.valueText)) {
    errors.push(
      line(file, label, 'valueText', `"${figure.valueText}" does not appear in the quote`),
    );
  }
  const parsed = parseValueText(figure.valueText);
  if (parsed === undefined) {
    errors.push(
      line(
        file,
        label,
        'valueText',
        `"${figure.valueText}" is not a number form the validator reads (e.g. 11,485 · 27.6 · 2.4 million · 40% · three quarters)`,
      ),
    );
  } else if (Math.abs(parsed - figure.value) > 1e-9 * Math.max(1, Math.abs(parsed))) {
    errors.push(
      line(
        file,
        label,
        'value',
        `${figure.value} does not match valueText "${figure.valueText}" (${parsed})`,
      ),
    );
  }
  const isProportion = /%|quarters/i.test(figure.valueText);
  if (isProportion && figure.unit !== 'percent') {
    errors.push(
      line(file, label, 'unit', `"${figure.valueText}" is a proportion, so unit must be "percent"`),
    );
  }
  if (figure.qualifier === 'exact' && figure.qualifierText !== '') {
    errors.push(line(file, label, 'qualifierText', 'must be empty when qualifier is "exact"'));
  }
  if (figure.qualifier !== 'exact') {
    if (figure.qualifierText === '') {
      errors.push(
        line(
          file,
          label,
          'qualifierText',
          `must give the source's words for qualifier "${figure.qualifier}"`,
        ),
      );
    } else if (!containsWhole(figure.quote.toLowerCase(), figure.qualifierText.toLowerCase())) {
      errors.push(
        line(
          file,
          label,
          'qualifierText',
          `"${figure.qualifierText}" does not appear in the quote`,
        ),
      );
    }
  }
  if ((figure.unit === 'per-1000') !== (figure.rateBase !== '')) {
    errors.push(
      line(
        file,
        label,
        'rateBase',
        figure.unit === 'per-1000'
          ? 'a per-1000 rate needs its population'
          : 'only per-1000 rates have a rateBase',
      ),
    );
  }
  const { from, to } = figure.period;
  if (from !== '' && to !== '' && compareIds(to, from.slice(0, to.length)) < 0) {
    errors.push(line(file, label, 'period.to', `"${to}" is before period.from "${from}"`));
  }
  checkTopics(file, label, figure.topics, errors);
}

/** Fields every figure of one series must share. */
const SERIES_SHARED = ['sourceId', 'measure', 'unit', 'timeBase', 'rateBase'] as const;

function checkSeries(figures: readonly Figure[], errors: string[]): void {
  const file = DATA_FILES.figures;
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (!figure.series) continue;
    const group = groups.get(figure.series.id) ?? [];
    group.push(figure);
    groups.set(figure.series.id, group);
  }
  for (const [seriesId, group] of groups) {
    const first = group[0];
    if (!first) continue;
    if (group.length < 2) {
      errors.push(
        line(
          file,
          `record "${first.id}"`,
          'series.id',
          `series "${seriesId}" has only this figure; a series needs at least two`,
        ),
      );
      continue;
    }
    const labels = new Map<string, string>();
    const points = new Map<string, string>();
    let totalId: string | undefined;
    for (const figure of group) {
      const label = `record "${figure.id}"`;
      for (const field of SERIES_SHARED) {
        if (figure[field] !== first[field]) {
          errors.push(
            line(
              file,
              label,
              field,
              `differs within series "${seriesId}": "${figure[field]}" here, "${first[field]}" in "${first.id}"`,
            ),
          );
        }
      }
      const pointLabel = figure.series?.label ?? '';
      const sameLabel = labels.get(pointLabel);
      if (sameLabel !== undefined) {
        errors.push(
          line(
            file,
            label,
            'series.label',
            `label "${pointLabel}" is also used by "${sameLabel}" in series "${seriesId}"`,
          ),
        );
      } else labels.set(pointLabel, figure.id);
      if (figure.series?.total) {
        if (totalId !== undefined) {
          errors.push(
            line(
              file,
              label,
              'series.total',
              `series "${seriesId}" already has a total ("${totalId}")`,
            ),
          );
        } else totalId = figure.id;
        continue;
      }
      const key = `${figure.place}|${figure.period.from}|${figure.period.to}|${figure.period.label}`;
      const samePoint = points.get(key);
      if (samePoint !== undefined) {
        errors.push(
          line(
            file,
            label,
            'period',
            `same place and period as "${samePoint}" in series "${seriesId}"`,
          ),
        );
      } else points.set(key, figure.id);
    }
    const total = group.find((f) => f.id === totalId);
    const others = group.filter((f) => f.id !== totalId);
    if (total && others.length > 0 && [total, ...others].every((f) => f.unit === 'count')) {
      const sum = others.reduce((acc, f) => acc + f.value, 0);
      if (sum !== total.value) {
        errors.push(
          line(
            file,
            `record "${total.id}"`,
            'value',
            `total ${total.value} of series "${seriesId}" is not the sum of its other points (${sum})`,
          ),
        );
      }
    }
  }
}

/**
 * Validates the three parsed dataset files. The dataset is returned only when there is no
 * error at all.
 */
export function validateDataset(files: { sources: unknown; figures: unknown; notHeld: unknown }): {
  dataset?: Dataset;
  errors: string[];
} {
  const errors: string[] = [];
  const sources = checkFile<Source>('sources', files.sources, SourceSchema, SOURCE_KEYS, errors);
  const figures = checkFile<Figure>('figures', files.figures, FigureSchema, FIGURE_KEYS, errors);
  const notHeld = checkFile<NotHeld>(
    'notHeld',
    files.notHeld,
    NotHeldSchema,
    NOT_HELD_KEYS,
    errors,
  );

  // Ids: unique within and across files.
  const seen = new Map<string, string>();
  for (const key of ['sources', 'figures', 'notHeld'] as const) {
    const raw = files[key];
    if (!Array.isArray(raw)) continue;
    raw.forEach((item: unknown, index) => {
      const id = idOf(item);
      if (id === undefined) return;
      const where = `record #${index} of ${DATA_FILES[key]}`;
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push(
          line(DATA_FILES[key], `record "${id}"`, 'id', `duplicate id: already used by ${first}`),
        );
      } else seen.set(id, where);
    });
  }

  // Every sourceId names a source.
  const sourceIds = new Set(sources.map((s) => s.record.id));
  const rawSourceIds = new Set(
    Array.isArray(files.sources)
      ? (files.sources as unknown[]).map(idOf).filter((id) => id !== undefined)
      : [],
  );
  for (const [key, entries] of [
    ['figures', figures],
    ['notHeld', notHeld],
  ] as const) {
    for (const { record } of entries) {
      if (!sourceIds.has(record.sourceId)) {
        const why = rawSourceIds.has(record.sourceId)
          ? 'source is itself invalid'
          : 'no such source';
        errors.push(
          line(
            DATA_FILES[key],
            `record "${record.id}"`,
            'sourceId',
            `unknown source "${record.sourceId}" (${why})`,
          ),
        );
      }
    }
  }

  for (const { record } of figures) checkFigure(record, errors);
  for (const { record } of notHeld) {
    checkTopics(DATA_FILES.notHeld, `record "${record.id}"`, record.topics, errors);
  }
  checkSeries(
    figures.map((f) => f.record),
    errors,
  );

  if (errors.length > 0) return { errors };
  return {
    dataset: {
      sources: sources.map((e) => e.record),
      figures: figures.map((e) => e.record),
      notHeld: notHeld.map((e) => e.record),
    },
    errors,
  };
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

/**
 * Checks `data/source-files.json`: an object from source id to seed file name, one entry per
 * source, keys sorted.
 */
export function validateSourceFiles(raw: unknown, sourceIds: readonly string[]): string[] {
  const file = DATA_FILES.sourceFiles;
  if (!isRecord(raw)) return [`${file}: must be an object from source id to file name`];
  const errors: string[] = [];
  const keys = Object.keys(raw);
  keys.forEach((key, i) => {
    const name = raw[key];
    if (typeof name !== 'string' || name.trim() === '' || /[/\\]/.test(name)) {
      errors.push(line(file, `record "${key}"`, key, 'must be a file name (no folder)'));
    }
    if (!sourceIds.includes(key))
      errors.push(line(file, `record "${key}"`, key, 'no source has this id'));
    const previous = keys[i - 1];
    if (previous !== undefined && compareIds(key, previous) < 0) {
      errors.push(
        line(
          file,
          `record "${key}"`,
          key,
          `keys must be sorted, but "${key}" comes after "${previous}"`,
        ),
      );
    }
  });
  for (const id of sourceIds) {
    if (!(id in raw))
      errors.push(line(file, `record "${id}"`, id, 'every source needs its file name'));
  }
  return errors;
}

/** The longest start of `needle` found in `haystack` (both folded). */
function longestFoundPrefix(needle: string, haystack: string): string {
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return needle.slice(0, lo);
}

/**
 * Checks every figure's and not-held statement's quote word for word (whitespace folded)
 * against its source text, and every figure's number inside its quote.
 */
export function verifyQuotes(
  dataset: Dataset,
  sourceTexts: Map<string, string>,
  sourceFileFor: (sourceId: string) => string | undefined,
): string[] {
  const errors: string[] = [];
  const folded = new Map<string, string | undefined>();
  // Table sources (CSV files) are checked row by row, not as running text.
  const tables = new Map<string, CsvRow[]>();
  for (const source of dataset.sources) {
    const name = sourceFileFor(source.id);
    const label = `record "${source.id}"`;
    if (name === undefined) {
      errors.push(
        line(
          DATA_FILES.sources,
          label,
          'id',
          `no source file is mapped to it in ${DATA_FILES.sourceFiles}`,
        ),
      );
      continue;
    }
    const text = sourceTexts.get(name);
    if (text === undefined) {
      errors.push(line(DATA_FILES.sources, label, 'id', `source text "${name}" was not given`));
      continue;
    }
    folded.set(source.id, foldWhitespace(text));
    if (/\.csv$/i.test(name)) tables.set(source.id, parseCsv(text));
  }
  const check = (file: string, record: Figure | NotHeld): void => {
    const text = folded.get(record.sourceId);
    const label = `record "${record.id}"`;
    const table = tables.get(record.sourceId);
    if (table) {
      const column = 'column' in record ? record.column : undefined;
      if (column === undefined || !('valueText' in record)) {
        errors.push(
          line(file, label, 'column', 'a record quoting a table source needs the column it takes'),
        );
        return;
      }
      const problem = tableQuoteProblem(table, record.quote, column, record.valueText);
      if (problem)
        errors.push(
          line(file, label, 'quote', `${problem} in ${sourceFileFor(record.sourceId) ?? ''}`),
        );
      return;
    }
    if ('column' in record && record.column !== undefined) {
      errors.push(
        line(file, label, 'column', 'only a record quoting a table (CSV) source has a column'),
      );
    }
    if (text === undefined) {
      if (!dataset.sources.some((s) => s.id === record.sourceId)) {
        errors.push(line(file, label, 'sourceId', `unknown source "${record.sourceId}"`));
      }
      return;
    }
    const quote = foldWhitespace(record.quote);
    if (!text.includes(quote)) {
      const prefix = longestFoundPrefix(quote, text);
      const where =
        prefix.length === 0
          ? 'not even its first character'
          : `it matches as far as "${prefix.slice(-40)}" and then differs at "${quote.slice(prefix.length, prefix.length + 40)}"`;
      errors.push(
        line(
          file,
          label,
          'quote',
          `not found word for word in ${sourceFileFor(record.sourceId) ?? ''}: ${where}`,
        ),
      );
    }
  };
  for (const figure of dataset.figures) {
    check(DATA_FILES.figures, figure);
    if (figure.column === undefined && !containsWhole(figure.quote, figure.valueText)) {
      errors.push(
        line(
          DATA_FILES.figures,
          `record "${figure.id}"`,
          'valueText',
          `"${figure.valueText}" does not appear in the quote`,
        ),
      );
    }
  }
  for (const statement of dataset.notHeld) check(DATA_FILES.notHeld, statement);
  return errors;
}
