/**
 * What the engine needs from a page beyond the blocks it is given, stated here so that a
 * caller reading the page in chunks (the content script) supplies exactly that: the blocks
 * before each chunk, and the bodies the whole page names. Pure and cheap: the page side
 * imports this module without the rest of the engine.
 */
import { LOCAL_CONTEXT_RE } from './relevance';
import type { PageNames } from './types';

const KMPT_RE =
  /\bKMPT\b|Kent (?:and|&) Medway NHS|Kent(?: (?:and|&) Medway)?(?:'s|’s)? (?:NHS )?mental health|mental health trust/i;
const KENT_POLICE_RE = /\bKent Police\b/;
const KCC_RE = /\bKent County Council\b|\bKCC\b|\bcounty council\b/i;

/**
 * Blocks before a chunk that a chunked caller gives the engine (`PageContext.before`): as
 * many as a whole-page read looks back over for a section heading, so a chunk is read as the
 * whole page is.
 */
export const LOOK_BACK_BLOCKS = 12;

/** The bodies named anywhere in `text` (four linear scans). */
export function pageNames(text: string): PageNames {
  return {
    kent: LOCAL_CONTEXT_RE.test(text),
    kmpt: KMPT_RE.test(text),
    kentPolice: KENT_POLICE_RE.test(text),
    kcc: KCC_RE.test(text),
  };
}
