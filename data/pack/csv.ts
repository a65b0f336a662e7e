/**
 * CSV as RFC 4180 writes it (quoted cells may hold commas, quotes and line breaks), read
 * without a library so the extension, the CLIs and the tests share one reader. Each row
 * keeps its text exactly as written, because a table source's quote is its row verbatim.
 */

export interface CsvRow {
  /** The row's cells, quotes removed and doubled quotes undone. */
  cells: string[];
  /** The row exactly as written in the file, without its line ending. */
  raw: string;
  /** 1-based line of the file on which the row starts. */
  line: number;
}

/** Reads every row of `text`; a quote left open runs to the end of the file, as spreadsheets do. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowStart = 0;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (end: number): void => {
    cells.push(cell);
    rows.push({ cells, raw: text.slice(rowStart, end), line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow(i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowStart = i;
      rowLine = line;
      continue;
    } else cell += ch;
    i++;
  }
  if (rowStart < text.length) endRow(text.length);
  return rows;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** Writes rows as CSV with `\n` line endings and a final newline, quoting only where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
