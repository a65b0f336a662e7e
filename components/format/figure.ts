import type { Figure } from '@/data/schema';

/**
 * An official figure as a reader says it: the source's own qualifier and number, then the
 * unit and time base ("over 100 a day", "27.6 per 1,000 population", "Three quarters").
 */
export function formatFigure(f: Figure): string {
  const qualifier =
    f.qualifierText && !f.valueText.toLowerCase().includes(f.qualifierText.toLowerCase())
      ? `${f.qualifierText} `
      : '';
  const unit = f.unit === 'per-1000' ? ` per 1,000 ${f.rateBase || 'population'}` : '';
  const per = f.timeBase ? ` a ${f.timeBase}` : '';
  return `${qualifier}${f.valueText}${unit}${per}`;
}

/** An ISO date as British readers write it; other forms ("2018", "") pass through. */
export function formatDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
