/**
 * Everything a sentence says about place, period, measure and source, read once per
 * sentence. Place mentions get a role, because not every place named in a sentence is the
 * place its figure is about:
 * - `scope`: the field of a superlative ("the highest rate in Kent": the figure is Thanet's);
 * - `source`: a document or body cited ("according to Kent's draft strategy");
 * - `example`: an item in a list of examples ("staff of other organisations such as KCC").
 * Only when nothing better exists does a sentence fall back to a source place.
 */
import {
  scanAttributions,
  SOURCE_PLACE_AFTER,
  SOURCE_PLACE_BEFORE,
  type Attribution,
} from './attribution';
import { clausesOf, type Clause } from './clauses';
import { bit, conceptsOf, type ConceptMask } from './concepts';
import { scanPeriods, type PeriodCue } from './periods';
import { scanPlaces, type PlaceMention } from './places';

export type PlaceRole = 'subject' | 'scope' | 'source' | 'example';

export interface PlaceCue extends PlaceMention {
  role: PlaceRole;
}

export interface SentenceCues {
  text: string;
  places: PlaceCue[];
  periods: PeriodCue[];
  concepts: ConceptMask;
  attributions: Attribution[];
  clauses: Clause[];
  /** A rate named without a number of its own ("offences per 1,000 people"): a unit hint. */
  rateHint: boolean;
  /** "Total" as a label: the figure is the whole of a series. */
  total: boolean;
}

const SUPERLATIVE_BEFORE =
  /\b(?:highest|lowest|(?<!\bat )most|fewest|(?<!\bat )least|worst|best|largest|smallest|biggest|busiest|greatest|among the)\b[^,;:()]*$/i;
const EXAMPLE_BEFORE = /\b(?:including|such as|like|e\.g\.|for example|among them)\b[^;:()]*$/i;
const EXAMPLE_END =
  /,\s+(?:were|was|are|is|had|have|has|will|would|said|says|made|accounted|featured)\b/i;
const ORPHAN_RATE = /\b(?:per|for every|in every)\s+(?:1,000|1000|thousand)\b/i;
const RATE_WITH_NUMBER =
  /\d[\d,.]*\s*(?:[\p{L}'’-]+\s+){0,6}?(?:per|for every|in every)\s+(?:1,000|1000|thousand)\b/iu;
/** "Total: 5", "In total, 422": a label for the whole of a series ("Total number of…" is not). */
const TOTAL_LABEL = /^\s*(?:total|in total|overall|all years|combined)\s*(?:[:,]|$)/i;
/**
 * The words SOURCE_PLACE_BEFORE needs, tested first without Unicode mode: its case folding
 * adds to these letters only "ſ" for "s", so this test passes every text that pattern can
 * match, at a third of its cost, and few texts before a place pass it. Every way that pattern
 * opens has an example in tests/unit/engine/pattern-hints.test.ts.
 */
const SOURCE_BEFORE_HINT = /according to|figure[sſ] from|data from/i;
/** Coercive control is a domestic abuse offence: naming one names the other. */
const COERCIVE = bit('coercive');
const DOMESTIC = bit('domestic');

/** `concepts`: how to read concepts of a text (`conceptsOf`, or a page's memo of it). */
export function readCues(
  text: string,
  pageYear: number | null,
  councilIsKcc: boolean,
  concepts: (text: string) => ConceptMask = conceptsOf,
): SentenceCues {
  const mentions = scanPlaces(text);
  const clauses = clausesOf(text, mentions);
  const places: PlaceCue[] = mentions.map((p) => ({ ...p, role: roleOf(text, p) }));
  return {
    text,
    places,
    periods: scanPeriods(text, pageYear),
    concepts: sentenceConcepts(text, concepts),
    attributions: scanAttributions(text, councilIsKcc),
    clauses,
    rateHint: ORPHAN_RATE.test(text) && !RATE_WITH_NUMBER.test(text),
    total: TOTAL_LABEL.test(text),
  };
}

/**
 * The concepts of a sentence, as `readCues` gives them. Apart, because looking back for the
 * nearest sentence about assault or abuse needs only these, and reading a sentence's places,
 * periods, clauses and sources as well costs several times more.
 */
export function sentenceConcepts(
  text: string,
  read: (text: string) => ConceptMask = conceptsOf,
): ConceptMask {
  const concepts = read(text);
  return (concepts & COERCIVE) !== 0n ? concepts | DOMESTIC : concepts;
}

/** A parenthesis that lists other things as well as the place: "(KCC, GPs, other NHS trusts)". */
function inListingParenthesis(text: string, p: PlaceMention): boolean {
  const open = text.lastIndexOf('(', p.start);
  if (open < 0 || text.lastIndexOf(')', p.start) > open) return false;
  const close = text.indexOf(')', p.end);
  const inner = text.slice(open + 1, close < 0 ? text.length : close);
  return inner.trim().length > p.end - p.start + 2;
}

function roleOf(text: string, p: PlaceMention): PlaceRole {
  if (inListingParenthesis(text, p)) return 'example';
  const before = text.slice(Math.max(0, p.start - 80), p.start);
  const after = text.slice(p.end, p.end + 40);
  const example = EXAMPLE_BEFORE.exec(before);
  if (example && !EXAMPLE_END.test(before.slice(example.index))) return 'example';
  if (
    SOURCE_PLACE_AFTER.test(after) ||
    (SOURCE_BEFORE_HINT.test(before) && SOURCE_PLACE_BEFORE.test(before))
  )
    return 'source';
  // "the highest rate in Kent": the county is the field, not the subject; a district after a
  // superlative ("highest in Thanet") is where the highest figure is, so it stays the subject.
  if (p.specificity <= 2 && SUPERLATIVE_BEFORE.test(before)) return 'scope';
  return 'subject';
}
