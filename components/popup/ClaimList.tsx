import type { ClaimSummary } from '@/utils/messages/content';
import { moreNotListed, VERDICT_LABELS, VERDICT_ORDER, type VerdictCounts } from '@/utils/verdicts';
import { officialFigureText } from './official-figure';

export interface ClaimListProps {
  /** The claims listed: on a long page, the first of each verdict only. */
  claims: readonly ClaimSummary[];
  /** How many claims of each verdict the page holds in all. */
  counts: VerdictCounts;
  /** Scroll the page to a claim and open its card. */
  onOpen(id: string): void;
  onReport(claim: ClaimSummary): void;
}

/** The page's claims grouped by verdict, worst news first. */
export function ClaimList({ claims, counts, onOpen, onReport }: ClaimListProps) {
  if (claims.length === 0) {
    return (
      <p class="popup__notice">No statistics on this page match the official figures’ topics.</p>
    );
  }
  return (
    <div class="claims">
      {VERDICT_ORDER.map((verdict) => {
        const group = claims.filter((c) => c.verdict === verdict);
        if (group.length === 0) return null;
        const label = VERDICT_LABELS[verdict];
        const total = Math.max(counts[verdict], group.length);
        const more = moreNotListed(total, group.length);
        return (
          <section key={verdict} class={`claims__group claims__group--${verdict}`}>
            <h3>
              <span aria-hidden="true" class="verdict-icon">
                {label.icon}
              </span>{' '}
              {label.plural} ({total.toLocaleString('en-GB')})
            </h3>
            <ul>
              {group.map((claim) => (
                <li key={claim.id} class="claim">
                  <button type="button" class="claim__open" onClick={() => onOpen(claim.id)}>
                    <span class="claim__mention">{claim.mention}</span>
                  </button>
                  {claim.officialDisplay !== null && (
                    <span class="claim__official">
                      {' '}
                      · official:{' '}
                      {claim.official ? officialFigureText(claim.official) : claim.officialDisplay}
                    </span>
                  )}
                  {claim.sourceLabel !== null && (
                    <span class="claim__source"> · {claim.sourceLabel}</span>
                  )}{' '}
                  <button
                    type="button"
                    class="claim__report"
                    aria-label={`Report a problem with ${claim.mention}`}
                    onClick={() => onReport(claim)}
                  >
                    Report
                  </button>
                </li>
              ))}
            </ul>
            {more && <p class="claims__more">{more}</p>}
          </section>
        );
      })}
    </div>
  );
}
