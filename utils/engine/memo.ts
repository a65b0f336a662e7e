/**
 * A map that forgets everything once it holds `limit` entries: the engine's memos (a page's
 * concepts and units by text, candidates by query, word matches by word) remember what a page
 * repeats, and a page that never repeats must not grow them without end. Cleared whole rather
 * than evicted one by one: a page's repeats are close together, and clearing costs nothing.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value remembered for `key`, else `make()`'s, remembered. */
  get(key: K, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}

/** `read` remembered by its text argument, up to `limit` texts at once. */
export function remembered<T>(read: (text: string) => T, limit: number): (text: string) => T {
  const memo = new BoundedMemo<string, T>(limit);
  return (text) => memo.get(text, () => read(text));
}

/**
 * `read` remembered per object for as long as the object lives: what is worked out from a
 * dataset record once (its credit, its phrase, its official figure) and asked for by every
 * claim checked against it.
 */
export function rememberedPer<K extends object, V>(read: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = read(key);
      memo.set(key, value);
    }
    return value;
  };
}
