/**
 * Browser APIs happy-dom lacks, stood in for the tests that must take the browser's path:
 * the CSS Custom Highlight API (marks as highlights, the page's text nodes left whole) and
 * StaticRange (claims held as fixed offsets).
 */

/** Installs a Highlight API that only holds ranges; `restore` puts the window back. */
export function installHighlightApi(): {
  registry: Map<string, Set<AbstractRange>>;
  restore(): void;
} {
  const win = window as unknown as Record<string, unknown>;
  const before = {
    CSS: Object.getOwnPropertyDescriptor(win, 'CSS'),
    Highlight: Object.getOwnPropertyDescriptor(win, 'Highlight'),
  };
  const registry = new Map<string, Set<AbstractRange>>();
  // happy-dom's `CSS` is a fresh object on every read: give the window one that keeps state.
  const css = { highlights: registry, supports: () => false };
  Object.defineProperty(win, 'CSS', { value: css, configurable: true });
  Object.defineProperty(win, 'Highlight', {
    value: class extends Set<AbstractRange> {
      priority = 0;
    },
    configurable: true,
  });
  return {
    registry,
    restore() {
      for (const [name, descriptor] of Object.entries(before)) {
        if (descriptor) Object.defineProperty(win, name, descriptor);
        else delete win[name];
      }
    },
  };
}

/**
 * Installs a StaticRange whose instances hold their offsets and nothing else, as browsers'
 * do; each one made is listed in `made`. Returns what puts the window back.
 */
export function installStaticRange(made: StaticRangeInit[] = []): () => void {
  const win = window as unknown as Record<string, unknown>;
  win.StaticRange = class {
    constructor(init: StaticRangeInit) {
      made.push(init);
      Object.assign(this, init, {
        collapsed: init.startContainer === init.endContainer && init.startOffset === init.endOffset,
      });
    }
  };
  return () => {
    delete win.StaticRange;
  };
}
