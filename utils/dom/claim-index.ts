/**
 * Owns the claims found on the page: by id, by the chunk they were found in and by the text
 * nodes their words touch, and their page order. Nothing here reads or marks the page.
 */
import type { Claim } from '@/utils/engine';
import { compareStarts, isDetached } from './claim-range';
import type { Removal } from './observe';

export interface TrackedClaim {
  id: string;
  claim: Claim;
  /** Fixed offsets where the marks are highlights, else a live Range (see claim-range.ts). */
  range: AbstractRange;
  /** The chunk the claim was found in: a later look at that chunk replaces it. */
  root: Element;
}

/**
 * The one rule for whether a claim is shown (marked, listed, hit by the pointer): the reader
 * may hide unverified claims; every other verdict is always shown.
 */
export function isShown(claim: Pick<Claim, 'verdict'>, showUnverified: boolean): boolean {
  return showUnverified || claim.verdict !== 'unverified';
}

/** Claims of a node looked at one by one under the pointer; past this, by their offsets. */
const NEAR_ALL = 32;
/** Claims starting before the caret's that `near` still offers (overlapping words). */
const NEAR_BEFORE = 2;

export class ClaimIndex {
  private readonly byId = new Map<string, TrackedClaim>();
  /** Claims by the chunk they were found in, so a changed chunk finds its own claims at once. */
  private readonly byRoot = new Map<Element, Set<TrackedClaim>>();
  /** Claims by the text nodes their words start and end in, for hit-testing a pointer. */
  private readonly byNode = new Map<Node, Set<TrackedClaim>>();
  /**
   * The nodes each claim was indexed under: a live range (wrapper marks) may since have
   * moved. A Map, not a WeakMap: every claim is removed explicitly, and tens of thousands of
   * weak entries made taking claims in, and collecting garbage, slow.
   */
  private readonly indexedNodes = new Map<TrackedClaim, Node[]>();
  private sorted: TrackedClaim[] | null = null;
  /** The claims in page order as last placed, and those arrived since (some may be gone). */
  private placed: TrackedClaim[] = [];
  /** Claims that arrived out of order since, to place among `placed` by their starts. */
  private late: TrackedClaim[] = [];
  /**
   * The claims starting in a text node, in the order of their starts, for nodes holding many
   * (`near` with an offset); a node's entry goes when a claim of it comes or goes.
   */
  private readonly starts = new Map<Node, { inOrder: TrackedClaim[]; others: TrackedClaim[] }>();
  /** True once claims came from content looked at after the first, page-order read. */
  private outOfOrder = false;
  private nextId = 1;

  get size(): number {
    return this.byId.size;
  }

  /**
   * Every claim in page order. Chunks are read in page order, so claims arrive in order; those
   * of content looked at again (added or rewritten) arrive late, and are placed among the
   * others by binary search. Sorting every claim per change asked the page for positions
   * n log n times (for a 5 MB article's 35,000 claims, about half a million).
   */
  get all(): TrackedClaim[] {
    if (!this.sorted) {
      const placed = this.placed.filter((t) => this.holds(t));
      const late = this.late.filter((t) => this.holds(t));
      late.sort((a, b) => compareStarts(a.range, b.range));
      this.sorted = late.length > 0 ? mergeByStart(placed, late) : placed;
      this.placed = this.sorted.slice();
      this.late = [];
      this.outOfOrder = false;
    }
    return this.sorted;
  }

  /** Claims found from now on may lie before those already held. */
  arriveOutOfOrder(): void {
    this.outOfOrder = true;
  }

  add(claim: Claim, range: AbstractRange, root: Element): TrackedClaim {
    const t: TrackedClaim = { id: `claim-${this.nextId++}`, claim, range, root };
    this.byId.set(t.id, t);
    (this.outOfOrder ? this.late : this.placed).push(t);
    this.sorted = null;
    addTo(this.byRoot, root, t);
    const nodes = [range.startContainer, range.endContainer];
    this.indexedNodes.set(t, nodes);
    for (const node of nodes) {
      addTo(this.byNode, node, t);
      this.starts.delete(node);
    }
    return t;
  }

  /** Forgets a claim; true when its root has no claims left. */
  remove(t: TrackedClaim): boolean {
    this.byId.delete(t.id);
    this.sorted = null;
    const set = this.byRoot.get(t.root);
    set?.delete(t);
    const rootEmpty = set?.size === 0;
    if (rootEmpty) this.byRoot.delete(t.root);
    for (const node of this.indexedNodes.get(t) ?? []) {
      this.starts.delete(node);
      const nodeSet = this.byNode.get(node);
      nodeSet?.delete(t);
      if (nodeSet?.size === 0) this.byNode.delete(node);
    }
    this.indexedNodes.delete(t);
    return rootEmpty;
  }

  get(id: string): TrackedClaim | undefined {
    return this.byId.get(id);
  }

  /** Still held (not replaced by a later look at its chunk). */
  holds(t: TrackedClaim): boolean {
    return this.byId.get(t.id) === t;
  }

  inRoot(root: Element): Iterable<TrackedClaim> {
    return this.byRoot.get(root) ?? [];
  }

  countIn(root: Element): number {
    return this.byRoot.get(root)?.size ?? 0;
  }

  roots(): Iterable<Element> {
    return this.byRoot.keys();
  }

  /**
   * The claims whose words start or end in `node`; every claim when the node is unknown.
   * With `offset` (a caret position in the node), only those that may hold it: one text node
   * can hold 66,000 claims (a 5 MB paragraph), and measuring each under the pointer froze the
   * page for over 30 s a mouse move.
   */
  near(node: Node | null, offset?: number): Iterable<TrackedClaim> {
    if (!node) return this.byId.values();
    const all = this.byNode.get(node);
    if (!all) return [];
    if (offset === undefined || all.size <= NEAR_ALL) return all;
    const { inOrder, others } = this.startsIn(node, all);
    // The last claim starting at or before the caret, and its neighbours (a caret at a word's
    // edge may belong to the claim either side); those starting elsewhere always qualify.
    let lo = 0;
    let hi = inOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inOrder[mid]!.range.startOffset <= offset) lo = mid + 1;
      else hi = mid;
    }
    return [...inOrder.slice(Math.max(0, lo - NEAR_BEFORE), lo + 1), ...others];
  }

  private startsIn(
    node: Node,
    all: ReadonlySet<TrackedClaim>,
  ): { inOrder: TrackedClaim[]; others: TrackedClaim[] } {
    let entry = this.starts.get(node);
    if (!entry) {
      const inOrder: TrackedClaim[] = [];
      const others: TrackedClaim[] = [];
      for (const t of all) (t.range.startContainer === node ? inOrder : others).push(t);
      // Claims of a node arrive in reading order, so this is most often sorted already.
      const offsets = inOrder.map((t) => t.range.startOffset);
      if (offsets.some((o, i) => i > 0 && o < offsets[i - 1]!)) {
        const order = inOrder.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
        entry = { inOrder: order.map((i) => inOrder[i]!), others };
      } else entry = { inOrder, others };
      this.starts.set(node, entry);
    }
    return entry;
  }

  /**
   * The claims whose words lie inside `root` (a chunk that is looked at again): those of the
   * chunks inside it, and those inside it of the chunks around it. Found from the root's own
   * ancestors and subtree, not by asking every chunk of the page whether the root holds it,
   * which was a fifth of the extension's work after each change to a 5 MB article.
   */
  within(root: Element): TrackedClaim[] {
    const out: TrackedClaim[] = [];
    for (const chunk of this.chunksAbove(root))
      for (const t of this.byRoot.get(chunk)!)
        if (root.contains(t.range.startContainer)) out.push(t);
    for (const chunk of this.chunksIn(root)) out.push(...this.byRoot.get(chunk)!);
    return out;
  }

  /**
   * Claims whose text left the page, or whose offsets no longer fit their text nodes, after
   * one batch of the page's changes: `changed`, the blocks around them, and what was taken
   * out (`removal`). A chunk taken out takes all its claims with it; inside the page, only a
   * claim of a chunk around, at or inside a changed block, or around or at an element blocks
   * were taken out of, can have lost its text, so only those are asked one by one. Asking
   * all 35,000 claims of a 5 MB article took 19–36 ms per batch; asking every chunk whether
   * it was still in the page, 5–7 ms (tests/bench/NOTES.md).
   */
  detached(changed: readonly Element[], removal: Partial<Removal> = {}): TrackedClaim[] {
    const near = new Set<Element>();
    for (const root of changed) {
      for (const chunk of this.chunksAbove(root)) near.add(chunk);
      for (const chunk of this.chunksIn(root)) near.add(chunk);
    }
    for (const from of removal.from ?? []) {
      for (const chunk of this.chunksAbove(from)) near.add(chunk);
      if (this.byRoot.has(from)) near.add(from);
    }
    // Chunks inside what was taken out; one the page put back elsewhere is asked as well.
    for (const node of removal.nodes ?? [])
      for (const chunk of this.chunksIn(node)) near.add(chunk);
    const out: TrackedClaim[] = [];
    for (const chunk of near) {
      const set = this.byRoot.get(chunk)!;
      if (!chunk.isConnected) out.push(...set);
      else for (const t of set) if (isDetached(t.range)) out.push(t);
    }
    return out;
  }

  /** The chunks around `el`: its ancestors that are chunks, nearest first. */
  private chunksAbove(el: Element): Element[] {
    const out: Element[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) if (this.byRoot.has(a)) out.push(a);
    return out;
  }

  /**
   * The chunks at or inside `root`. Walks its subtree, or asks each chunk whether the root
   * holds it when the page holds fewer chunks than the walk has met elements (a change to
   * the whole body of a page with a few chunks): at most twice the cheaper of the two.
   */
  private chunksIn(root: Element): Element[] {
    const out: Element[] = [];
    const budget = this.byRoot.size;
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    let seen = 0;
    for (let el: Node | null = root; el; el = walker.nextNode()) {
      if (++seen > budget) {
        return [...this.byRoot.keys()].filter((chunk) => root.contains(chunk));
      }
      if (this.byRoot.has(el as Element)) out.push(el as Element);
    }
    return out;
  }

  clear(): void {
    this.placed = [];
    this.late = [];
    this.outOfOrder = false;
    this.starts.clear();
    this.byId.clear();
    this.byRoot.clear();
    this.byNode.clear();
    this.indexedNodes.clear();
    this.sorted = null;
  }
}

/**
 * `placed` and `late`, both in page order, as one list in page order: each late claim's place
 * found by binary search from the last one's, so the page is asked about positions a few
 * times per late claim, not for every claim held.
 */
function mergeByStart(
  placed: readonly TrackedClaim[],
  late: readonly TrackedClaim[],
): TrackedClaim[] {
  const out: TrackedClaim[] = [];
  let from = 0;
  for (const t of late) {
    let lo = from;
    let hi = placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareStarts(placed[mid]!.range, t.range) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i += 1) out.push(placed[i]!);
    out.push(t);
    from = lo;
  }
  for (let i = from; i < placed.length; i += 1) out.push(placed[i]!);
  return out;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
