/**
 * The kinds of page element every part of the page side agrees on: what is never read, what
 * makes a block of text, what a heading is, and the elements a paragraph is. One list each,
 * so the extractor, the chunker, the relevance test and the observer cannot disagree.
 */

/** Elements whose text never reaches a reader as prose. */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** Elements that start and end a block of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The elements whose text makes one paragraph (a selection is checked with its paragraph). */
export const PARAGRAPH_SELECTOR =
  'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption';

/**
 * The elements a changed text node is read again with: its paragraph, or failing that the
 * article or section around it.
 */
export const CHANGED_BLOCK_SELECTOR = `${PARAGRAPH_SELECTOR}, article, section`;

/** True for elements whose text is never read (by tag; `isSkipped` adds hidden and inert). */
export function isSkippedTag(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase());
}
