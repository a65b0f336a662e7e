import type { Figure, NotHeld, Source } from '@/data/schema';
import { VERDICT_LABELS, type Verdict } from '@/utils/verdicts';
import { formatDate, formatFigure } from '@/components/format/figure';
import { placeName } from '@/components/format/place-name';
import { textFragmentUrl } from '@/components/format/text-fragment';
import { SeriesChart } from './SeriesChart';

/** What the card needs to know about the page's claim (serialisable, engine-independent). */
export interface CardClaim {
  mention: string;
  sentence: string;
  verdict: Verdict;
  reason: string;
}

export interface FactCardProps {
  claim: CardClaim;
  /** The official figure checked against (match, mismatch). */
  figure: Figure | null;
  /** The statement of data not held (not-held). */
  notHeld: NotHeld | null;
  source: Source | null;
  /** The figure's series in canonical order, empty when it has none. */
  series: readonly Figure[];
  /**
   * The title of the pack the reader added that holds the record, so its figures are never
   * mistaken for the extension's own; null or absent for a bundled record.
   */
  addedPack?: string | null;
  titleId: string;
  onClose(): void;
  /** Opens the report form; without it the card has no Report button. */
  onReport?(): void;
}

/**
 * The fact card: the page's words, the verdict and why, and the official figure with its provenance.
 * Its header and source are plain `div`s: a `<header>` or `<footer>` in the page's body would
 * add a second banner and contentinfo landmark to someone else's page.
 */
export function FactCard({
  claim,
  figure,
  notHeld,
  source,
  series,
  addedPack,
  titleId,
  onClose,
  onReport,
}: FactCardProps) {
  const label = VERDICT_LABELS[claim.verdict];
  const quote = figure?.quote ?? notHeld?.quote ?? '';
  const link = source
    ? source.url
      ? textFragmentUrl(source.url, quote)
      : (source.republished?.url ?? '')
    : '';
  return (
    <div class={`card card--${claim.verdict}`}>
      <div class="card__header">
        <p class="card__verdict" id={titleId}>
          <span class="card__icon" aria-hidden="true">
            {label.icon}
          </span>{' '}
          {label.singular}
        </p>
        <button type="button" class="card__close" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <p class="card__page">
        <span class="card__caption">This page says</span>{' '}
        <mark class="card__mention">{claim.mention}</mark>
      </p>
      <p class="card__reason">{claim.reason}</p>
      {figure && (
        <section class="card__official" aria-label="Official figure">
          <p class="card__figure">
            <span class="card__caption">Official figure</span>{' '}
            <strong>{formatFigure(figure)}</strong>
          </p>
          <p class="card__scope">
            {figure.measure} · {placeName(figure.place)}
            {figure.period.label && ` · ${figure.period.label}`}
          </p>
          {series.length > 1 && <SeriesChart series={series} currentId={figure.id} />}
        </section>
      )}
      {notHeld && (
        <p class="card__scope">
          {notHeld.body} says it does not hold: {notHeld.measure.toLowerCase()}.
        </p>
      )}
      {quote && (
        <blockquote class="card__quote" cite={link || undefined}>
          “{quote}”
        </blockquote>
      )}
      {source && (
        <div class="card__source">
          {addedPack && (
            <p class="card__pack">
              <span class="card__caption">From a pack you added:</span> {addedPack}
            </p>
          )}
          <p>
            <span class="card__caption">Source</span> {source.title}
          </p>
          <p>
            {source.publisher}
            {figure?.producer && ` · figure produced by ${figure.producer}`}
            {source.date && ` · ${formatDate(source.date)}`}
            {source.reference && ` · ${source.reference}`}
          </p>
          {source.secondary && (
            <p class="card__secondary">
              Secondary source: a news report of the original answer, not the answer itself.
            </p>
          )}
          {source.republished && (
            <p>
              Republished by {source.republished.publisher}
              {source.republished.date && ` on ${formatDate(source.republished.date)}`}
            </p>
          )}
          {link && (
            <p>
              <a href={link} target="_blank" rel="noopener noreferrer">
                Open the source
              </a>
            </p>
          )}
        </div>
      )}
      {onReport && (
        <p class="card__actions">
          <button type="button" class="card__report" onClick={onReport}>
            Report a problem…
          </button>
        </p>
      )}
    </div>
  );
}
