import { useEffect, useRef } from 'preact/hooks';
import { FactCard, type CardClaim } from '@/components/card/FactCard';
import { moreNotListed, VERDICT_LABELS, VERDICT_ORDER, type VerdictCounts } from '@/utils/verdicts';
import type { Figure, NotHeld, Source } from '@/data/schema';
import type { Official } from '@/utils/engine';

/** A claim as the in-page UI shows it, with its official record resolved. */
export interface PageClaimView extends CardClaim {
  id: string;
  figure: Figure | null;
  notHeld: NotHeld | null;
  source: Source | null;
  series: readonly Figure[];
  /** The title of the pack the reader added that the record came from; null when bundled. */
  addedPack: string | null;
  /** The official figure as the engine reported it (what a report cites). */
  official: Official | null;
}

export interface AnchorRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PageUiProps {
  /** How many claims the page has (the floating control's count). */
  count: number;
  /**
   * The claims for the open list; empty while it is closed. A long page has thousands: the
   * first of each verdict only (see `listed`), with `counts` saying how many there are.
   */
  claims: readonly PageClaimView[];
  counts: VerdictCounts;
  /** The claim whose card is open: one of the page's claims, or a checked selection. */
  openClaim: PageClaimView | null;
  /** Viewport rectangle of the open claim's words; the card sits beside it, never on it. */
  anchor: AnchorRect | null;
  /** Move focus into the card when it opens (keyboard and list use). */
  focusCard: boolean;
  listOpen: boolean;
  viewport: { width: number; height: number };
  onOpenClaim(id: string): void;
  onCloseCard(): void;
  onToggleList(open: boolean): void;
  /** Lets the controller keep pointer events over the card from closing it. */
  onCardHover(inside: boolean): void;
  /**
   * "Report a problem…": the report form opens in an extension page, never in this page's
   * DOM, where a page script could read the reader's e-mail address or save reports itself.
   */
  onReport(claim: PageClaimView): void;
}

const CARD_WIDTH = 360;
const GAP = 8;
const MARGIN = 8;

/** Places the card below the words when there is room, above otherwise, always on screen. */
export function cardPosition(anchor: AnchorRect, viewport: { width: number; height: number }) {
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - width - MARGIN));
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  if (below >= 240 || below >= above) {
    return { left, width, top: anchor.bottom + GAP, maxHeight: Math.max(120, below) };
  }
  return {
    left,
    width,
    bottom: viewport.height - anchor.top + GAP,
    maxHeight: Math.max(120, above),
  };
}

export function PageUi(props: PageUiProps) {
  const { claims, openClaim: open, anchor, listOpen, viewport } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open && props.focusCard) cardRef.current?.focus();
  }, [open?.id, props.focusCard]);

  const { count } = props;
  if (count === 0 && !open) return null;
  const position = open && anchor ? cardPosition(anchor, viewport) : null;

  return (
    <div class="ksc">
      {count > 0 && (
        <div class="ksc-dock">
          <button
            type="button"
            ref={toggleRef}
            class="ksc-toggle"
            aria-expanded={listOpen}
            onClick={() => props.onToggleList(!listOpen)}
          >
            {count} {count === 1 ? 'figure' : 'figures'} checked
          </button>
          {listOpen && (
            <div class="ksc-list" role="dialog" aria-label="Figures checked on this page">
              <ol>
                {VERDICT_ORDER.flatMap((verdict) => {
                  const group = claims.filter((c) => c.verdict === verdict);
                  const more = moreNotListed(props.counts[verdict], group.length);
                  return [
                    ...group.map((c) => (
                      <li key={c.id}>
                        <button
                          type="button"
                          class={`ksc-list__item ksc-list__item--${c.verdict}`}
                          onClick={() => props.onOpenClaim(c.id)}
                        >
                          <span aria-hidden="true" class="ksc-icon">
                            {VERDICT_LABELS[c.verdict].icon}
                          </span>
                          <span class="ksc-list__mention">{c.mention}</span>
                          <span class="ksc-list__verdict">{VERDICT_LABELS[c.verdict].plural}</span>
                        </button>
                      </li>
                    )),
                    ...(more
                      ? [
                          <li key={`more-${verdict}`} class="ksc-list__more">
                            {VERDICT_LABELS[verdict].plural}: {more}
                          </li>,
                        ]
                      : []),
                  ];
                })}
              </ol>
            </div>
          )}
        </div>
      )}
      {open && position && (
        <div
          ref={cardRef}
          class="ksc-card"
          role="dialog"
          aria-modal="false"
          aria-labelledby="ksc-card-title"
          tabIndex={-1}
          style={{
            left: `${position.left}px`,
            width: `${position.width}px`,
            maxHeight: `${position.maxHeight}px`,
            ...(position.top !== undefined
              ? { top: `${position.top}px` }
              : { bottom: `${position.bottom}px` }),
          }}
          onMouseEnter={() => props.onCardHover(true)}
          onMouseLeave={() => props.onCardHover(false)}
        >
          <FactCard
            claim={open}
            figure={open.figure}
            notHeld={open.notHeld}
            source={open.source}
            series={open.series}
            addedPack={open.addedPack}
            titleId="ksc-card-title"
            onClose={props.onCloseCard}
            onReport={() => props.onReport(open)}
          />
        </div>
      )}
    </div>
  );
}
