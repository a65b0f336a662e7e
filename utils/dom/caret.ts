/** A DOM position under a viewport point, as the browser's hit test gives it. */
export interface Caret {
  node: Node;
  offset: number;
}

/**
 * The position under a viewport point, where the browser can say: the standard
 * `caretPositionFromPoint` (Firefox, recent Chromium) or the older `caretRangeFromPoint`.
 */
export function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
