import { useMemo, useState } from 'preact/hooks';
import type { Figure, Source } from '@/data/schema';
import { formatFigure } from '@/components/format/figure';
import { placeName } from '@/components/format/place-name';

export interface FigureTableProps {
  figures: readonly Figure[];
  sources: readonly Source[];
}

type SortKey = 'measure' | 'place' | 'period' | 'value' | 'source';

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'measure', label: 'Measure' },
  { key: 'place', label: 'Place' },
  { key: 'period', label: 'Period' },
  { key: 'value', label: 'Value' },
  { key: 'source', label: 'Source' },
];

/** Every official figure the extension knows, searchable and sortable, with no page needed. */
export function FigureTable({ figures, sources }: FigureTableProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'measure', dir: 1 });
  const sourceTitle = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);

  const rows = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const text = (f: Figure) =>
      `${f.measure} ${placeName(f.place)} ${f.period.label} ${f.valueText} ${sourceTitle.get(f.sourceId) ?? ''} ${f.topics.join(' ')}`.toLowerCase();
    const keyOf = (f: Figure): string | number => {
      switch (sort.key) {
        case 'value':
          return f.value;
        case 'place':
          return placeName(f.place);
        case 'period':
          return `${f.period.from || '9999'} ${f.period.to}`;
        case 'source':
          return sourceTitle.get(f.sourceId) ?? '';
        default:
          return f.measure;
      }
    };
    return figures
      .filter((f) => words.every((w) => text(f).includes(w)))
      .sort((a, b) => {
        const x = keyOf(a);
        const y = keyOf(b);
        const c =
          typeof x === 'number' && typeof y === 'number'
            ? x - y
            : String(x).localeCompare(String(y));
        return c * sort.dir || a.id.localeCompare(b.id);
      });
  }, [figures, query, sort, sourceTitle]);

  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Official figures ({figures.length})</h2>
      <label class="field">
        Search the figures{' '}
        <input
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          placeholder="Thanet, referrals, 2024…"
        />
      </label>
      <p class="muted" role="status">
        {rows.length} of {figures.length} figures
      </p>
      <table class="figures">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={
                  sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'
                }
              >
                <button
                  type="button"
                  onClick={() =>
                    setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))
                  }
                >
                  {c.label}
                  <span aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              <td>{f.measure}</td>
              <td>{placeName(f.place)}</td>
              <td>{f.period.label || 'not stated'}</td>
              <td class="num">{formatFigure(f)}</td>
              <td>{sourceTitle.get(f.sourceId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
