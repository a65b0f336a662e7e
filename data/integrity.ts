/**
 * Integrity checks for the dataset: the valibot schema, then what a schema cannot say
 * (unique ids, known sources, the number inside its own quote, complete series, canonical
 * key order). Pure: no file system, no DOM, so the extension, the CLIs and the tests share it.
 * Every error is one line naming the file, the record and the field (see files.ts).
 */
import * as v from 'valibot';
import { FigureSchema, NotHeldSchema, SourceSchema } from './schema';
import type { Dataset, Figure, NotHeld, Source } from './schema';
import { FIGURE_KEYS, NOT_HELD_KEYS, orderKeys, SOURCE_KEYS, type KeyOrder } from './canonical';
import { DATA_FILES, compareIds, idOf, isRecord, line } from './files';
import { containsWhole, parseValueText } from './quotes';
import { checkSeries } from './series-check';

export { DATA_FILES };

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
