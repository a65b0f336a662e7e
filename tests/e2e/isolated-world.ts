/**
 * Reads the extension's content-script world from outside the browser, through the Chrome
 * DevTools Protocol: the route tests and benchmarks take to what the page itself must not
 * see (the checker's timing marks, issue 13's detect.html). A page script has no such route:
 * the isolated world's globals are not the page's.
 *
 * Chromium only (Playwright's CDP sessions); each frame's content-script world is an
 * execution context of type "isolated" whose origin is the extension's.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { TimingMark } from '@/utils/dom/timing-marks';

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string; isDefault?: boolean };
}

export interface IsolatedWorld {
  /**
   * Evaluates `expression` in the extension's world of the page's main frame; `undefined`
   * while the content script has not run there yet.
   */
  evaluate<T>(expression: string): Promise<T | undefined>;
  /** The checker's timing marks by name (see utils/dom/timing-marks.ts). */
  timingMarks(): Promise<Record<string, TimingMark>>;
}

/**
 * Starts following the page's execution contexts. Call it before `page.goto`, or after: the
 * protocol reports the contexts that already exist when `Runtime.enable` is sent.
 */
export async function isolatedWorld(page: Page, session?: CDPSession): Promise<IsolatedWorld> {
  const cdp = session ?? (await page.context().newCDPSession(page));
  const contexts = new Map<number, ContextDescription>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) =>
    contexts.set(context.id, context),
  );
  cdp.on(
    'Runtime.executionContextDestroyed',
    ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId),
  );
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');

  const mainFrameId = async () =>
    ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree
      .frame.id;

  const extensionContext = async (): Promise<number | undefined> => {
    const frame = await mainFrameId();
    const ours = [...contexts.values()].filter(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frame &&
        c.origin.startsWith('chrome-extension://'),
    );
    return ours.at(-1)?.id;
  };

  const evaluate = async <T>(expression: string): Promise<T | undefined> => {
    const contextId = await extensionContext();
    if (contextId === undefined) return undefined;
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`In the extension's world: ${exceptionDetails.text}`);
    return result.value;
  };

  return {
    evaluate,
    async timingMarks() {
      const marks = await evaluate<Record<string, TimingMark>>(
        `(() => { const m = globalThis[Symbol.for('kent-stats-check:timing-marks')]; return m ? Object.fromEntries(m) : {}; })()`,
      );
      return marks ?? {};
    },
  };
}

/** Polls the extension's world until `done` accepts its timing marks; returns them. */
export async function waitForTimingMarks(
  world: IsolatedWorld,
  done: (marks: Record<string, TimingMark>) => boolean,
  { timeout = 60_000, interval = 100 } = {},
): Promise<Record<string, TimingMark>> {
  const end = Date.now() + timeout;
  for (;;) {
    const marks = await world.timingMarks();
    if (done(marks)) return marks;
    if (Date.now() > end)
      throw new Error(`Timed out waiting for the checker's marks: ${JSON.stringify(marks)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The number of claims the checker found when it read the page through, or 0 before then. */
export function checkedClaims(marks: Record<string, TimingMark>): number {
  const detail = marks['kent-stats-check:checked']?.detail as { claims?: number } | undefined;
  return detail?.claims ?? 0;
}
