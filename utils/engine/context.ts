/**
 * Reads a page's blocks in order and turns each quantity mention into a claim draft: what
 * it counts, where, when, credited to whom. Cues come from the number's own clause first,
 * then its sentence, then — only for what the sentence leaves unsaid — the text before it
 * (previous sentences, the section heading, a table's row and column), then the page title.
 *
 * Context is looked up lazily and only a few blocks back, so pages with few numbers cost
 * little and no lookup walks the whole page.
 */
import type { Unit } from '../../data/schema';
import { attributionFor, type SourceBody } from './attribution';
import { clauseAt, inOtherRelative } from './clauses';
import { conceptsOf, TOPICAL, type ConceptMask } from './concepts';
import { readCues, type PlaceCue, type SentenceCues } from './cues';
import type { PagePeriod, PeriodCue } from './periods';
import { DISTRICTS, type PlaceId } from './places';
import { nounClass, OTHER_MEASURES, PHRASE_STOP } from './lexicon';
import {
  countedIn,
  countedOfWord,
  isNotUnit,
  restrictionsIn,
  type Counted,
  type CountedCue,
} from './measure';
import { producersIn, type Body } from './producers';
import { readMentions, type Mention, type PageTimeBase } from './quantities';
import { splitSentences, type Sentence } from './sentences';
import { findCells, findTextCells, type CellContext } from './tables';
import { LOOK_BACK_BLOCKS } from './page-context';
import type { PageNames } from './types';

export type PlaceStrength = 'sentence' | 'context';

export interface ResolvedPlace {
  id: PlaceId;
  strength: PlaceStrength;
}

export interface ClaimDraft {
  blockIndex: number;
  mention: Mention;
  sentence: Sentence;
  place: ResolvedPlace | null;
  period: PagePeriod | null;
  /** Concepts of the number's own clause and noun phrase. */
  near: ConceptMask;
  /** Concepts of the whole sentence (or a cell's row and column). */
  own: ConceptMask;
  /** Concepts carried from the text before (anaphora, headings, captions). */
  context: ConceptMask;
  topical: boolean;
  attribution: SourceBody | null;
  unit: Unit;
  timeBase: PageTimeBase;
  /** What the number counts, as far as the page says. */
  counted: CountedCue;
  /** Population restrictions its clause names ("known to social services"). */
  restrictions: string[];
  /** Bodies its sentence names as the source of its figures. */
  producers: Body[];
  /** The period was stated in the sentence, or fixed by its heading or earlier text. */
  periodFixed: boolean;
}

/** What the reader knows of the whole page: its date and the bodies it names. */
export interface PageFlags extends PageNames {
  pageYear: number | null;
  /** The page's publication date as read from it (yyyy-mm-dd), or null. */
  pageDate: string | null;
}

/** Blocks looked back over for context; a heading ends the look-back (after itself). */
const CONTEXT_BLOCKS = 3;
/**
 * Sentences looked back over for context, nearest first, beyond the section heading. Without
 * a cap a claim deep in a long paragraph (a 5 MB text node holds 66,000 sentences) would walk
 * every sentence before it, and a page's cost would grow with the square of its paragraphs'
 * length; context further back than this never decided a claim on any fixture page.
 */
const CONTEXT_SENTENCES = 24;
/** Texts whose units of counting are remembered at once (cleared when full). */
const COUNTED_MEMO = 256;
/** How far back the section heading may be. */
const HEADING_BLOCKS = LOOK_BACK_BLOCKS;
/** A cheap test that a block may name a place at all, before reading its cues. */
const PLACE_HINT = /[A-Z]|county|trust|force|district|borough|isle/;
/** Crimes that are not assault or abuse: a sentence naming one, and no abuse, is about it. */
const OTHER_CRIME =
  /\b(?:burglar(?:y|ies)|thefts?|shoplifting|frauds?|scams?|anti-?social|criminal damage|vehicle crime|drugs? (?:offences|crime|dealing)|robber(?:y|ies)|speeding|car crime|arson)\b/i;
/** People are a statistic when something happened to them, said in their own sentence. */
const PEOPLE_PREDICATE =
  /\baffect|\bimpact|\btouched the lives|\b(?:lives?|living) (?:with|through|in)\b|\bgrowing up\b|\bvictims?\b|\bexperienc|\bsuffer|\babused\b|\bassault|\battack|\bharass|\bwitness|\bhouseholds?\b|\bhurt\b/i;

/**
 * A sentence of the page. Its cues are read when first asked for, and may be forgotten once
 * the reading has moved on past every claim that could look back at it (`release`): a block
 * of 66,000 sentences then never holds 66,000 sets of cues at once.
 */
class Record {
  private read: SentenceCues | undefined;
  /** Concepts of each clause (asides left out), read when a number in it first needs them. */
  clauseConcepts: Array<ConceptMask | undefined> = [];

  constructor(
    readonly blockIndex: number,
    readonly sentence: Sentence,
    readonly heading: boolean,
    private readonly reader: (text: string) => SentenceCues,
  ) {}

  get cues(): SentenceCues {
    return (this.read ??= this.reader(this.sentence.text));
  }

  /** Forgets what was read (it is read again if asked for). */
  release(): void {
    this.read = undefined;
    this.clauseConcepts = [];
  }
}

export class PageReader {
  private readonly records = new Map<number, Record[]>();
  private readonly cells: Map<number, CellContext>;
  private readonly headings: ReadonlySet<string>;
  private readonly title: SentenceCues | null;

  constructor(
    private readonly blocks: readonly string[],
    headings: readonly string[],
    title: string,
    private readonly flags: PageFlags,
  ) {
    this.cells = findCells(blocks);
    this.headings = new Set(headings.map(normalise));
    const headline = headlineOf(title);
    this.title = headline ? readCues(headline, flags.pageYear, flags.kcc) : null;
  }

  /** Every claim draft of the page from block `from` on (those before are context), in reading order. */
  read(from = 0): ClaimDraft[] {
    const drafts: ClaimDraft[] = [];
    for (let b = from; b < this.blocks.length; b += 1) {
      const block = this.blocks[b] ?? '';
      const { mentions } = readMentions(block);
      // Numbers that count something other than a statistic need no context at all.
      if (!mentions.some(mayBeClaim)) continue;
      const cell = this.cells.get(b);
      if (cell) {
        for (const m of mentions) if (mayBeClaim(m)) drafts.push(this.cellDraft(b, block, m, cell));
        continue;
      }
      const textCells = findTextCells(block, b);
      if (textCells.length > 0) {
        for (const m of mentions) {
          const inCell = textCells.find((c) => c.start <= m.numberStart && m.numberEnd <= c.end);
          if (inCell && mayBeClaim(m)) drafts.push(this.cellDraft(b, block, m, inCell));
        }
        continue;
      }
      const records = this.recordsOf(b);
      // Mentions and sentences are both in text order: walk them together.
      let s = 0;
      let first = 0;
      let released = 0;
      for (let k = 0; k < mentions.length; k += 1) {
        const m = mentions[k]!;
        while (s < records.length && records[s]!.sentence.end <= m.numberStart) s += 1;
        // No claim from here on looks further back than CONTEXT_SENTENCES.
        while (released < s - CONTEXT_SENTENCES) records[released++]!.release();
        const record = records[s];
        if (!record || record.sentence.start > m.numberStart) continue;
        while (first < k && mentions[first]!.numberStart < record.sentence.start) first += 1;
        if (!mayBeClaim(m)) continue;
        const sentence = record.sentence;
        const spans: Span[] = [];
        for (
          let j = first;
          j < mentions.length && mentions[j]!.numberStart < sentence.end;
          j += 1
        ) {
          const o = mentions[j]!;
          spans.push({ start: o.numberStart - sentence.start, end: o.numberEnd - sentence.start });
        }
        const previous = k > first ? mentions[k - 1] : undefined;
        drafts.push(this.sentenceDraft(b, s, m, previous, spans));
      }
    }
    return drafts;
  }

  private recordsOf(blockIndex: number): Record[] {
    const cached = this.records.get(blockIndex);
    if (cached) return cached;
    const block = this.blocks[blockIndex] ?? '';
    const heading = this.isHeading(blockIndex);
    const reader = (text: string) => readCues(text, this.flags.pageYear, this.flags.kcc);
    const records = splitSentences(block).map(
      (sentence) => new Record(blockIndex, sentence, heading, reader),
    );
    this.records.set(blockIndex, records);
    return records;
  }

  private sentenceDraft(
    blockIndex: number,
    sentenceIndex: number,
    m: Mention,
    previous: Mention | undefined,
    spans: readonly Span[],
  ): ClaimDraft {
    const record = this.recordsOf(blockIndex)[sentenceIndex]!;
    const { cues, sentence } = record;
    const pos = m.numberStart - sentence.start;
    const clauseIndex = clauseAt(cues.clauses, pos);
    const clause = cues.clauses[clauseIndex] ?? { start: 0, end: cues.text.length, parent: null };
    const near =
      this.clauseConcepts(record, clauseIndex, pos) |
      (m.nounPhrase ? conceptsOf(m.nounPhrase) : 0n);
    const walk = this.walkBack(blockIndex, sentenceIndex);

    const place =
      this.placeInSentence(cues, pos, clauseIndex) ??
      this.placeFromContext(walk) ??
      this.scopeOrTitle(cues);
    let period = this.periodInSentence(cues, pos, clauseIndex, walk, spans);
    const heading = walk.find((r) => r.heading);
    if (!period && heading) period = explicitPeriod(heading.cues.periods);
    const periodFixed = period !== null && period.kind !== 'vague' && period.from !== null;
    const clauseText = withoutAsides(cues.text.slice(clause.start, clause.end), pos - clause.start);
    const carried = this.contextConcepts(walk);
    const context = carried.mask;
    const ownConcepts = cues.concepts;
    const before = cues.text.slice(clause.start, Math.max(clause.start, pos));
    const topical =
      this.isTopical(m, near | ownConcepts, context, cues.text, before) &&
      // The title speaks for a label and its number ("2023: 1"), not for a line about something else ("Herne Bay pier at 150").
      (!carried.fromTitle || (ownConcepts & TOPICAL) !== 0n || !hasOwnSubject(before, cues));

    let unit = m.unit;
    let timeBase = m.timeBase;
    if (!m.unitWritten && (m.counted === 'bare' || m.counted === 'anaphoric')) {
      if (previous && previous.unit !== 'count' && comparable(previous.value, m.value))
        unit = previous.unit;
      else if (heading?.cues.rateHint && walk.indexOf(heading) <= 2) unit = 'per-1000';
    }
    if (
      !timeBase &&
      previous?.timeBase &&
      (m.counted === 'bare' || m.counted === 'anaphoric') &&
      comparable(previous.value, m.value)
    ) {
      timeBase = previous.timeBase;
    }
    if (cues.total && !period)
      period = { label: 'Total', from: null, to: null, kind: 'vague', total: true };

    return {
      blockIndex,
      mention: m,
      sentence,
      place,
      period,
      near,
      own: ownConcepts,
      context,
      topical,
      attribution: attributionFor(cues.attributions, pos),
      unit,
      timeBase,
      counted: countedOf(
        m,
        previous,
        [clauseText, cues.text],
        contextTexts(walk, this.title),
        this.countedIn,
      ),
      restrictions: restrictionsIn(`${clauseText} ${m.nounPhrase}`),
      producers: producersIn(cues.text),
      periodFixed,
    };
  }

  /** Concepts of a number's clause without its asides (unless the number sits in one: "(401)"). */
  private clauseConcepts(record: Record, clauseIndex: number, pos: number): ConceptMask {
    const clause = record.cues.clauses[clauseIndex] ?? {
      start: 0,
      end: record.cues.text.length,
      parent: null,
    };
    const text = record.cues.text.slice(clause.start, clause.end);
    const inAside =
      text.lastIndexOf('(', pos - clause.start) > text.lastIndexOf(')', pos - clause.start);
    if (inAside) return conceptsOf(withoutAsides(text, pos - clause.start));
    let mask = record.clauseConcepts[clauseIndex];
    if (mask === undefined) {
      mask = conceptsOf(withoutAsides(text, -1));
      record.clauseConcepts[clauseIndex] = mask;
    }
    return mask;
  }

  private cellDraft(blockIndex: number, block: string, m: Mention, cell: CellContext): ClaimDraft {
    const label = readCues(cell.rowLabel, this.flags.pageYear, this.flags.kcc);
    const header = cell.header ? readCues(cell.header, this.flags.pageYear, this.flags.kcc) : null;
    const walk = this.walkBack(cell.tableStart, -1);
    const placeCues = [...label.places, ...(header?.places ?? [])];
    const own = this.mostSpecific(placeCues.filter((p) => p.role !== 'example'));
    const place = own
      ? { id: own, strength: 'sentence' as const }
      : (this.placeFromContext(walk) ?? this.scopeOrTitle(label));
    const period: PagePeriod | null = header?.total
      ? { label: cell.header ?? 'Total', from: null, to: null, kind: 'vague', total: true }
      : (explicitPeriod(header?.periods ?? []) ?? explicitPeriod(label.periods));
    const near = conceptsOf(withoutAsides(cell.rowLabel, -1)) | (header?.concepts ?? 0n);
    const context = this.contextConcepts(walk).mask;
    let unit = m.unit;
    if (!m.unitWritten && (label.rateHint || header?.rateHint)) unit = 'per-1000';
    return {
      blockIndex,
      mention: m,
      sentence: {
        start: 0,
        end: block.length,
        text: `${cell.rowLabel}${cell.header ? ` (${cell.header})` : ''}: ${block.trim()}`,
      },
      place,
      period,
      near,
      own: near,
      context,
      topical: (near & TOPICAL) !== 0n || (context & TOPICAL) !== 0n,
      attribution: null,
      unit,
      timeBase: m.timeBase,
      counted: countedOf(
        m,
        undefined,
        [cell.rowLabel, cell.header ?? ''],
        contextTexts(walk, this.title),
        this.countedIn,
      ),
      restrictions: restrictionsIn(cell.rowLabel),
      producers: producersIn(`${cell.rowLabel} ${cell.header ?? ''}`),
      periodFixed: period !== null && (period.total === true || period.from !== null),
    };
  }

  /**
   * The sentences before a position, nearest first: the rest of its block, then up to
   * CONTEXT_BLOCKS earlier blocks, stopping after the nearest heading; a heading further back
   * (up to HEADING_BLOCKS) is added as the section heading. Table cells are passed over.
   */
  private walkBack(blockIndex: number, sentenceIndex: number): Record[] {
    const out: Record[] = [];
    if (sentenceIndex > 0) {
      const own = this.recordsOf(blockIndex);
      const stop = Math.max(0, sentenceIndex - CONTEXT_SENTENCES);
      for (let s = sentenceIndex - 1; s >= stop; s -= 1) out.push(own[s]!);
    }
    for (let b = blockIndex - 1, n = 0; b >= 0 && n < HEADING_BLOCKS; b -= 1, n += 1) {
      if (this.cells.has(b)) continue;
      const heading = this.isHeading(b);
      if (n >= CONTEXT_BLOCKS && !heading) continue;
      if (out.length >= CONTEXT_SENTENCES && !heading) continue;
      const records = this.recordsOf(b);
      const stop = Math.max(0, records.length - CONTEXT_SENTENCES);
      for (let s = records.length - 1; s >= stop; s -= 1) out.push(records[s]!);
      if (heading) break;
    }
    return out;
  }

  /**
   * `countedIn`, remembered by text: every number of a sentence reads the units of counting
   * of the same sentences before it, and a dense list of figures repeats that thousands of times.
   */
  private readonly countedMemo = new Map<string, Counted[]>();
  private readonly countedIn = (text: string): Counted[] => {
    let found = this.countedMemo.get(text);
    if (found === undefined) {
      if (this.countedMemo.size >= COUNTED_MEMO) this.countedMemo.clear();
      found = countedIn(text);
      this.countedMemo.set(text, found);
    }
    return found;
  };

  private readonly headingBlocks = new Map<number, boolean>();
  private isHeading(blockIndex: number): boolean {
    let known = this.headingBlocks.get(blockIndex);
    if (known === undefined) {
      known = this.headings.size > 0 && this.headings.has(normalise(this.blocks[blockIndex] ?? ''));
      this.headingBlocks.set(blockIndex, known);
    }
    return known;
  }

  private resolve(p: PlaceCue): PlaceId | null {
    if (p.place) return p.place;
    switch (p.generic) {
      case 'county':
        return this.flags.kent ? 'kent' : 'other';
      case 'trust':
        return this.flags.kmpt ? 'kmpt' : null;
      case 'force':
        return this.flags.kentPolice ? 'kent' : null;
      case 'district':
        return this.pageDistrict();
      default:
        return null;
    }
  }

  /** "the district": the district the page is about (its title, else the first named). */
  private district: PlaceId | null | undefined;
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

  private mostSpecific(places: readonly PlaceCue[], pos?: number): PlaceId | null {
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

  /**
   * The place of a number from its own sentence: its clause first, then the sentence. A body
   * named as an actor ("calls to Kent Police") gives way to a place named elsewhere in the
   * sentence ("The district … averaged some 1,700 calls to Kent Police").
   */
  private placeInSentence(
    cues: SentenceCues,
    pos: number,
    clauseIndex: number,
  ): ResolvedPlace | null {
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

  private placeFromContext(walk: readonly Record[]): ResolvedPlace | null {
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
  private scopeOrTitle(cues: SentenceCues): ResolvedPlace | null {
    const scope = this.mostSpecific(cues.places.filter((p) => p.role === 'scope'));
    if (scope) return { id: scope, strength: 'context' };
    const subjects = this.title?.places.filter((p) => p.role !== 'example') ?? [];
    const id = this.mostSpecific(subjects) ?? this.mainPlace();
    return id ? { id, strength: 'context' } : null;
  }

  private main: PlaceId | null | undefined;
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

  /**
   * The period of a number from its own sentence. Each period cue belongs to the number next
   * to it (the nearer of its neighbours): "six referrals in 2024 and four so far in 2025".
   * A number takes its own cues (in its clause first, those after it first: "173 in 2023"),
   * else the nearest cue in its clause, else in its sentence.
   */
  private periodInSentence(
    cues: SentenceCues,
    pos: number,
    clauseIndex: number,
    walk: readonly Record[],
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

  /**
   * Concepts carried from the text before: the nearest sentence about assault or abuse and
   * the section heading; the page title only when neither is (`fromTitle`).
   */
  private contextConcepts(walk: readonly Record[]): { mask: ConceptMask; fromTitle: boolean } {
    let mask = 0n;
    const topical = walk.find((r) => (r.cues.concepts & TOPICAL) !== 0n);
    if (topical) mask |= topical.cues.concepts;
    const heading = walk.find((r) => r.heading);
    if (heading) mask |= heading.cues.concepts;
    if ((mask & TOPICAL) === 0n && this.title)
      return { mask: mask | this.title.concepts, fromTitle: true };
    return { mask, fromTitle: false };
  }

  /**
   * A claim is about assault or abuse when its own sentence says so, or when it takes its
   * measure from the text before it — unless its own clause names something else that it
   * counts ("Council tax to rise by 3.99%", "A crowd of 6,213").
   */
  private isTopical(
    m: Mention,
    own: ConceptMask,
    context: ConceptMask,
    sentence: string,
    clauseBefore: string,
  ): boolean {
    // A count of people is a statistic only if the sentence says what happened to them
    // ("we picture two adults" is not); shares of people are statistics already.
    if (m.counted === 'people' && m.unit === 'count' && !PEOPLE_PREDICATE.test(sentence))
      return false;
    if ((own & TOPICAL) !== 0n) return true;
    if ((context & TOPICAL) === 0n) return false;
    // A sentence about another crime ("Shoplifting offences rose by 12.2%… to 17,416 cases")
    // does not take assault from the paragraph before it.
    if (OTHER_CRIME.test(sentence)) return false;
    return !namesOtherSubject(clauseBefore);
  }
}

interface Span {
  start: number;
  end: number;
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
  const after = cues.filter((c) => c.start >= self.end).sort((a, b) => a.start - b.start)[0];
  if (after) return after;
  return [...cues].sort((a, b) => b.end - a.end)[0] ?? null;
}

/**
 * What a number counts: the head of its own noun phrase ("328 arrests"), and — for a number
 * without one ("Thanet logged the most (401)") — the units of counting named by the first of
 * its clause, its sentence and the sentences before it that names any. A group of victims as
 * head ("18 concerned the trust's own staff") says who, not what is counted, so it defers to
 * the words around it.
 */
function countedOf(
  m: Mention,
  previous: Mention | undefined,
  near: readonly string[],
  before: readonly string[],
  unitsIn: (text: string) => readonly Counted[],
): CountedCue {
  if (m.nounPhrase && (m.counted === 'event' || m.counted === 'people')) {
    const words = m.nounPhrase.split(' ');
    const word = words[words.length - 1] ?? '';
    const head = countedOfWord(word);
    const rateBase = m.unit !== 'count' && word === 'people';
    if (head && !rateBase) return { head, scope: [head], vague: null };
    if (!head && !isNotUnit(word)) return { head: null, scope: [], vague: word };
  }
  // "18 of those": the number counts what the number before it counted.
  if ((m.anaphoric || m.counted === 'anaphoric') && previous?.nounPhrase) {
    const words = previous.nounPhrase.split(' ');
    const head = countedOfWord(words[words.length - 1] ?? '');
    if (head) return { head: null, scope: [head], vague: null };
  }
  // The number's own words first, then the nearest earlier text that names a unit (a list
  // item "2023: 1" takes it from its heading): a locative unit in the clause ("live in a
  // household") does not hide the one the paragraph counts.
  const scope = new Set(near.flatMap((t) => unitsIn(t)));
  for (const text of before) {
    const found = unitsIn(text);
    if (found.length === 0) continue;
    for (const c of found) scope.add(c);
    break;
  }
  return { head: null, scope: [...scope], vague: null };
}

/**
 * Earlier text a bare number may take its unit from: a few sentences back, the section
 * heading, then the page's headline ("Breaking down KMPT's sexual safety referrals" over a
 * list of "2023: 1" items).
 */
function contextTexts(walk: readonly Record[], title: SentenceCues | null): string[] {
  const out = walk.slice(0, 6).map((r) => r.sentence.text);
  const heading = walk.find((r) => r.heading);
  if (heading) out.push(heading.sentence.text);
  if (title) out.push(title.text);
  return out;
}

/** False for numbers that count days, partners, tickets… or a rate outside the dataset's units. */
export function mayBeClaim(m: Mention): boolean {
  return m.counted !== 'non-stat' && m.counted !== 'other' && !m.otherRate;
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

function explicitPeriod(cues: readonly PeriodCue[], last = false): PagePeriod | null {
  const pinned = cues.filter((c) => c.kind === 'explicit' || c.kind === 'relative');
  const c = last ? pinned[pinned.length - 1] : pinned[0];
  return c ? { label: c.label, from: c.from, to: c.to, kind: c.kind } : null;
}

/**
 * A bare number compared with a rate is a rate too ("27.6 per 1,000 … while in Sevenoaks it
 * is 12.6"), but only if it is of the same order: "3 per 1,000 …, with Thanet recording the
 * most, 401" compares a rate with a count.
 */
const COMPARABLE_RATIO = 20;
function comparable(a: number, b: number): boolean {
  const x = Math.abs(a) + 1e-9;
  const y = Math.abs(b) + 1e-9;
  return Math.max(x, y) / Math.min(x, y) <= COMPARABLE_RATIO;
}

/** Parenthetical asides describe rather than define ("All referrals (patients, staff, …)"); `keep` is a position inside one to keep. */
function withoutAsides(text: string, keep: number): string {
  return text.replace(/\([^()]*\)/g, (aside, offset: number) =>
    keep >= offset && keep < offset + aside.length ? aside : ' ',
  );
}

const WORDS = /[\p{L}][\p{L}'’-]*/gu;

/** True when the words before a number name another thing it measures (tax, prices, a crowd). */
function namesOtherSubject(before: string): boolean {
  const list = before.match(WORDS) ?? [];
  return list.some((word, i) => {
    if (!OTHER_MEASURES.has(word.toLowerCase())) return false;
    // "council staff", "school pupils": a modifier of a counted noun, not a subject of its own.
    const next = list[i + 1];
    const cls = next ? nounClass(next) : undefined;
    return !(cls === 'people' || cls === 'resource' || cls === 'event');
  });
}

const LABEL_WORDS = new Set([
  'total',
  'overall',
  'figure',
  'number',
  'count',
  'so',
  'far',
  'there',
  'some',
  'about',
  'around',
  'almost',
  'nearly',
  'over',
  'more',
  'than',
  'under',
  'up',
  'to',
  'just',
  'roughly',
  'estimated',
  'approximately',
]);

/** True when the words before a number (places and periods aside) name something of their own. */
function hasOwnSubject(before: string, cues: SentenceCues): boolean {
  let text = before;
  for (const p of [...cues.places, ...cues.periods]) {
    if (p.start < before.length)
      text =
        text.slice(0, p.start) +
        ' '.repeat(Math.min(p.end, before.length) - p.start) +
        text.slice(Math.min(p.end, before.length));
  }
  for (const word of text.match(WORDS) ?? []) {
    const lower = word.toLowerCase();
    if (PHRASE_STOP.has(lower) || LABEL_WORDS.has(lower)) continue;
    const cls = nounClass(lower);
    if (cls === 'event' || cls === 'people' || cls === 'resource') continue;
    return true;
  }
  return false;
}

/** A page title without its site name: "Headline | Site", "Headline - Site". */
export function headlineOf(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' - ') : title;
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
