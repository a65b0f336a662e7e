import type { Place } from '@/data/schema';

/** Place ids as a reader names them. */
export const PLACE_NAMES: Record<Place, string> = {
  uk: 'the UK',
  'england-and-wales': 'England and Wales',
  kent: 'Kent',
  medway: 'Medway',
  'kent-and-medway': 'Kent and Medway',
  kmpt: 'Kent and Medway NHS and Social Care Partnership Trust (KMPT)',
  ashford: 'Ashford',
  canterbury: 'Canterbury',
  dartford: 'Dartford',
  dover: 'Dover',
  'folkestone-and-hythe': 'Folkestone and Hythe',
  gravesham: 'Gravesham',
  maidstone: 'Maidstone',
  sevenoaks: 'Sevenoaks',
  swale: 'Swale',
  thanet: 'Thanet',
  'tonbridge-and-malling': 'Tonbridge and Malling',
  'tunbridge-wells': 'Tunbridge Wells',
};

export function placeName(place: string): string {
  return place in PLACE_NAMES ? PLACE_NAMES[place as Place] : place;
}
