/**
 * The cheap early exit, in a module of its own: the content script's loader runs it on every
 * page, so it must not pull in the rest of the engine (lexicons, fuse indexes, the dataset).
 * Each clue is one precompiled regex, one linear scan.
 */

/** Cheap test: does the text name Kent, Medway, a Kent district or KMPT at all? */
export const LOCAL_CONTEXT_RE =
  /\b(?:Kent|Medway|KMPT|KCC|Thanet|Sevenoaks|Ashford|Canterbury|Dartford|Dover|Folkestone|Hythe|Gravesham|Maidstone|Swale|Tonbridge|Tunbridge)\b/;
/** Cheap test: does the text name the UK? (the dataset has one UK measure). */
export const UK_CONTEXT_RE = /\b(?:UK|United\s+Kingdom|Britain)\b/;
/** Domestic abuse words: with the UK named, the dataset's one UK measure may be on the page. */
// `\s+`: text from neighbouring elements is joined with a space of its own ("<b>Domestic</b>
// abuse" reads "Domestic  abuse").
const DOMESTIC_ABUSE_RE = /\bdomestic\s+(?:abuse|violence)\b/i;

/**
 * False when the text names neither Kent, Medway, a Kent district nor KMPT, and is not about
 * domestic abuse in the UK.
 */
export function hasRelevantContext(text: string): boolean {
  return LOCAL_CONTEXT_RE.test(text) || (UK_CONTEXT_RE.test(text) && DOMESTIC_ABUSE_RE.test(text));
}

/**
 * The same test, loosened so that it can run on `textContent` (one native call, no walk over
 * the text nodes). `textContent` runs text from neighbouring elements together
 * ("<h1>Kent</h1><p>Police" gives "KentPolice"), so the loose patterns drop the word
 * boundaries and let "United Kingdom" and "domestic abuse" meet without a space. Whatever the
 * exact test finds in the space-joined text, the loose one finds here: false means the page
 * is certainly not relevant; true means "ask `hasRelevantContext`".
 */
const LOCAL_LOOSE_RE = new RegExp(LOCAL_CONTEXT_RE.source.replaceAll('\\b', ''));
const UK_LOOSE_SOURCE = 'UK|United\\s*Kingdom|Britain';
/**
 * Both clues in one pattern: on most pages neither is there, and one pass over the text costs
 * half of two (this scan is most of what the loader spends on a page it turns away).
 */
const ANY_LOOSE_RE = new RegExp(`${LOCAL_LOOSE_RE.source}|${UK_LOOSE_SOURCE}`);
const UK_LOOSE_RE = new RegExp(`^(?:${UK_LOOSE_SOURCE})$`);
const DOMESTIC_ABUSE_LOOSE_RE = /domestic\s*(?:abuse|violence)/i;

export function mayHaveRelevantContext(text: string): boolean {
  const first = ANY_LOOSE_RE.exec(text);
  if (!first) return false;
  if (!UK_LOOSE_RE.test(first[0])) return true;
  // The UK came first: a Kent name may still follow, or the page is about domestic abuse.
  return DOMESTIC_ABUSE_LOOSE_RE.test(text) || LOCAL_LOOSE_RE.test(text);
}
