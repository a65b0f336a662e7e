import type { Figure } from '@/data/schema';

export interface SeriesChartProps {
  /** The series' figures in canonical order; a total, if any, is drawn apart. */
  series: readonly Figure[];
  /** The figure the card is about, marked in the chart. */
  currentId: string;
}

const WIDTH = 280;
const BAR_AREA = 90;

/** A small bar chart of a series, so a reader sees where this figure sits among its siblings. */
export function SeriesChart({ series, currentId }: SeriesChartProps) {
  const points = series.filter((f) => !f.series?.total);
  const total = series.find((f) => f.series?.total);
  if (points.length < 2) return null;
  const max = Math.max(...points.map((f) => f.value));
  const slot = WIDTH / points.length;
  const barWidth = Math.min(48, slot * 0.6);
  const summary = points.map((f) => `${f.series?.label ?? ''}: ${f.valueText}`).join('; ');
  return (
    <figure class="series">
      <svg
        viewBox={`0 0 ${WIDTH} ${BAR_AREA + 34}`}
        width={WIDTH}
        height={BAR_AREA + 34}
        role="img"
        aria-label={`Series: ${summary}${total ? `; total ${total.valueText}` : ''}`}
      >
        {points.map((f, i) => {
          const h = max > 0 ? Math.max(2, (f.value / max) * BAR_AREA) : 2;
          const x = i * slot + (slot - barWidth) / 2;
          const current = f.id === currentId;
          return (
            <g key={f.id} class={current ? 'series__bar series__bar--current' : 'series__bar'}>
              <rect x={x} y={BAR_AREA - h + 12} width={barWidth} height={h} rx={2} />
              <text
                x={x + barWidth / 2}
                y={BAR_AREA - h + 8}
                text-anchor="middle"
                class="series__value"
              >
                {f.valueText}
              </text>
              <text
                x={x + barWidth / 2}
                y={BAR_AREA + 26}
                text-anchor="middle"
                class="series__label"
              >
                {current ? `▲ ${f.series?.label ?? ''}` : (f.series?.label ?? '')}
              </text>
            </g>
          );
        })}
      </svg>
      {total && (
        <figcaption>
          {total.id === currentId ? '▲ ' : ''}
          {total.series?.label ?? 'Total'}: {total.valueText}
        </figcaption>
      )}
    </figure>
  );
}
