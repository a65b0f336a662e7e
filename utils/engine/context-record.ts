/** A sentence of the page as the context modules see it: its block, its cues, whether it is a heading. */
import type { ConceptMask } from './concepts';
import { sentenceConcepts, type SentenceCues } from './cues';
import type { Sentence } from './sentences';

/**
 * A sentence of the page. Its cues are read when first asked for, and may be forgotten once
 * the reading has moved on past every claim that could look back at it (`release`): a block
 * of 66,000 sentences then never holds 66,000 sets of cues at once.
 */
export class SentenceRecord {
  private read: SentenceCues | undefined;
  private topics: ConceptMask | undefined;
  /** Concepts of each clause (asides left out), read when a number in it first needs them. */
  clauseConcepts: Array<ConceptMask | undefined> = [];

  constructor(
    readonly blockIndex: number,
    readonly sentence: Sentence,
    readonly heading: boolean,
    private readonly reader: (text: string) => SentenceCues,
    /** How concepts of a text are read (`conceptsOf`, or the page's memo of it). */
    private readonly conceptsOf?: (text: string) => ConceptMask,
  ) {}

  get cues(): SentenceCues {
    return (this.read ??= this.reader(this.sentence.text));
  }

  /**
   * The sentence's concepts alone: the look-back for context asks every earlier sentence for
   * these, and most of those sentences are never asked for anything else.
   */
  get concepts(): ConceptMask {
    return (
      this.read?.concepts ?? (this.topics ??= sentenceConcepts(this.sentence.text, this.conceptsOf))
    );
  }

  /** Forgets what was read (it is read again if asked for). */
  release(): void {
    this.read = undefined;
    this.topics = undefined;
    this.clauseConcepts = [];
  }
}
