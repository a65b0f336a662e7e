import { figureById } from '@/data';
import type { Official } from '@/utils/engine';
import { formatFigure } from '@/components/format/figure';

/**
 * The official figure as the card says it, with its unit and time base ("over 100 a day",
 * "27.6 per 1,000 population"). The engine's `display` is the number alone, which reads as
 * the page's own figure when only the unit differs ("27.6 per cent" against 27.6 per 1,000).
 */
export function officialFigureText(official: Pick<Official, 'recordId' | 'display'>): string {
  const figure = figureById(official.recordId);
  return figure ? formatFigure(figure) : official.display;
}
