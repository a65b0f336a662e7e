/**
 * Series checks: the figures of one series (a table row, a year-by-year breakdown) share
 * their source, measure and unit, have distinct labels and points, at most one total, and
 * a total that is the sum of the other points, since the engine reads a row and its total
 * together.
 */
import type { Figure } from './schema';
import { DATA_FILES, line } from './files';

/** Fields every figure of one series must share. */
const SERIES_SHARED = ['sourceId', 'measure', 'unit', 'timeBase', 'rateBase'] as const;

export function checkSeries(figures: readonly Figure[], errors: string[]): void {
  const file = DATA_FILES.figures;
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (!figure.series) continue;
    const group = groups.get(figure.series.id) ?? [];
    group.push(figure);
    groups.set(figure.series.id, group);
  }
  for (const [seriesId, group] of groups) {
    const first = group[0];
    if (!first) continue;
    if (group.length < 2) {
      errors.push(
        line(
          file,
          `record "${first.id}"`,
          'series.id',
          `series "${seriesId}" has only this figure; a series needs at least two`,
        ),
      );
      continue;
    }
    const labels = new Map<string, string>();
    const points = new Map<string, string>();
    let totalId: string | undefined;
    for (const figure of group) {
      const label = `record "${figure.id}"`;
      for (const field of SERIES_SHARED) {
        if (figure[field] !== first[field]) {
          errors.push(
            line(
              file,
              label,
              field,
              `differs within series "${seriesId}": "${figure[field]}" here, "${first[field]}" in "${first.id}"`,
            ),
          );
        }
      }
      const pointLabel = figure.series?.label ?? '';
      const sameLabel = labels.get(pointLabel);
      if (sameLabel !== undefined) {
        errors.push(
          line(
            file,
            label,
            'series.label',
            `label "${pointLabel}" is also used by "${sameLabel}" in series "${seriesId}"`,
          ),
        );
      } else labels.set(pointLabel, figure.id);
      if (figure.series?.total) {
        if (totalId !== undefined) {
          errors.push(
            line(
              file,
              label,
              'series.total',
              `series "${seriesId}" already has a total ("${totalId}")`,
            ),
          );
        } else totalId = figure.id;
        continue;
      }
      const key = `${figure.place}|${figure.period.from}|${figure.period.to}|${figure.period.label}`;
      const samePoint = points.get(key);
      if (samePoint !== undefined) {
        errors.push(
          line(
            file,
            label,
            'period',
            `same place and period as "${samePoint}" in series "${seriesId}"`,
          ),
        );
      } else points.set(key, figure.id);
    }
    const total = group.find((f) => f.id === totalId);
    const others = group.filter((f) => f.id !== totalId);
    if (total && others.length > 0 && [total, ...others].every((f) => f.unit === 'count')) {
      const sum = others.reduce((acc, f) => acc + f.value, 0);
      if (sum !== total.value) {
        errors.push(
          line(
            file,
            `record "${total.id}"`,
            'value',
            `total ${total.value} of series "${seriesId}" is not the sum of its other points (${sum})`,
          ),
        );
      }
    }
  }
}
