/**
 * Provenance of a figure taken from a table source (a CSV file): its quote must be one of the
 * file's rows exactly as written, its column a header above that row, and its value the cell
 * of that row under that header. Pure, shared by the build, the CLIs and the extension.
 */
import type { CsvRow } from './pack/csv';

function fold(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** What is wrong with a table figure's provenance, in plain words; undefined when all holds. */
export function tableQuoteProblem(
  rows: readonly CsvRow[],
  quote: string,
  column: string,
  valueText: string,
): string | undefined {
  // The dataset stores no text with spaces at its ends, so a row ending in a space ("514 ")
  // is quoted without it; everything else must be exactly as written.
  const at = rows.findIndex((r) => r.raw.trim() === quote);
  if (at < 0) {
    // Point the editor at the row that agrees with the quote for longest.
    let best: CsvRow | undefined;
    let bestLength = 0;
    for (const row of rows) {
      const raw = row.raw.trim();
      let n = 0;
      while (n < raw.length && n < quote.length && raw[n] === quote[n]) n++;
      if (n > bestLength) {
        best = row;
        bestLength = n;
      }
    }
    return best && bestLength >= quote.length / 4
      ? `not a row of the file as written (line ${best.line} starts the same way and differs)`
      : 'not a row of the file as written';
  }
  const wanted = fold(column);
  for (let i = at - 1; i >= 0; i--) {
    const index = (rows[i]?.cells ?? []).findIndex((c) => fold(c) === wanted);
    if (index < 0) continue;
    const cell = (rows[at]?.cells[index] ?? '').trim();
    return cell === valueText
      ? undefined
      : `the cell of this row under "${column}" is "${cell}", not "${valueText}"`;
  }
  return `no header "${column}" above this row (line ${rows[at]?.line ?? 0})`;
}
