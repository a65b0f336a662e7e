/**
 * The checker in the page: everything the content script does once its loader has found the
 * page worth checking (or the reader asked to check a selection). Everything it starts stops
 * with the loader's `ctx`.
 */
import { addedPackOfSource, currentDataset, useAddedPacks } from '@/data';
import { createLazyEngine, type Official } from '@/utils/engine';
import type { CheckerApi, CheckerMount } from '@/utils/loader/checker-handoff';
import { watchNavigation } from '@/utils/dom/navigation';
import { releaseListener } from '@/utils/loader/release-listener';
import { PageChecker } from '@/utils/dom/page-checker';
import { overlaps } from '@/utils/dom/claim-range';
import { PageUiController, viewOf } from '@/entrypoints/checker/page-ui-controller';
import type { ContentMessage, ContentScriptMessages, PageStatus } from '@/utils/messages/content';
import { dispatch, type HandlersOf } from '@/utils/messages/map';
import { isPaused, normaliseSettings } from '@/utils/storage/settings';
import { loadAddedPacks, watchAddedPacks } from '@/utils/storage/packs';
import { settingsItem } from '@/utils/storage/settings-item';
import { listed } from '@/utils/verdicts';
import { createBadgeReporter } from './badge-reporter';

/** How often the checker looks at the page's address for history-API navigation. */
const URL_POLL_MS = 1000;
/** How often the checker makes sure the extension is still there. */
const ALIVE_CHECK_MS = 2000;

export function mountChecker({ ctx, settings, relevant }: CheckerMount): CheckerApi {
  // Until the reader's added packs are read, the bundled records alone.
  let engine = createLazyEngine(currentDataset());
  let session: { checker: PageChecker; ui: PageUiController; stop: AbortController } | null = null;
  let paused = isPaused(settings, location.hostname);
  let showUnverified = settings.showUnverified;
  let strongMarks = settings.highlightStyle === 'background';
  const badge = createBadgeReporter();

  /** Whether the loader's test still speaks for the page (only until the first start). */
  let knownRelevant = relevant;
  const startSession = () => {
    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    const checker = new PageChecker({
      doc: document,
      engine,
      signal: stop.signal,
      showUnverified,
      strongMarks,
      // The claims shown, worked out once for the page's UI and the toolbar badge: a long
      // page holds tens of thousands.
      onChange: () => {
        const shown = checker.visibleClaims;
        ui.update(shown);
        badge.report(shown.map((t) => t.claim));
      },
    });
    const ui = new PageUiController(document, checker, stop.signal);
    session = { checker, ui, stop };
    // The loader has just found the page worth checking in an idle moment: start at once.
    // Otherwise (resumed, or a selection to check) let the page finish its own work first.
    if (knownRelevant) checker.start(true);
    else ctx.requestIdleCallback(() => checker.start(), { timeout: 2000 });
    knownRelevant = false;
  };
  const stopSession = () => {
    session?.stop.abort();
    session = null;
    // Paused on this site: the page is no longer checked, so the badge says nothing.
    badge.report([]);
  };

  /**
   * The reader's added packs join the bundled records before the first check, and whenever
   * they change in storage the page is checked again from scratch with a new engine, so an
   * added or removed pack shows on open pages at once. A storage failure leaves the bundled
   * records alone (`loadAddedPacks` never throws).
   */
  let packsRead = false;
  const readPacks = async () => {
    const { packs } = await loadAddedPacks();
    if (ctx.isInvalid) return;
    useAddedPacks(packs);
    engine = createLazyEngine(currentDataset());
    const first = !packsRead;
    packsRead = true;
    if (paused) return;
    if (first) startSession();
    else if (session) {
      stopSession();
      startSession();
    }
  };
  // Messages wait for the first read, so a selection checked as the checker loads finds its session.
  const packsReady = readPacks().catch(() => undefined);
  const unwatchPacks = watchAddedPacks(() => void readPacks());
  ctx.onInvalidated(() => releaseListener(unwatchPacks));

  // Chromium leaves an updated or disabled extension's content scripts running, cut off from
  // it, and tells them nothing. Look every few seconds: once the extension is gone,
  // `ctx.isInvalid` aborts the context, and every part of the checker takes itself off the page.
  const alive = window.setInterval(() => {
    if (ctx.isInvalid) window.clearInterval(alive);
  }, ALIVE_CHECK_MS);
  ctx.onInvalidated(() => window.clearInterval(alive));

  // A single-page site moved on (a new body, a new address): a fresh session reads the new
  // page, watches its body and puts the UI on it; the toolbar badge starts again with it.
  watchNavigation(document, {
    signal: ctx.signal,
    urlPollMs: URL_POLL_MS,
    onNavigate: () => {
      badge.forget();
      if (!session) return;
      stopSession();
      startSession();
    },
  });

  const unwatch = settingsItem.watch((value) => {
    const next = normaliseSettings(value);
    showUnverified = next.showUnverified;
    session?.checker.setShowUnverified(showUnverified);
    strongMarks = next.highlightStyle === 'background';
    session?.checker.setStrongMarks(strongMarks);
    const nowPaused = isPaused(next, location.hostname);
    if (nowPaused === paused) return;
    paused = nowPaused;
    if (paused) stopSession();
    else if (packsRead) startSession();
  });
  ctx.onInvalidated(() => releaseListener(unwatch));

  // Each answer waits for the added packs' first read, so it speaks for the full dataset.
  const handlers: HandlersOf<ContentScriptMessages> = {
    'get-page-status': () => packsReady.then(() => pageStatus()),
    'open-claim': ({ id }) => packsReady.then(() => session?.ui.open(id, 'keyboard') ?? false),
    'check-selection': ({ text }) => packsReady.then(() => checkSelection(text)),
  };
  const handle = (message: ContentMessage) => dispatch(handlers, message, undefined);

  /** "Check this statistic": the best official match for the selection, in a card beside it. */
  function checkSelection(text: string): boolean {
    const selection = window.getSelection();
    if (!session || !selection || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0).cloneRange();
    const words = (text || selection.toString()).replace(/\s+/g, ' ').trim();
    if (words === '') return false;
    // The paragraph's own reading first (its topic and place come from around it), then the
    // selection alone as a typed statement.
    const around = session.checker.claimsAround(range).find(({ range: r }) => overlaps(r, range));
    if (around) {
      session.ui.showSelectionCheck(viewOf('selection', around.claim), range);
      return true;
    }
    const [best] = engine.checkStatement(words, 1);
    const view = viewOf('selection', {
      mention: best?.mention ?? words,
      sentence: words,
      verdict: best?.verdict ?? 'unverified',
      reason: best?.reason ?? 'No official figure in the dataset is close to the selected text.',
      recordId: best?.recordId ?? null,
      notHeldId: best?.notHeldId ?? null,
      official: best?.official ?? null,
    });
    session.ui.showSelectionCheck(view, range);
    return true;
  }

  function pageStatus(): ContentScriptMessages['get-page-status']['response'] {
    const { shown, counts } = listed(session?.checker.visibleClaims ?? [], (t) => t.claim.verdict);
    const status: PageStatus = {
      relevant: session?.checker.isRelevant ?? false,
      paused,
      url: location.href,
      title: document.title,
      counts,
      claims: shown.map((t) => ({
        id: t.id,
        mention: t.claim.mention,
        sentence: t.claim.sentence,
        verdict: t.claim.verdict,
        reason: t.claim.reason,
        officialDisplay: t.claim.official?.display ?? null,
        sourceLabel: t.claim.official ? sourceLabelOf(t.claim.official.source) : null,
        official: t.claim.official,
      })),
    };
    return status;
  }
  return { handle };
}

/** "Kent Police, FOI 123"; for a pack the reader added, "from a pack you added: <title>" too. */
function sourceLabelOf(source: Official['source']): string {
  const pack = addedPackOfSource(source.id);
  return [source.publisher, source.reference, pack && `from a pack you added: ${pack.title}`]
    .filter(Boolean)
    .join(', ');
}
