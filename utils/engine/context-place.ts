/** Where a number is about: place cues of its clause, its sentence, the text before it, the title, the page. */
import { inOtherRelative } from './clauses';
import type { PlaceCue, SentenceCues } from './cues';
import type { SentenceRecord } from './context-record';
import { DISTRICTS, type PlaceId } from './places';
import type { PageNames } from './types';

export type PlaceStrength = 'sentence' | 'context';

export interface ResolvedPlace {
  id: PlaceId;
  strength: PlaceStrength;
}

/** A cheap test that a block may name a place at all, before reading its cues. */
const PLACE_HINT = /[A-Z]|county|trust|force|district|borough|isle/;

/**
 * Resolves place cues for one page. Generic cues ("the county", "the trust", "the district")
 * mean whatever the page is about, so the resolver holds the page's names, its title and a
 * way to read any block's sentences; what it finds once per page (the district the page is
 * about, the place it names most) it keeps.
 */
export class PlaceResolver {
  private district: PlaceId | null | undefined;
  private main: PlaceId | null | undefined;

  constructor(
    private readonly blocks: readonly string[],
    private readonly names: Pick<PageNames, 'kent' | 'kmpt' | 'kentPolice'>,
    private readonly title: SentenceCues | null,
    private readonly recordsOf: (blockIndex: number) => readonly SentenceRecord[],
  ) {}

  /**
   * The place of a number from its own sentence: its clause first, then the sentence. A body
   * named as an actor ("calls to Kent Police") gives way to a place named elsewhere in the
   * sentence ("The district … averaged some 1,700 calls to Kent Police").
   */
  inSentence(cues: SentenceCues, pos: number, clauseIndex: number): ResolvedPlace | null {
    const clause = cues.clauses[clauseIndex];
    // Places this clause can see, split four ways: in the clause or elsewhere, place or agency.
    const clausePlaces: PlaceCue[] = [];
    const clauseAgencies: PlaceCue[] = [];
    const sentencePlaces: PlaceCue[] = [];
    const sentenceAll: PlaceCue[] = [];
    const sources: PlaceCue[] = [];
    for (const p of cues.places) {
      if (p.role === 'source') sources.push(p);
      if (
        p.role !== 'subject' ||
        inOtherRelative(cues.clauses, clauseIndex, p.start) ||
        this.resolve(p) === null
      )
        continue;
      const inClause = !clause || (p.start >= clause.start && p.start < clause.end);
      sentenceAll.push(p);
      if (!p.agency) sentencePlaces.push(p);
      if (inClause) (p.agency ? clauseAgencies : clausePlaces).push(p);
    }
    const found =
      this.mostSpecific(clausePlaces, pos) ??
      (clause && clause.parent !== null ? this.antecedent(cues, clause.start) : null) ??
      this.nearest(sentencePlaces, pos, true) ??
      this.mostSpecific(clauseAgencies, pos) ??
      this.nearest(sentenceAll, pos, false) ??
      this.mostSpecific(sources, pos);
    return found ? { id: found, strength: 'sentence' } : null;
  }

  /** The nearest earlier sentence that names a place as its subject (or, failing that, a source). */
  fromContext(walk: readonly SentenceRecord[]): ResolvedPlace | null {
    for (const r of walk) {
      const subjects = r.cues.places.filter((p) => p.role === 'subject' || p.role === 'source');
      const id =
        this.mostSpecific(subjects.filter((p) => p.role === 'subject')) ??
        this.mostSpecific(subjects);
      if (id) return { id, strength: 'context' };
    }
    return null;
  }

  /**
   * Last resorts for a place: the field of a superlative in the sentence, the title, and
   * then the place the page names most often (an FOI answer names its trust once, at the top).
   */
  scopeOrTitle(cues: SentenceCues): ResolvedPlace | null {
    const scope = this.mostSpecific(cues.places.filter((p) => p.role === 'scope'));
    if (scope) return { id: scope, strength: 'context' };
    const subjects = this.title?.places.filter((p) => p.role !== 'example') ?? [];
    const id = this.mostSpecific(subjects) ?? this.mainPlace();
    return id ? { id, strength: 'context' } : null;
  }

  /** The most specific of `places` (a district over the county), the nearest to `pos` on a tie. */
  mostSpecific(places: readonly PlaceCue[], pos?: number): PlaceId | null {
    let best: { id: PlaceId; spec: number; dist: number } | null = null;
    for (const p of places) {
      const id = this.resolve(p);
      if (!id) continue;
      const dist = pos === undefined ? 0 : Math.abs(p.start - pos);
      if (!best || p.specificity > best.spec || (p.specificity === best.spec && dist < best.dist)) {
        best = { id, spec: p.specificity, dist };
      }
    }
    return best?.id ?? null;
  }

  /** The place nearest before `pos`, else (unless `beforeOnly`) the first after it. */
  private nearest(places: readonly PlaceCue[], pos: number, beforeOnly: boolean): PlaceId | null {
    let before: PlaceCue | null = null;
    let after: PlaceCue | null = null;
    for (const p of places) {
      if (p.start < pos) before = p;
      else if (!after && p.start > pos) after = p;
    }
    const p = before ?? (beforeOnly ? null : after);
    return p ? this.resolve(p) : null;
  }

  /** A relative clause is about its antecedent: the place just before it. */
  private antecedent(cues: SentenceCues, clauseStart: number): PlaceId | null {
    const before = [...cues.places]
      .reverse()
      .find((p) => p.start < clauseStart && p.role === 'subject');
    return before ? this.resolve(before) : null;
  }

  private resolve(p: PlaceCue): PlaceId | null {
    if (p.place) return p.place;
    switch (p.generic) {
      case 'county':
        return this.names.kent ? 'kent' : 'other';
      case 'trust':
        return this.names.kmpt ? 'kmpt' : null;
      case 'force':
        return this.names.kentPolice ? 'kent' : null;
      case 'district':
        return this.pageDistrict();
      default:
        return null;
    }
  }

  /** "the district": the district the page is about (its title, else the first named). */
  private pageDistrict(): PlaceId | null {
    if (this.district !== undefined) return this.district;
    const fromTitle = this.title?.places.find((p) => p.place && DISTRICTS.has(p.place as never));
    if (fromTitle?.place) return (this.district = fromTitle.place);
    for (let b = 0; b < this.blocks.length; b += 1) {
      for (const r of this.recordsOf(b)) {
        const d = r.cues.places.find((p) => p.place && DISTRICTS.has(p.place as never));
        if (d?.place) return (this.district = d.place);
      }
    }
    return (this.district = null);
  }

  /** The place the page names most often, found once per page. */
  private mainPlace(): PlaceId | null {
    if (this.main !== undefined) return this.main;
    const counts = new Map<PlaceId, number>();
    for (let b = 0; b < this.blocks.length; b += 1) {
      if (!PLACE_HINT.test(this.blocks[b] ?? '')) continue;
      for (const r of this.recordsOf(b)) {
        for (const p of r.cues.places) {
          const id = p.role === 'subject' || p.role === 'source' ? this.resolve(p) : null;
          if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
    }
    let best: PlaceId | null = null;
    for (const [id, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = id;
    return (this.main = best);
  }
}
