/**
 * Does this page (or this newly added part of it) give the extension anything to do? The
 * content script's loader asks on every page, before the checker is even loaded, so this
 * module imports only the pure relevance test.
 */
import {
  hasRelevantContext,
  LOCAL_CONTEXT_RE,
  mayHaveRelevantContext,
} from '@/utils/engine/relevance';
import { isSkippedTag } from './elements';

/**
 * Text read for the test, capped so the test stays cheap on a huge page; Kent content that
 * arrives later (or lies beyond) is caught by the observer.
 */
const RELEVANCE_SAMPLE_CHARS = 200_000;

/** The page's title and the text under `root` name Kent, Medway, a district or the trust. */
export function looksRelevant(doc: Document, root: Node | null): boolean {
  // A page about Kent usually says so in its title: no need to read the page.
  if (LOCAL_CONTEXT_RE.test(doc.title)) return true;
  // Most pages are about something else: settle those with one native `textContent` and a
  // loose scan, and walk the text nodes only where the loose scan found a clue.
  if (!mayHaveRelevantContext(`${doc.title} ${root ? allText(root) : ''}`)) return false;
  return root !== null && readsRelevant(doc, root);
}

/**
 * The page's text up to the relevance cap, in one native call: enough to learn which bodies
 * it names (text of neighbouring elements runs together, which whole names survive). A walk
 * of its text nodes that stops at the cap cost a page of 100,000 elements 250 ms in Firefox,
 * against 6-8 ms for this; a 5 MB article's costs 30-40 ms there, in a unit of work of its
 * own (`RunReader.pageSteps`).
 */
export function pageTextSample(root: Node): string {
  return allText(root).slice(0, RELEVANCE_SAMPLE_CHARS);
}

/** Every character under `root` in one native call (a document's own `textContent` is null). */
function allText(root: Node): string {
  const node = root.nodeType === 9 ? (root as Document).documentElement : root;
  return node?.textContent ?? '';
}

/**
 * The exact test on the text under `root` as a reader sees it: text nodes joined with spaces,
 * since `textContent` would run "<h1>Kent</h1><p>Police" into "KentPolice". Scripts and
 * styles are left out; the sample stops at a cap so a huge page stays cheap. A place name is
 * one word, so it cannot straddle two nodes once they are joined with a space: the walk stops
 * at the first node that names one.
 */
function readsRelevant(doc: Document, root: Node): boolean {
  const owner = root.ownerDocument ?? (root as Document);
  const walker = owner.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const parts: string[] = [doc.title];
  let length = 0;
  for (
    let node = walker.nextNode();
    node && length < RELEVANCE_SAMPLE_CHARS;
    node = walker.nextNode()
  ) {
    const parent = node.parentElement;
    if (parent && isSkippedTag(parent)) continue;
    const text = (node as Text).data;
    if (LOCAL_CONTEXT_RE.test(text)) return true;
    parts.push(text);
    length += text.length + 1;
  }
  return hasRelevantContext(parts.join(' '));
}
