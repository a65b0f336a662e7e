/**
 * The CLI's readable output: one row per claim (verdict, the page's figure, the official
 * figure, the reason), wrapped to the terminal, then a count by verdict.
 */
import type { Claim } from '../utils/engine';

const VERDICT_LABEL: Readonly<Record<Claim['verdict'], string>> = {
  match: 'MATCH',
  mismatch: 'MISMATCH',
  'not-held': 'NOT HELD',
  unverified: 'UNVERIFIED',
};

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

export function formatTable(claims: readonly Claim[], name: string, columns = 100): string {
  if (claims.length === 0)
    return `${name}: no statistics about assault or abuse in Kent and Medway found.\n`;
  const widths = [10, 22, 22];
  const reasonWidth = Math.max(30, columns - widths.reduce((a, b) => a + b + 2, 0));
  const header = ['VERDICT', 'PAGE FIGURE', 'OFFICIAL FIGURE', 'REASON'];
  const rows = claims.map((c) => [
    VERDICT_LABEL[c.verdict],
    c.mention,
    c.official
      ? `${c.official.display}${c.official.unit === 'per-1000' ? ' per 1,000' : ''} (${c.official.place}${c.official.period ? `, ${c.official.period}` : ''})`
      : '—',
    c.reason,
  ]);
  const out: string[] = [`${name}: ${claims.length} claim${claims.length === 1 ? '' : 's'}`, ''];
  for (const row of [header, ...rows]) {
    const cells = row.map((cell, i) => wrap(cell, i < 3 ? (widths[i] ?? 20) : reasonWidth));
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l += 1) {
      out.push(
        cells
          .map((c, i) => (i < 3 ? (c[l] ?? '').padEnd(widths[i] ?? 20) : (c[l] ?? '')))
          .join('  ')
          .trimEnd(),
      );
    }
  }
  const counts = (Object.keys(VERDICT_LABEL) as Array<Claim['verdict']>)
    .map((v) => [v, claims.filter((c) => c.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${VERDICT_LABEL[v].toLowerCase()}`);
  out.push('', counts.join(', '));
  return `${out.join('\n')}\n`;
}
