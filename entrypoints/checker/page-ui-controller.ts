/**
 * Connects the page checker to the reader: one delegated listener per event type with
 * hit-testing (not a listener per mark), the card and the "N figures checked" control in a
 * shadow root, and keyboard handling. The shadow root is made only once there is something
 * to show, so a page without claims gets nothing added to its DOM.
 */
import { h, render } from 'preact';
import { PageUi, type AnchorRect, type PageClaimView } from '@/components/page/PageUi';
import pageUiCss from '@/components/page/page-ui.css?inline';
import { sendToBackground } from '@/utils/messages/send';
import { addedPackOfSource, figureById, notHeldStatementById, seriesOf, sourceById } from '@/data';
import type { TrackedClaim } from '@/utils/dom/claim-index';
import { liveRange } from '@/utils/dom/claim-range';
import type { PageChecker } from '@/utils/dom/page-checker';
import { createShadowHost, type ShadowHost } from '@/utils/dom/shadow-host';
import { listed, noVerdicts } from '@/utils/verdicts';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS } from './hover-timing';

type OpenedBy = 'pointer' | 'click' | 'keyboard';

export class PageUiController {
  private host: ShadowHost | null = null;
  private visible: readonly TrackedClaim[] = [];
  private openId: string | null = null;
  /** A "Check this statistic" result, shown at the reader's selection. */
  private selection: { view: PageClaimView; range: Range } | null = null;
  private openedBy: OpenedBy = 'click';
  private listOpen = false;
  private hoverTimer: number | undefined;
  private closeTimer: number | undefined;
  private pointerInCard = false;
  private frame: number | undefined;
  private readonly win: Window;

  constructor(
    private readonly doc: Document,
    private readonly checker: PageChecker,
    private readonly signal: AbortSignal,
  ) {
    this.win = doc.defaultView!;
    const opts = { signal, passive: true } as const;
    doc.addEventListener('click', (e) => this.onClick(e), { signal, capture: true });
    doc.addEventListener('mousemove', (e) => this.onMouseMove(e), opts);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
    this.win.addEventListener('scroll', () => this.onViewportChange(), { ...opts, capture: true });
    this.win.addEventListener('resize', () => this.onViewportChange(), opts);
    signal.addEventListener('abort', () => this.dispose());
  }

  /** The checker found a new set of claims: `shown`, those the reader sees, in page order. */
  update(shown: readonly TrackedClaim[]): void {
    // Views are made when shown (the open list, the open card), not for every claim here.
    this.visible = shown;
    if (
      this.openId &&
      this.openId !== this.selection?.view.id &&
      !this.checker.claimById(this.openId)
    ) {
      this.openId = null;
    }
    this.render();
  }

  /** Shows a check the reader asked for in a card beside their selection. */
  showSelectionCheck(view: PageClaimView, range: Range): void {
    this.selection = { view, range };
    this.openId = view.id;
    this.openedBy = 'keyboard';
    this.render();
  }

  /**
   * Opens a claim's card. Opened from the popup, the list or the keyboard, its words are
   * scrolled into view first if they are not in view; opened by the pointer, they are under
   * it already, and scrolling would move other words under it (and the hover that follows
   * would open their card over this one).
   */
  open(id: string, by: OpenedBy): boolean {
    const tracked = this.checker.claimById(id);
    if (!tracked) return false;
    if (by === 'keyboard' && !this.inView(id)) {
      const target = tracked.range.startContainer.parentElement;
      target?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
    // A hover that was about to open a card must not reopen one over this (or over a report form).
    this.win.clearTimeout(this.hoverTimer);
    this.win.clearTimeout(this.closeTimer);
    this.openId = id;
    this.openedBy = by;
    this.render();
    return true;
  }

  close(): void {
    if (this.openId === null) return;
    this.openId = null;
    this.selection = null;
    this.pointerInCard = false;
    this.render();
  }

  // Only the reader's own input acts: a page script can dispatch clicks, pointer moves and
  // keys (`isTrusted` false) but must not open, close or steer the card.
  // A click inside the UI is seen here, at the document, with a path that stops at the host
  // (the root is closed): the host alone tells that the click was in the UI.
  private onClick(event: MouseEvent): void {
    if (!event.isTrusted) return;
    if (this.host && event.composedPath().includes(this.host.host)) return;
    const hit = this.checker.claimAt(event.clientX, event.clientY);
    if (hit) {
      this.open(hit.id, 'click');
      return;
    }
    if (this.openId !== null || this.listOpen) {
      this.listOpen = false;
      this.close();
      this.render();
    }
  }

  private onMouseMove(event: MouseEvent): void {
    if (!event.isTrusted || this.frame !== undefined) return;
    const { clientX, clientY } = event;
    const inUi = this.host !== null && event.composedPath().includes(this.host.host);
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = undefined;
      if (inUi) return;
      const hit = this.checker.claimAt(clientX, clientY);
      this.win.clearTimeout(this.hoverTimer);
      if (hit) {
        this.win.clearTimeout(this.closeTimer);
        // A card the reader opened on purpose stays until they close it: the pointer on its
        // way to the card, or resting on other words, does not swap it for another.
        if (hit.id !== this.openId && (this.openId === null || this.openedBy === 'pointer')) {
          this.hoverTimer = this.win.setTimeout(() => this.open(hit.id, 'pointer'), HOVER_OPEN_MS);
        }
      } else if (this.openId !== null && this.openedBy === 'pointer' && !this.pointerInCard) {
        this.win.clearTimeout(this.closeTimer);
        this.closeTimer = this.win.setTimeout(() => {
          if (!this.pointerInCard && this.openedBy === 'pointer') this.close();
        }, HOVER_CLOSE_MS);
      }
    });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape') return;
    if (this.openId === null && !this.listOpen) return;
    const returnToList = this.openId !== null && this.listOpen;
    this.close();
    if (!returnToList) this.listOpen = false;
    this.render();
    // Give focus back to the control the reader came from.
    const toggle = this.host?.root.querySelector<HTMLElement>('.ksc-toggle');
    toggle?.focus();
  }

  private onViewportChange(): void {
    if (this.openId === null) return;
    const anchor = this.anchorOf(this.openId);
    // Scrolled away: the card has nothing to stand beside.
    if (!anchor || anchor.bottom < 0 || anchor.top > this.win.innerHeight) this.close();
    else this.render();
  }

  /** True when a claim's words are wholly inside the window. */
  private inView(id: string): boolean {
    const r = this.anchorOf(id);
    return r !== null && r.top >= 0 && r.bottom <= this.win.innerHeight;
  }

  private anchorOf(id: string): AnchorRect | null {
    const range =
      this.selection?.view.id === id ? this.selection.range : this.checker.claimById(id)?.range;
    const r = range ? liveRange(range)?.getBoundingClientRect() : undefined;
    if (!r) return null;
    if (r.width === 0 && r.height === 0) return null;
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }

  private render(): void {
    if (this.signal.aborted) return;
    if (this.visible.length === 0 && this.selection === null && this.host === null) return;
    this.host ??= createShadowHost(this.doc, pageUiCss);
    const list = this.listOpen ? listed(this.visible, (t) => t.claim.verdict) : null;
    render(
      h(PageUi, {
        count: this.visible.length,
        claims: list ? list.shown.map(toView) : [],
        counts: list?.counts ?? noVerdicts(),
        openClaim:
          this.openId === null
            ? null
            : this.selection?.view.id === this.openId
              ? this.selection.view
              : this.openView(),
        anchor: this.openId ? this.anchorOf(this.openId) : null,
        focusCard: this.openedBy === 'keyboard',
        listOpen: this.listOpen,
        viewport: { width: this.win.innerWidth, height: this.win.innerHeight },
        onOpenClaim: (id) => this.open(id, 'keyboard'),
        onCloseCard: () => this.close(),
        onToggleList: (open) => {
          this.listOpen = open;
          this.render();
        },
        onReport: (claim) => this.report(claim),
        onCardHover: (inside) => {
          this.pointerInCard = inside;
          if (inside) this.win.clearTimeout(this.closeTimer);
        },
      }),
      this.host.mount,
    );
  }

  /** Hands the claim to the extension's report page (opened by the background in a new tab). */
  private report(claim: PageClaimView): void {
    sendToBackground('open-report', {
      subject: {
        mention: claim.mention,
        sentence: claim.sentence,
        verdict: claim.verdict,
        official: claim.official,
      },
      page: { url: this.doc.location?.href ?? '', title: this.doc.title },
    }).catch(() => {
      // The extension was updated or removed under the page: nothing can open the form now.
    });
  }

  private openView(): PageClaimView | null {
    const tracked = this.openId ? this.checker.claimById(this.openId) : undefined;
    return tracked ? toView(tracked) : null;
  }

  private dispose(): void {
    this.win.clearTimeout(this.hoverTimer);
    this.win.clearTimeout(this.closeTimer);
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    if (this.host) {
      render(null, this.host.mount);
      this.host.remove();
      this.host = null;
    }
  }
}

function toView(t: TrackedClaim): PageClaimView {
  return viewOf(t.id, t.claim);
}

/** Resolves a claim's record, statement, source and series for the card. */
export function viewOf(
  id: string,
  claim: Pick<
    TrackedClaim['claim'],
    'mention' | 'sentence' | 'verdict' | 'reason' | 'recordId' | 'notHeldId' | 'official'
  >,
): PageClaimView {
  const figure = claim.recordId ? (figureById(claim.recordId) ?? null) : null;
  const notHeld = claim.notHeldId ? (notHeldStatementById(claim.notHeldId) ?? null) : null;
  const sourceId = figure?.sourceId ?? notHeld?.sourceId;
  return {
    id,
    mention: claim.mention,
    sentence: claim.sentence,
    verdict: claim.verdict,
    reason: claim.reason,
    figure,
    notHeld,
    source: sourceId ? (sourceById(sourceId) ?? null) : null,
    series: figure ? seriesOf(figure) : [],
    addedPack: sourceId ? (addedPackOfSource(sourceId)?.title ?? null) : null,
    official: claim.official,
  };
}
