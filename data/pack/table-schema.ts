/**
 * The Table Schemas (Frictionless) of a pack's `figures.csv` and `not-held.csv`. They mirror
 * `data/schema.ts` one column per field, nested fields as dotted names (`period.from`), so an
 * editor can fill them in a spreadsheet; the valibot schemas stay the final word on a record.
 */
import { PLACES, QUALIFIERS, TIME_BASES, UNITS } from '../schema';
import type { Figure, NotHeld } from '../schema';

export interface TableField {
  name: string;
  type: 'string' | 'number' | 'boolean';
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[]; pattern?: string };
}

export interface TableSchema {
  fields: TableField[];
  primaryKey: string;
}

const ID_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';
const DATE_PATTERN = '(\\d{4}(-\\d{2}(-\\d{2})?)?)?';
/** Topic ids separated by semicolons, because a cell holds one string. */
const TOPICS_PATTERN = `${ID_PATTERN}(;${ID_PATTERN})*`;

const req = { required: true };

/** Fields both tables share, declared once so the two schemas cannot drift apart. */
const ID_FIELD: TableField = {
  name: 'id',
  type: 'string',
  description: 'Unique id, kebab-case.',
  constraints: { ...req, pattern: ID_PATTERN },
};

const SOURCE_ID_FIELD: TableField = {
  name: 'sourceId',
  type: 'string',
  description: 'Name of the source document resource.',
  constraints: { ...req, pattern: ID_PATTERN },
};

const PLACE_FIELD: TableField = {
  name: 'place',
  type: 'string',
  description: 'Place id.',
  constraints: { ...req, enum: PLACES },
};

const TOPICS_FIELD: TableField = {
  name: 'topics',
  type: 'string',
  description: 'Topic ids separated by semicolons.',
  constraints: { ...req, pattern: TOPICS_PATTERN },
};

export const FIGURES_SCHEMA: TableSchema = {
  primaryKey: 'id',
  fields: [
    ID_FIELD,
    SOURCE_ID_FIELD,
    {
      name: 'measure',
      type: 'string',
      description: 'What is counted, in plain English.',
      constraints: req,
    },
    TOPICS_FIELD,
    PLACE_FIELD,
    {
      name: 'period.from',
      type: 'string',
      description: 'First year, month or day covered (YYYY, YYYY-MM, YYYY-MM-DD), or empty.',
      constraints: { pattern: DATE_PATTERN },
    },
    {
      name: 'period.to',
      type: 'string',
      description: 'Last year, month or day covered, or empty.',
      constraints: { pattern: DATE_PATTERN },
    },
    {
      name: 'period.label',
      type: 'string',
      description: 'The period as the source words it, or empty.',
    },
    {
      name: 'value',
      type: 'number',
      description: 'The figure as a plain number.',
      constraints: req,
    },
    {
      name: 'unit',
      type: 'string',
      description: 'count, percent or per-1000.',
      constraints: { ...req, enum: UNITS },
    },
    {
      name: 'timeBase',
      type: 'string',
      description: 'day, month or year when the source gives one, or empty.',
      constraints: { enum: TIME_BASES },
    },
    {
      name: 'rateBase',
      type: 'string',
      description: 'For a per-1000 rate: the population it is per.',
    },
    {
      name: 'qualifier',
      type: 'string',
      description: 'exact, over, nearly, almost or estimate.',
      constraints: { ...req, enum: QUALIFIERS },
    },
    {
      name: 'qualifierText',
      type: 'string',
      description: "The qualifier's words as the source writes them.",
    },
    {
      name: 'producer',
      type: 'string',
      description: 'Who the source says produced the figure, when not its publisher.',
    },
    {
      name: 'quote',
      type: 'string',
      description: 'The sentence, or for a table source the row, word for word.',
      constraints: req,
    },
    {
      name: 'valueText',
      type: 'string',
      description: 'The number exactly as the quote writes it.',
      constraints: req,
    },
    {
      name: 'column',
      type: 'string',
      description: 'For a table source: the header of the column the value is in.',
    },
    {
      name: 'series.id',
      type: 'string',
      description: 'Series id shared by figures of one measure, or empty.',
      constraints: { pattern: `(${ID_PATTERN})?` },
    },
    {
      name: 'series.label',
      type: 'string',
      description: 'Short label of this point in the series.',
    },
    {
      name: 'series.total',
      type: 'boolean',
      description: 'true for the point that sums the others.',
    },
  ],
};

export const NOT_HELD_SCHEMA: TableSchema = {
  primaryKey: 'id',
  fields: [
    ID_FIELD,
    SOURCE_ID_FIELD,
    {
      name: 'body',
      type: 'string',
      description: 'The body that says it does not hold the figure.',
      constraints: req,
    },
    PLACE_FIELD,
    {
      name: 'measure',
      type: 'string',
      description: 'The figure it does not hold, in plain English.',
      constraints: req,
    },
    TOPICS_FIELD,
    {
      name: 'quote',
      type: 'string',
      description: 'The statement word for word.',
      constraints: req,
    },
  ],
};

/** Problems with one cell against its field, in plain words; empty when it fits. */
export function cellProblems(field: TableField, value: string): string[] {
  const c = field.constraints ?? {};
  if (value.trim() === '') return c.required ? ['must not be empty'] : [];
  if (field.type === 'number' && !/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value)) {
    return [`"${value}" is not a number (write it without commas or spaces)`];
  }
  if (field.type === 'boolean' && value !== 'true' && value !== 'false') {
    return [`"${value}" must be true, false or empty`];
  }
  if (c.enum && !c.enum.includes(value)) {
    return [`"${value}" is not one of: ${c.enum.filter((e) => e !== '').join(', ')}`];
  }
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value)) {
    return [`"${value}" does not have the expected form`];
  }
  return [];
}

export function figureToRow(f: Figure): string[] {
  return [
    f.id,
    f.sourceId,
    f.measure,
    f.topics.join(';'),
    f.place,
    f.period.from,
    f.period.to,
    f.period.label,
    String(f.value),
    f.unit,
    f.timeBase,
    f.rateBase,
    f.qualifier,
    f.qualifierText,
    f.producer,
    f.quote,
    f.valueText,
    f.column ?? '',
    f.series?.id ?? '',
    f.series?.label ?? '',
    f.series?.total === undefined ? '' : String(f.series.total),
  ];
}

export function notHeldToRow(n: NotHeld): string[] {
  return [n.id, n.sourceId, n.body, n.place, n.measure, n.topics.join(';'), n.quote];
}

/**
 * A record in the shape `data/schema.ts` reads, from cells already checked by
 * `cellProblems`: optional parts stay absent when their cells are empty.
 */
export function rowToFigure(cell: (name: string) => string): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: cell('id'),
    sourceId: cell('sourceId'),
    measure: cell('measure'),
    topics: cell('topics').split(';'),
    place: cell('place'),
    period: { from: cell('period.from'), to: cell('period.to'), label: cell('period.label') },
    value: Number(cell('value')),
    unit: cell('unit'),
    timeBase: cell('timeBase'),
    rateBase: cell('rateBase'),
    qualifier: cell('qualifier'),
    qualifierText: cell('qualifierText'),
    producer: cell('producer'),
    quote: cell('quote'),
    valueText: cell('valueText'),
  };
  if (cell('column') !== '') record.column = cell('column');
  if (cell('series.id') !== '' || cell('series.label') !== '' || cell('series.total') !== '') {
    const series: Record<string, unknown> = { id: cell('series.id'), label: cell('series.label') };
    if (cell('series.total') !== '') series.total = cell('series.total') === 'true';
    record.series = series;
  }
  return record;
}

export function rowToNotHeld(cell: (name: string) => string): Record<string, unknown> {
  return {
    id: cell('id'),
    sourceId: cell('sourceId'),
    body: cell('body'),
    place: cell('place'),
    measure: cell('measure'),
    topics: cell('topics').split(';'),
    quote: cell('quote'),
  };
}
