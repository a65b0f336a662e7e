/**
 * District names live in two places for a reason: the loader's relevance test is one cheap
 * regex that must not pull in the engine's place tables. This keeps them in step: every place
 * the engine reads as local is also a reason for the loader to look at the page.
 */
import { describe, expect, it } from 'vitest';
import { DISTRICTS, PLACE_LABELS } from '@/utils/engine/places';
import { LOCAL_CONTEXT_RE } from '@/utils/engine/relevance';

describe('the relevance test and the place tables', () => {
  it('the loader looks at a page that names any Kent district, Kent or Medway', () => {
    const local = [...DISTRICTS, 'kent', 'medway', 'kent-and-medway', 'kmpt'] as const;
    expect(local.length).toBeGreaterThanOrEqual(16);
    for (const place of local) {
      const label = PLACE_LABELS[place];
      expect(LOCAL_CONTEXT_RE.test(`Figures for ${label} were published.`), label).toBe(true);
    }
  });
});
