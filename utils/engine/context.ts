/**
 * Reads a page's blocks in order and turns each quantity mention into a claim draft: what
 * it counts, where, when, credited to whom. Cues come from the number's own clause first,
 * then its sentence, then — only for what the sentence leaves unsaid — the text before it
 * (previous sentences, the section heading, a table's row and column), then the page title.
 *
 * Context is looked up lazily and only a few blocks back, so pages with few numbers cost
 * little and no lookup walks the whole page.
 *
 * This file orchestrates: it walks blocks, sentences and mentions, and gathers the text
 * before each number. What the cues mean is read elsewhere: places in context-place.ts,
 * periods in context-period.ts, topic in context-topic.ts, units of counting in
 * context-counted.ts.
 */
import type { Unit } from '../../data/schema';
import { attributionFor, type SourceBody } from './attribution';
import { clauseAt } from './clauses';
import { conceptsOf, TOPICAL, type ConceptMask } from './concepts';
import { countedOf, contextTexts } from './context-counted';
import { explicitPeriod, periodInSentence, type Span } from './context-period';
import { PlaceResolver, type ResolvedPlace } from './context-place';
import { SentenceRecord } from './context-record';
import { contextConcepts, hasOwnSubject, isTopical } from './context-topic';
import { readCues, type SentenceCues } from './cues';
import type { PagePeriod } from './periods';
import { countedIn, restrictionsIn, type CountedCue } from './measure';
import { producersIn, type Body } from './producers';
import { readMentions, type Mention, type PageTimeBase } from './quantities';
import { splitSentences, type Sentence } from './sentences';
import { findCells, findTextCells, type CellContext } from './tables';
import { LOOK_BACK_BLOCKS } from './page-context';
import { isSpace } from './chars';
import { remembered } from './memo';
import type { PageNames } from './types';

export type { PlaceStrength, ResolvedPlace } from './context-place';

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

/** The text before a sentence as its claims read it (`PageReader.beforeSentence`). */
interface Before {
  blockIndex: number;
  sentenceIndex: number;
  /** The sentences before it, nearest first (`walkBack`). */
  walk: SentenceRecord[];
  /** The section heading among them. */
  heading: SentenceRecord | undefined;
  /** Concepts carried from them (`contextConcepts`). */
  carried: { mask: ConceptMask; fromTitle: boolean };
  /** Texts a bare number may take its unit from (`contextTexts`). */
  texts: string[];
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
/** Texts whose concepts are remembered at once (cleared when full). */
const CONCEPTS_MEMO = 1024;
/** How far back the section heading may be. */
const HEADING_BLOCKS = LOOK_BACK_BLOCKS;

export class PageReader {
  private readonly records = new Map<number, SentenceRecord[]>();
  private readonly cells: Map<number, CellContext>;
  private readonly headings: ReadonlySet<string>;
  private readonly title: SentenceCues | null;
  private readonly places: PlaceResolver;
  private readonly producers = new Map<SentenceCues, Body[]>();

  constructor(
    private readonly blocks: readonly string[],
    headings: readonly string[],
    title: string,
    private readonly flags: PageFlags,
  ) {
    this.cells = findCells(blocks);
    this.headings = new Set(headings.map(normalise));
    for (const h of this.headings) this.longestHeading = Math.max(this.longestHeading, h.length);
    const headline = headlineOf(title);
    this.title = headline ? this.cuesOf(headline) : null;
    this.places = new PlaceResolver(blocks, flags, this.title, (b) => this.recordsOf(b));
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
      let spansOf = -1;
      let spans: Span[] = [];
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
        // The numbers of the sentence, made once for all its claims: per claim, a run-on
        // sentence of thousands of numbers cost its square.
        if (spansOf !== s) {
          spansOf = s;
          spans = [];
          for (
            let j = first;
            j < mentions.length && mentions[j]!.numberStart < sentence.end;
            j += 1
          ) {
            const o = mentions[j]!;
            spans.push({
              start: o.numberStart - sentence.start,
              end: o.numberEnd - sentence.start,
            });
          }
        }
        const previous = k > first ? mentions[k - 1] : undefined;
        drafts.push(this.sentenceDraft(b, s, m, previous, spans));
      }
    }
    return drafts;
  }

  /** The bodies a sentence names as producers, read once for all its claims. */
  private producersOf(cues: SentenceCues): Body[] {
    let bodies = this.producers.get(cues);
    if (!bodies) {
      bodies = producersIn(cues.text);
      this.producers.set(cues, bodies);
    }
    return bodies;
  }

  private recordsOf(blockIndex: number): SentenceRecord[] {
    const cached = this.records.get(blockIndex);
    if (cached) return cached;
    const block = this.blocks[blockIndex] ?? '';
    const heading = this.isHeading(blockIndex);
    const records = splitSentences(block).map(
      (sentence) =>
        new SentenceRecord(blockIndex, sentence, heading, this.cuesOf, this.conceptsOfText),
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
      (m.nounPhrase ? this.conceptsOfText(m.nounPhrase) : 0n);
    const { walk, heading, carried, texts } = this.beforeSentence(blockIndex, sentenceIndex);

    const place =
      this.places.inSentence(cues, pos, clauseIndex) ??
      this.places.fromContext(walk) ??
      this.places.scopeOrTitle(cues);
    let period = periodInSentence(cues, pos, clauseIndex, walk, spans);
    if (!period && heading) period = explicitPeriod(heading.cues.periods);
    const periodFixed = period !== null && period.kind !== 'vague' && period.from !== null;
    const clauseText = withoutAsides(cues.text.slice(clause.start, clause.end), pos - clause.start);
    const context = carried.mask;
    const ownConcepts = cues.concepts;
    const before = cues.text.slice(clause.start, Math.max(clause.start, pos));
    const topical =
      isTopical(m, near | ownConcepts, context, cues.text, before) &&
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
      counted: countedOf(m, previous, [clauseText, cues.text], texts, this.countedIn),
      restrictions: restrictionsIn(`${clauseText} ${m.nounPhrase}`),
      producers: this.producersOf(cues),
      periodFixed,
    };
  }

  /**
   * What the claims of one sentence read from the text before it: the same for every number
   * of the sentence, so worked out once for them all (the reading walks a block's numbers in
   * order, so the last sentence asked for is the only one worth keeping).
   */
  private beforeSentence(blockIndex: number, sentenceIndex: number): Before {
    const last = this.lastBefore;
    if (last && last.blockIndex === blockIndex && last.sentenceIndex === sentenceIndex) return last;
    const walk = this.walkBack(blockIndex, sentenceIndex);
    const before: Before = {
      blockIndex,
      sentenceIndex,
      walk,
      heading: walk.find((r) => r.heading),
      carried: contextConcepts(walk, this.title),
      texts: contextTexts(walk, this.title),
    };
    this.lastBefore = before;
    return before;
  }

  private lastBefore: Before | null = null;

  /** Concepts of a number's clause without its asides (unless the number sits in one: "(401)"). */
  private clauseConcepts(record: SentenceRecord, clauseIndex: number, pos: number): ConceptMask {
    const clause = record.cues.clauses[clauseIndex] ?? {
      start: 0,
      end: record.cues.text.length,
      parent: null,
    };
    const text = record.cues.text.slice(clause.start, clause.end);
    const inAside =
      text.lastIndexOf('(', pos - clause.start) > text.lastIndexOf(')', pos - clause.start);
    if (inAside) return this.conceptsOfText(withoutAsides(text, pos - clause.start));
    let mask = record.clauseConcepts[clauseIndex];
    if (mask === undefined) {
      mask = this.conceptsOfText(withoutAsides(text, -1));
      record.clauseConcepts[clauseIndex] = mask;
    }
    return mask;
  }

  private cellDraft(blockIndex: number, block: string, m: Mention, cell: CellContext): ClaimDraft {
    const label = this.cuesOf(cell.rowLabel);
    const header = cell.header ? this.cuesOf(cell.header) : null;
    const walk = this.walkBack(cell.tableStart, -1);
    const placeCues = [...label.places, ...(header?.places ?? [])];
    const own = this.places.mostSpecific(placeCues.filter((p) => p.role !== 'example'));
    const place = own
      ? { id: own, strength: 'sentence' as const }
      : (this.places.fromContext(walk) ?? this.places.scopeOrTitle(label));
    const period: PagePeriod | null = header?.total
      ? { label: cell.header ?? 'Total', from: null, to: null, kind: 'vague', total: true }
      : (explicitPeriod(header?.periods ?? []) ?? explicitPeriod(label.periods));
    const near = this.conceptsOfText(withoutAsides(cell.rowLabel, -1)) | (header?.concepts ?? 0n);
    const context = contextConcepts(walk, this.title).mask;
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
  private walkBack(blockIndex: number, sentenceIndex: number): SentenceRecord[] {
    const out: SentenceRecord[] = [];
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
  private readonly countedIn = remembered(countedIn, COUNTED_MEMO);

  /**
   * `conceptsOf`, remembered by text for the page: a number's clause is most often its whole
   * sentence, read already for the sentence's cues, and noun phrases repeat down a page. Of
   * 12,000 readings of concepts on the 1 MB benchmark article, 4,000 were of distinct texts.
   */
  private readonly conceptsOfText = remembered(conceptsOf, CONCEPTS_MEMO);

  /** A text's cues, as the page reads them. */
  private readonly cuesOf = (text: string): SentenceCues =>
    readCues(text, this.flags.pageYear, this.flags.kcc, this.conceptsOfText);

  private readonly headingBlocks = new Map<number, boolean>();
  /** The length of the longest heading, normalised. */
  private longestHeading = 0;
  private isHeading(blockIndex: number): boolean {
    let known = this.headingBlocks.get(blockIndex);
    if (known === undefined) {
      const block = this.blocks[blockIndex] ?? '';
      known =
        this.headings.size > 0 &&
        // A paragraph far longer than any heading is none: normalising it (three copies of
        // the whole block) was 2% of a long article's reading in Chromium.
        !hasMoreVisible(block, 2 * this.longestHeading) &&
        this.headings.has(normalise(block));
      this.headingBlocks.set(blockIndex, known);
    }
    return known;
  }
}

/** False for numbers that count days, partners, tickets… or a rate outside the dataset's units. */
export function mayBeClaim(m: Mention): boolean {
  return m.counted !== 'non-stat' && m.counted !== 'other' && !m.otherRate;
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

/** A page title without its site name: "Headline | Site", "Headline - Site". */
export function headlineOf(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' - ') : title;
}

/**
 * True when `text` holds more than `limit` characters that are not whitespace. `normalise`
 * keeps each of them, and lower-casing never shortens a character to less than half, so
 * such a text normalises to more than `limit / 2` characters. Stops counting at the limit.
 */
function hasMoreVisible(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let visible = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isSpace(text.charCodeAt(i)) && ++visible > limit) return true;
  }
  return false;
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
