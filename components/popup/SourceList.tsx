import type { Source } from '@/data/schema';
import { formatDate } from '@/components/format/figure';

export interface SourceListProps {
  sources: readonly Source[];
  version: { edition: number; date: string };
}

/** The documents every official figure comes from, so a reader knows what "official" means here. */
export function SourceList({ sources, version }: SourceListProps) {
  return (
    <section aria-labelledby="sources-heading" class="sources">
      <h2 id="sources-heading">Sources</h2>
      <p class="sources__meta">
        Dataset edition {version.edition}, {formatDate(version.date)}.
      </p>
      <ul>
        {sources.map((s) => (
          <li key={s.id}>
            <span class="sources__title">{s.title}</span>
            <span class="sources__meta">
              {' '}
              — {s.publisher}
              {s.date !== '' && `, ${s.date}`}
              {s.reference !== '' && `, ${s.reference}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
