/** When a number is about: the period cue it owns in its sentence, else one carried from the text before. */
import type { SentenceCues } from './cues';
import type { SentenceRecord } from './context-record';
import type { PagePeriod, PeriodCue } from './periods';

/** Where a number sits in its sentence. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The period of a number from its own sentence. Each period cue belongs to the number next
 * to it (the nearer of its neighbours): "six referrals in 2024 and four so far in 2025".
 * A number takes its own cues (in its clause first, those after it first: "173 in 2023"),
 * else the nearest cue in its clause, else in its sentence. An anaphoric cue ("that year")
 * takes the last pinned period of the nearest earlier sentence that has one.
 */
export function periodInSentence(
  cues: SentenceCues,
  pos: number,
  clauseIndex: number,
  walk: readonly SentenceRecord[],
  spans: readonly Span[],
): PagePeriod | null {
  if (cues.periods.length === 0) return null;
  const clause = cues.clauses[clauseIndex];
  let self: Span | undefined;
  for (const sp of spans) if (sp.start === pos) self = sp;
  const owned: PeriodCue[] = [];
  const ownedInClause: PeriodCue[] = [];
  const inClause: PeriodCue[] = [];
  for (const c of cues.periods) {
    const here = !clause || (c.start >= clause.start && c.start < clause.end);
    if (here) inClause.push(c);
    if (self && ownerOf(c, spans) === self) {
      owned.push(c);
      if (here) ownedInClause.push(c);
    }
  }
  const pick =
    ownCue(ownedInClause, self) ??
    nearestCue(inClause, pos) ??
    ownCue(owned, self) ??
    nearestCue(cues.periods, pos);
  if (!pick) return null;
  if (pick.kind === 'anaphoric') {
    for (const r of walk) {
      const earlier = explicitPeriod(r.cues.periods, true);
      if (earlier) return earlier;
    }
    return { label: pick.label, from: null, to: null, kind: 'vague' };
  }
  return { label: pick.label, from: pick.from, to: pick.to, kind: pick.kind };
}

/** The first (or `last`) cue that pins a period, explicit or relative to the page's date. */
export function explicitPeriod(cues: readonly PeriodCue[], last = false): PagePeriod | null {
  const pinned = cues.filter((c) => c.kind === 'explicit' || c.kind === 'relative');
  const c = last ? pinned[pinned.length - 1] : pinned[0];
  return c ? { label: c.label, from: c.from, to: c.to, kind: c.kind } : null;
}

/** The number a period cue belongs to: the nearer of the numbers either side of it. */
function ownerOf(cue: PeriodCue, spans: readonly Span[]): Span | null {
  let prev: Span | null = null;
  let next: Span | null = null;
  for (const s of spans) {
    if (s.end <= cue.start) prev = s;
    else if (s.start >= cue.end && !next) next = s;
  }
  const gapPrev = prev ? cue.start - prev.end : Infinity;
  const gapNext = next ? next.start - cue.end : Infinity;
  return gapNext < gapPrev ? next : prev;
}

/** Of the cues a number owns, the one after it if any ("173 in 2023"), else the nearest before. */
function ownCue(cues: readonly PeriodCue[], self: Span | undefined): PeriodCue | null {
  if (!self || cues.length === 0) return null;
  // The first of the earliest after it, else the first of the latest ending: what a stable
  // sort would put first, found without copying and sorting the cues for every claim.
  let after: PeriodCue | null = null;
  for (const c of cues) if (c.start >= self.end && (!after || c.start < after.start)) after = c;
  if (after) return after;
  let latest: PeriodCue | null = null;
  for (const c of cues) if (!latest || c.end > latest.end) latest = c;
  return latest;
}

function nearestCue(cues: readonly PeriodCue[], pos: number): PeriodCue | null {
  let best: PeriodCue | null = null;
  let bestDist = Infinity;
  for (const c of cues) {
    const dist = c.end <= pos ? pos - c.end : c.start >= pos ? c.start - pos : 0;
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return best;
}
