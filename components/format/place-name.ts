import type { Place } from '@/data/schema';
import { PLACE_LABELS } from '@/utils/engine/places';

/** Where a reader needs more words than the engine's short labels. */
const READER_NAMES: Partial<Record<Place, string>> = {
  uk: 'the UK',
  kmpt: 'Kent and Medway NHS and Social Care Partnership Trust (KMPT)',
};

/** A place id as a reader names it. */
export function placeName(place: string): string {
  return READER_NAMES[place as Place] ?? PLACE_LABELS[place as Place] ?? place;
}
