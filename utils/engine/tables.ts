/**
 * Tables seen as text. A table reaches the engine as one block per cell, in reading order,
 * so a cell holding only "173" says nothing by itself: its measure is its row's label and
 * its period (or place) its column's header. This module rebuilds that structure from the
 * sequence of blocks alone, so the extension and the CLI (which both only pass text) read
 * tables the same way.
 *
 * A numeric cell is a block that is only a number. Its row label is the nearest non-numeric
 * block before it; its column is its position among the numeric cells after that label; the
 * header row is the run of short blocks before the first row's label, one per column.
 */

export interface CellContext {
  /** The row's label ("Allegations against agency staff"). */
  rowLabel: string;
  /** The column's header ("2023", "Total"), when the table has a header row. */
  header: string | null;
  /** Index of the first block of the table (header or first row label). */
  tableStart: number;
}

const NUMERIC_CELL =
  /^\s*(?:(?:over|more than|nearly|almost|about|around|under|c\.|~)\s*)?[\d][\d,.]*\s*(?:%|per cent|k|m|million)?\s*$/i;
/** Header and label cells are short; a paragraph ends the table. */
const MAX_CELL_CHARS = 160;

/** A year alone is a header ("2023"), never a value. */
const YEAR_CELL = /^\s*(?:19|20)\d{2}\s*$/;

export function isNumericCell(block: string): boolean {
  return block.length <= 40 && NUMERIC_CELL.test(block) && !YEAR_CELL.test(block);
}

/** Cell contexts keyed by block index, for every numeric cell that sits in a table-like run. */
export function findCells(blocks: readonly string[]): Map<number, CellContext> {
  const out = new Map<number, CellContext>();
  let i = 0;
  while (i < blocks.length) {
    if (!isNumericCell(blocks[i] ?? '')) {
      i += 1;
      continue;
    }
    // A run of rows: [label, cell, cell, …] repeated.
    const label = i - 1;
    if (label < 0 || (blocks[label] ?? '').length > MAX_CELL_CHARS) {
      i += 1;
      continue;
    }
    const rows: Array<{ label: number; cells: number[] }> = [];
    let j = label;
    while (
      j < blocks.length &&
      !isNumericCell(blocks[j] ?? '') &&
      (blocks[j] ?? '').length <= MAX_CELL_CHARS
    ) {
      const cells: number[] = [];
      let k = j + 1;
      while (k < blocks.length && isNumericCell(blocks[k] ?? '')) cells.push(k++);
      if (cells.length === 0) break;
      rows.push({ label: j, cells });
      j = k;
    }
    const width = Math.max(...rows.map((r) => r.cells.length));
    const first = rows[0]?.label ?? label;
    const header: string[] = [];
    for (let h = first - width; h < first; h += 1) {
      const block = blocks[h];
      if (h < 0 || block === undefined || block.length > MAX_CELL_CHARS || isNumericCell(block)) {
        header.length = 0;
        break;
      }
      header.push(block);
    }
    const tableStart = header.length > 0 ? first - width : first;
    for (const row of rows) {
      row.cells.forEach((cell, col) => {
        out.set(cell, {
          rowLabel: blocks[row.label] ?? '',
          header:
            header.length === width && row.cells.length === width ? (header[col] ?? null) : null,
          tableStart,
        });
      });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** A cell of a tab-separated table inside one block of plain text. */
export interface TextCell extends CellContext {
  start: number;
  end: number;
}

const TAB_LINE = /[^\n]*\t[^\n]*/g;

/**
 * Tab-separated tables in plain text (an FOI answer pasted as text): a header line and rows
 * of a label followed by values, all in one block. Returns the cells with their row label
 * and column header, or an empty list when the block is not such a table.
 */
export function findTextCells(block: string, blockIndex: number): TextCell[] {
  if (!block.includes('\t')) return [];
  const lines: Array<{
    start: number;
    cells: Array<{ start: number; end: number; text: string }>;
  }> = [];
  TAB_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAB_LINE.exec(block)) !== null) {
    const cells: Array<{ start: number; end: number; text: string }> = [];
    let at = m.index;
    for (const part of m[0].split('\t')) {
      cells.push({ start: at, end: at + part.length, text: part.trim() });
      at += part.length + 1;
    }
    lines.push({ start: m.index, cells });
    if (m[0].length === 0) TAB_LINE.lastIndex += 1;
  }
  if (lines.length < 2) return [];
  const header = lines[0]!.cells;
  const out: TextCell[] = [];
  for (const line of lines.slice(1)) {
    if (line.cells.length !== header.length) continue;
    const label = line.cells[0]!.text;
    line.cells.slice(1).forEach((cell, i) => {
      if (!isNumericCell(cell.text)) return;
      out.push({
        start: cell.start,
        end: cell.end,
        rowLabel: label,
        header: header[i + 1]?.text ?? null,
        tableStart: blockIndex,
      });
    });
  }
  return out;
}
