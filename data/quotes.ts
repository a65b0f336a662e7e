/**
 * Quotes against their sources: every figure's and not-held statement's quote word for word
 * in its source document (a table source row by row), and every figure's number inside its
 * own quote. Pure (the caller reads the files), so the CLI, the build and a pack a reader
 * adds in the options page run the same check.
 */
import type { Dataset, Figure, NotHeld } from './schema';
import { parseCsv, type CsvRow } from './pack/csv';
import { tableQuoteProblem } from './table-quote';
import { DATA_FILES, line } from './files';

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
