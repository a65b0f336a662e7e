/**
 * fuse.js's token search, with each word's fuzzy match against each measure text worked out
 * once per engine instead of once per query.
 *
 * Why: fuse's token search runs a bitap match of every query word against every field of
 * every measure, for every new query. On real pages nearly every claim's query is new (its
 * words come from its own sentence), so fuse took about two thirds of the engine's time on
 * the real published pages, though the words themselves repeat all down a page ("domestic",
 * "abuse", "crimes"…) and the measure texts never change. A word's match against a text
 * depends on nothing else, so it is remembered (`TermMatches`); combining the words of a
 * query stays exactly fuse's arithmetic (IDF-weighted, per field), so every score and every
 * ranking is what `useTokenSearch` gives — `tests/unit/engine/fuse-terms.test.ts` compares
 * the two on every query the fixture pages make.
 *
 * It plugs into fuse as a searcher (`Fuse.use`), chosen for collections built with
 * `memoTokenSearch` below: fuse still indexes, weighs fields, sorts and formats results.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { BitapWord } from './bitap';
import { BoundedMemo } from './memo';

/** fuse's default tokenizer for token search: runs of letters, marks, digits and `_`. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;

/** Words of a text as fuse's token search reads them (it lower-cases first). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** The option key that carries a collection's statistics to its searchers. */
const STATS = 'kentTermStats';

/** Words whose matches are remembered before the memo starts again. */
const MEMO_LIMIT = 2_000;

interface TermResult {
  isMatch: boolean;
  score: number;
}

const NO_MATCH: TermResult = { isMatch: false, score: 1 };

/** A word's matches so far, and the sets of texts it has been matched against. */
interface WordMatches {
  /** The word made ready for bitap matching once (null: too long, left to fuse). */
  bitap: BitapWord | null;
  byText: Map<string, TermResult>;
  covered: Set<TextSet>;
}

/**
 * Texts held by exactly the same collections: the place groups overlap (a weak "Kent" holds
 * the strong one's measures and the trust's), so a word is matched against each text once,
 * whichever group's search first needs it.
 */
class TextSet {
  private readonly lower: string[];
  private fallback: Fuse<string> | null = null;

  constructor(
    private readonly texts: readonly string[],
    private readonly options: IFuseOptions<string>,
  ) {
    // fuse lower-cases a text for every word it matches; once is enough.
    this.lower = texts.map((t) => t.toLowerCase());
  }

  /** The texts `word` matches, with their bitap scores (`BitapWord`, as fuse would give). */
  search(word: string, bitap: BitapWord | null): Array<{ item: string; score: number }> {
    if (!bitap) {
      // A word too long for one bitap pattern: fuse matches it in chunks.
      this.fallback ??= new Fuse([...this.texts], this.options);
      return this.fallback.search(word).map((r) => ({ item: r.item, score: r.score ?? 1 }));
    }
    const found: Array<{ item: string; score: number }> = [];
    const options = {
      threshold: this.options.threshold ?? Fuse.config.threshold,
      minMatchCharLength: this.options.minMatchCharLength ?? Fuse.config.minMatchCharLength,
    };
    for (let i = 0; i < this.texts.length; i += 1) {
      const result = bitap.match(this.lower[i]!, options);
      if (result.isMatch) found.push({ item: this.texts[i]!, score: result.score });
    }
    return found;
  }
}

/**
 * What the bitap match of a word against each measure text gave, per word. A word new to a
 * collection is matched against the sets of its texts it has not met yet, its bitap pattern
 * built once (`BitapWord`). A word too long for one pattern goes to a fuse string-list
 * search, whose scores are the raw bitap scores as `ignoreFieldNorm` leaves them.
 */
class TermMatches {
  private readonly byTerm = new BoundedMemo<string, WordMatches>(MEMO_LIMIT);
  private readonly collections: Collection[] = [];
  /** Each collection's sets of texts; worked out when first searched, again after a new collection. */
  private sets: Map<Collection, TextSet[]> | null = null;

  /** Each field text's distinct words: the place groups share most of their texts. */
  private readonly words = new Map<string, readonly string[]>();

  constructor(readonly bitap: IFuseOptions<string>) {}

  /** The distinct words of a field text, as fuse's token search counts them. */
  wordsOf(text: string): readonly string[] {
    let words = this.words.get(text);
    if (!words) {
      words = [...new Set(tokens(text))];
      this.words.set(text, words);
    }
    return words;
  }

  /** A new collection: the texts are partitioned afresh, and what was matched is forgotten. */
  register(collection: Collection): void {
    this.collections.push(collection);
    this.sets = null;
    this.byTerm.clear();
  }

  /** Matches `term` against every text of `collection` it has not met yet. */
  cover(term: string, collection: Collection): WordMatches {
    const word = this.byTerm.get(term, () => ({
      bitap: BitapWord.of(term),
      byText: new Map(),
      covered: new Set(),
    }));
    for (const set of this.setsOf(collection)) {
      if (word.covered.has(set)) continue;
      for (const found of set.search(term, word.bitap))
        word.byText.set(found.item, { isMatch: true, score: found.score });
      word.covered.add(set);
    }
    return word;
  }

  private setsOf(collection: Collection): readonly TextSet[] {
    this.sets ??= this.partition();
    return this.sets.get(collection) ?? [];
  }

  /** The texts split by the collections that hold them: one set per distinct holding. */
  private partition(): Map<Collection, TextSet[]> {
    const holders = new Map<string, string>();
    this.collections.forEach((c, i) => {
      for (const text of c.texts) holders.set(text, `${holders.get(text) ?? ''}${i},`);
    });
    const byKey = new Map<string, string[]>();
    for (const [text, key] of holders) {
      const texts = byKey.get(key);
      if (texts) texts.push(text);
      else byKey.set(key, [text]);
    }
    const sets = new Map<Collection, TextSet[]>(this.collections.map((c) => [c, []]));
    for (const [key, texts] of byKey) {
      const set = new TextSet(texts, this.bitap);
      for (const i of key.split(',').filter(Boolean))
        sets.get(this.collections[Number(i)]!)!.push(set);
    }
    return sets;
  }
}

/** The distinct field texts of one fuse collection. */
class Collection {
  readonly texts = new Set<string>();
}

/** A collection's word statistics, counted as fuse's inverted index counts them. */
interface TermStats {
  /** Fields (non-empty, per document and key) each word occurs in. */
  df: Map<string, number>;
  fieldCount: number;
  matches: TermMatches;
  collection: Collection;
}

type FieldValue = { v: string } | Array<{ v: string }>;

function termStats(
  records: ReadonlyArray<{ $?: Record<string, FieldValue> }>,
  matches: TermMatches,
): TermStats {
  const df = new Map<string, number>();
  let fieldCount = 0;
  const collection = new Collection();
  const addField = (text: string) => {
    collection.texts.add(text);
    const words = matches.wordsOf(text);
    if (words.length === 0) return;
    fieldCount += 1;
    for (const word of words) df.set(word, (df.get(word) ?? 0) + 1);
  };
  for (const record of records) {
    for (const value of Object.values(record.$ ?? {})) {
      if (Array.isArray(value)) for (const sub of value) addField(sub.v);
      else addField(value.v);
    }
  }
  matches.register(collection);
  return { df, fieldCount, matches, collection };
}

/** The searcher fuse makes per query for a collection built by `memoTokenSearch`. */
class MemoTokenSearch {
  static condition(_pattern: string, options: Record<string, unknown>): boolean {
    return options[STATS] !== undefined;
  }

  private readonly terms: string[];
  private readonly idf: number[];
  /** Each word's matches, covering every text this collection's search will read. */
  private readonly words: WordMatches[];

  constructor(pattern: string, options: Record<string, unknown>) {
    const stats = options[STATS] as TermStats;
    this.terms = tokens(pattern);
    this.words = this.terms.map((term) => stats.matches.cover(term, stats.collection));
    this.idf = this.terms.map((term) => {
      const docFreq = stats.df.get(term) ?? 0;
      return Math.log(1 + (stats.fieldCount - docFreq + 0.5) / (docFreq + 0.5));
    });
  }

  /** fuse's `TokenSearch.searchIn`, word matches taken from the memo. */
  searchIn(text: string): TermResult {
    if (this.terms.length === 0) return { isMatch: false, score: 1 };
    let weighted = 0;
    let possible = 0;
    let matched = 0;
    for (let i = 0; i < this.terms.length; i += 1) {
      const result = this.words[i]!.byText.get(text) ?? NO_MATCH;
      const idf = this.idf[i]!;
      possible += idf;
      if (result.isMatch) {
        matched += 1;
        weighted += idf * (1 - result.score);
      }
    }
    if (matched === 0) return { isMatch: false, score: 1 };
    const normalized = possible > 0 ? 1 - weighted / possible : 0;
    return { isMatch: true, score: Math.max(0.001, normalized) };
  }
}

Fuse.use(MemoTokenSearch as unknown as Parameters<typeof Fuse.use>[0]);

/**
 * Options and index for a fuse collection searched word by word with remembered matches:
 * `options` as for `useTokenSearch` (with `tokenMatch` "any", no custom tokenizer, no match
 * indices, as the engine uses it). `matches` may be shared by collections searched with the
 * same fuzzy options (a word's match against a text does not depend on the collection).
 */
export function memoTokenSearch<T>(
  docs: readonly T[],
  options: IFuseOptions<T>,
  matches: TermMatchMemo = termMatchMemo(options),
): { options: IFuseOptions<T>; index: FuseIndex<T> } {
  const index = Fuse.createIndex(options.keys ?? [], docs as T[]);
  const stats = termStats(index.toJSON().records as never, matches as TermMatches);
  return {
    options: { ...options, useTokenSearch: false, [STATS]: stats } as IFuseOptions<T>,
    index,
  };
}

/** A memo of word matches, for collections that share fuzzy options. */
export type TermMatchMemo = object;

export function termMatchMemo<T>(options: IFuseOptions<T>): TermMatchMemo {
  if (!options.useTokenSearch || options.includeMatches || options.tokenize)
    throw new Error('memoTokenSearch reads like token search without matches or a tokenizer');
  if (options.tokenMatch && options.tokenMatch !== 'any')
    throw new Error('memoTokenSearch combines words as tokenMatch "any"');
  if (options.findAllMatches || options.isCaseSensitive || options.ignoreDiacritics)
    throw new Error('memoTokenSearch matches words as fuse does by default: first match, any case');
  // Token search runs each word's bitap search ignoring location, with the other fuzzy options.
  return new TermMatches({
    includeScore: true,
    shouldSort: false,
    // A string list's score is then the bitap score itself (raised to the power 1).
    ignoreFieldNorm: true,
    location: options.location,
    threshold: options.threshold,
    distance: options.distance,
    findAllMatches: options.findAllMatches,
    minMatchCharLength: options.minMatchCharLength,
    isCaseSensitive: options.isCaseSensitive,
    ignoreDiacritics: options.ignoreDiacritics,
    ignoreLocation: true,
  });
}
