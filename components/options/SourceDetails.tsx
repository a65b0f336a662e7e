import type { Figure, NotHeld, Source } from '@/data/schema';
import { formatDate } from '@/components/format/figure';

export interface SourceDetailsProps {
  sources: readonly Source[];
  figures: readonly Figure[];
  notHeld: readonly NotHeld[];
}

const KIND_LABELS: Record<Source['kind'], string> = {
  'foi-response': 'Freedom of Information response',
  'council-publication': 'Council publication',
  'news-report': 'News report (secondary source)',
  policy: 'Policy document',
  'official-statistics': 'Official statistics table',
};

/** Each source with what is known about it; unknown details are said to be unknown. */
export function SourceDetails({ sources, figures, notHeld }: SourceDetailsProps) {
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {sources.map((s) => {
        const count = figures.filter((f) => f.sourceId === s.id).length;
        const statements = notHeld.filter((n) => n.sourceId === s.id);
        return (
          <article key={s.id} class="source">
            <h3>{s.title}</h3>
            <dl>
              <dt>Kind</dt>
              <dd>{KIND_LABELS[s.kind]}</dd>
              <dt>Publisher</dt>
              <dd>{s.publisher}</dd>
              <dt>Date</dt>
              <dd>{s.date ? formatDate(s.date) : 'not stated'}</dd>
              {s.reference && (
                <>
                  <dt>Reference</dt>
                  <dd>{s.reference}</dd>
                </>
              )}
              {s.url && (
                <>
                  <dt>Address</dt>
                  <dd>
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.url}
                    </a>
                  </dd>
                </>
              )}
              {s.republished && (
                <>
                  <dt>Republished</dt>
                  <dd>
                    {s.republished.publisher}
                    {s.republished.date && `, ${formatDate(s.republished.date)}`}
                    {s.republished.url && (
                      <>
                        {' '}
                        (
                        <a href={s.republished.url} target="_blank" rel="noopener noreferrer">
                          link
                        </a>
                        )
                      </>
                    )}
                  </dd>
                </>
              )}
              <dt>In the dataset</dt>
              <dd>
                {count} {count === 1 ? 'figure' : 'figures'}
                {statements.length > 0 && `, ${statements.length} statements of figures not held`}
              </dd>
            </dl>
            {s.note && <p class="muted">{s.note}</p>}
          </article>
        );
      })}
    </section>
  );
}
