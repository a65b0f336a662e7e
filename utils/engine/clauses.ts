/**
 * Clauses: the part of a sentence a number belongs to. A comparison ("Thanet … at 4,548
 * compared to 1,709 in Sevenoaks") puts two places in one sentence, each with its own
 * number; a relative clause ("Sevenoaks, which has the lowest rate in Kent, recorded 27.6")
 * names a place that describes rather than scopes the figure. Clauses are found by
 * connectives and punctuation, never by the particular words of a sentence.
 */

export interface Clause {
  start: number;
  end: number;
  /** For a relative clause: the clause it hangs from (its antecedent comes from there). */
  parent: number | null;
}

/**
 * Connectives that open a new clause about a different subject. A run of spaces is tried
 * only from its first space (`(?<!\s)`): tried from every space, a long run costs time
 * quadratic in its length (tests/bench/NOTES.md) and finds nothing the first try missed.
 */
const SPLIT =
  /;|\s[–—]\s|(?:,|(?<!\s))\s+(?:compared (?:to|with)|whereas|while|but|versus|vs\.?|by comparison|by contrast|down from|up from)\b|,\s+(?:and|with|so)\b|,\s+(?=\d)|,\s+including\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)|(?<!\s)\s+and\s+(?=[A-Z])|\(/g;
/** Relative clauses between commas: ", which recorded 401 crimes …,". */
const RELATIVE = /,\s+(?:which|who|whose|where)\b[^,;]*(?:,|$)/g;

/**
 * Clause boundaries of `text`. Relative clauses are cut out of their host clause and
 * returned as clauses of their own with `parent` pointing to the host.
 */
export function clausesOf(
  text: string,
  protectedSpans: ReadonlyArray<{ start: number; end: number }> = [],
): Clause[] {
  const cuts: number[] = [0];
  SPLIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPLIT.exec(text)) !== null) {
    const at = m.index;
    if (protectedSpans.some((p) => p.start < at + m![0].length && at < p.end)) continue;
    if (at > 0) cuts.push(at);
  }
  cuts.push(text.length);
  const base: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? text.length;
    if (end > start) base.push({ start, end, parent: null });
  }
  const out: Clause[] = [];
  RELATIVE.lastIndex = 0;
  const relatives: Array<{ start: number; end: number }> = [];
  while ((m = RELATIVE.exec(text)) !== null)
    relatives.push({ start: m.index, end: m.index + m[0].length });
  for (const clause of base) {
    const inner = relatives.filter((r) => r.start >= clause.start && r.start < clause.end);
    if (inner.length === 0) {
      out.push(clause);
      continue;
    }
    const hostIndex = out.length;
    out.push(clause);
    for (const r of inner)
      out.push({ start: r.start, end: Math.min(r.end, clause.end), parent: hostIndex });
  }
  return out;
}

/** The innermost clause containing `pos`. */
export function clauseAt(clauses: readonly Clause[], pos: number): number {
  let best = 0;
  let bestLength = Infinity;
  clauses.forEach((c, i) => {
    if (c.start <= pos && pos < c.end && c.end - c.start < bestLength) {
      best = i;
      bestLength = c.end - c.start;
    }
  });
  return best;
}

/** True when `pos` lies in a relative clause other than the one at `clauseIndex`. */
export function inOtherRelative(
  clauses: readonly Clause[],
  clauseIndex: number,
  pos: number,
): boolean {
  return clauses.some(
    (c, i) => i !== clauseIndex && c.parent !== null && c.start <= pos && pos < c.end,
  );
}
