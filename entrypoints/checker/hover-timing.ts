/**
 * How long the pointer must rest before a card opens or closes by hovering. Apart from the
 * controller so the end-to-end tests wait on the same figures without loading the
 * controller's extension imports into Node.
 */

/** Hovering this long over a mark opens its card; a pass-through pointer does not. */
export const HOVER_OPEN_MS = 350;
/** Leaving the mark and the card for this long closes a card opened by hovering. */
export const HOVER_CLOSE_MS = 300;
