import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataset, figureById, seriesOf, sourceById } from '../../data/index';
import type { Dataset, Figure } from '../../data/schema';
import { DATA_FILES, validateDataset, validateSourceFiles } from '../../data/integrity';
import {
  FIGURE_KEYS,
  NOT_HELD_KEYS,
  SOURCE_KEYS,
  canonicalJson,
  canonicalMapJson,
  checkFormatting,
} from '../../data/canonical';
import { containsWhole, foldWhitespace, parseValueText, verifyQuotes } from '../../data/quotes';

const root = new URL('../../', import.meta.url);
const readText = (file: string): string => readFileSync(fileURLToPath(new URL(file, root)), 'utf8');
const readJson = (file: string): unknown => JSON.parse(readText(file)) as unknown;

type Json = Record<string, unknown>;

/** A fresh, mutable copy of the files as on disk. */
function rawFiles(): { sources: Json[]; figures: Json[]; notHeld: Json[] } {
  return {
    sources: readJson(DATA_FILES.sources) as Json[],
    figures: readJson(DATA_FILES.figures) as Json[],
    notHeld: readJson(DATA_FILES.notHeld) as Json[],
  };
}

function byId(records: Json[], id: string): Json {
  const record = records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
}

/** Errors for the files after `mutate`; the dataset must be refused. */
function errorsAfter(mutate: (files: ReturnType<typeof rawFiles>) => void): string[] {
  const files = rawFiles();
  mutate(files);
  const result = validateDataset(files);
  expect(result.dataset).toBeUndefined();
  return result.errors;
}

const SOURCE_COUNTS: Record<string, number> = {
  'canterbury-hub-kmpt-assaults-2018': 4,
  'kmpt-foi-52255-sexual-safety': 20,
  'kcc-domestic-abuse-strategy-consultation': 14,
};

/** The seed pack: the five seed documents' records, as `data/*.json` holds them. */
const seed = validateDataset(rawFiles()).dataset!;

describe('the seed dataset', () => {
  it('is bundled with every other pack, ids unique across packs', () => {
    expect(dataset.figures.length).toBeGreaterThan(seed.figures.length);
    for (const f of seed.figures) expect(figureById(f.id), f.id).toEqual(f);
  });

  it('is valid', () => {
    const result = validateDataset(rawFiles());
    expect(result.errors).toEqual([]);
    expect(result.dataset).toBeDefined();
  });

  it('has 38 figures, 5 not-held statements and 5 sources', () => {
    expect(seed.figures).toHaveLength(38);
    expect(seed.notHeld).toHaveLength(5);
    expect(seed.sources).toHaveLength(5);
  });

  it('has 4, 20 and 14 figures from the three sources with figures', () => {
    const counts: Record<string, number> = {};
    for (const figure of seed.figures) counts[figure.sourceId] = (counts[figure.sourceId] ?? 0) + 1;
    expect(counts).toEqual(SOURCE_COUNTS);
    expect(seed.notHeld.every((n) => n.sourceId === 'kcc-foi-10974577-staff-assaults')).toBe(true);
  });

  it('has ids unique within and across files', () => {
    const ids = [...seed.sources, ...seed.figures, ...seed.notHeld].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is stored in canonical order and formatting', () => {
    const files: [string, unknown[], typeof SOURCE_KEYS][] = [
      [DATA_FILES.sources, rawFiles().sources, SOURCE_KEYS],
      [DATA_FILES.figures, rawFiles().figures, FIGURE_KEYS],
      [DATA_FILES.notHeld, rawFiles().notHeld, NOT_HELD_KEYS],
    ];
    for (const [file, records, keys] of files) {
      expect(readText(file), file).toBe(canonicalJson(records, keys));
    }
    const map = readJson(DATA_FILES.sourceFiles) as Json;
    expect(readText(DATA_FILES.sourceFiles)).toBe(canonicalMapJson(map));
  });

  it('maps every source to a seed file', () => {
    const map = readJson(DATA_FILES.sourceFiles);
    expect(
      validateSourceFiles(
        map,
        seed.sources.map((s) => s.id),
      ),
    ).toEqual([]);
    expect(
      validateSourceFiles(
        { ...(map as Json), stray: 'x.txt' },
        seed.sources.map((s) => s.id),
      ),
    ).toEqual([expect.stringContaining('record "stray"')]);
  });

  it('has nine complete series', () => {
    const series = new Map<string, Figure[]>();
    for (const figure of seed.figures) {
      if (figure.series)
        series.set(figure.series.id, [...(series.get(figure.series.id) ?? []), figure]);
    }
    expect(series.size).toBe(9);
    for (const [id, figures] of series) {
      expect(figures.length, id).toBeGreaterThanOrEqual(2);
      expect(new Set(figures.map((f) => f.sourceId)).size, id).toBe(1);
      expect(new Set(figures.map((f) => f.unit)).size, id).toBe(1);
      expect(new Set(figures.map((f) => f.measure)).size, id).toBe(1);
      expect(new Set(figures.map((f) => f.series?.label)).size, id).toBe(figures.length);
      expect(figures.filter((f) => f.series?.total).length, id).toBeLessThanOrEqual(1);
    }
  });

  it("has 002's five series each summing to its total", () => {
    const totals = seed.figures.filter((f) => f.series?.total);
    expect(totals.map((f) => f.id).sort()).toEqual([
      'kmpt-foi-referrals-agency-staff-total',
      'kmpt-foi-referrals-all-total',
      'kmpt-foi-referrals-kmpt-staff-total',
      'kmpt-foi-referrals-other-staff-total',
      'kmpt-foi-referrals-staff-allegations-total',
    ]);
    for (const total of totals) {
      const points = seriesOf(total).filter((f) => !f.series?.total);
      expect(points).toHaveLength(3);
      expect(
        points.reduce((sum, f) => sum + f.value, 0),
        total.id,
      ).toBe(total.value);
    }
    expect(figureById('kmpt-foi-referrals-all-total')?.value).toBe(422);
  });

  it('orders a series by period with the total last', () => {
    const total = figureById('kmpt-foi-referrals-all-total');
    if (!total) throw new Error('missing');
    expect(seriesOf(total).map((f) => f.series?.label)).toEqual([
      '2023',
      '2024',
      '2025 to 2 Sep',
      'Total',
    ]);
    const y2015 = figureById('chub-patient-assaults-2015');
    if (!y2015) throw new Error('missing');
    expect(seriesOf(y2015).map((f) => f.value)).toEqual([979, 154, 103]);
    const noSeries = figureById('kcc-da-crimes-per-day-2021-22');
    if (!noSeries) throw new Error('missing');
    expect(seriesOf(noSeries)).toEqual([]);
  });

  it('looks up sources and figures by id', () => {
    expect(sourceById('kcc-foi-10974577-staff-assaults')?.reference).toBe('FOI 10974577');
    expect(sourceById('nope')).toBeUndefined();
    expect(figureById('kcc-da-rate-thanet')?.value).toBe(27.6);
    expect(figureById('kcc-da-people-affected-uk-last-year')?.value).toBe(2_400_000);
    expect(figureById('kcc-da-children-under-11')?.value).toBe(75);
  });
});

describe('validateDataset reports each problem with file, record and field', () => {
  it('a value given as a string', () => {
    const errors = errorsAfter((f) => {
      byId(f.figures, 'kcc-da-rate-thanet').value = '27.6';
    });
    expect(errors).toContain(
      'data/figures.json: record "kcc-da-rate-thanet" field "value": Invalid type: Expected number but received "27.6"',
    );
  });

  it('a missing quote', () => {
    const errors = errorsAfter((f) => {
      delete byId(f.notHeld, 'kcc-foi-not-held-prosecutions').quote;
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^data\/not-held\.json: record "kcc-foi-not-held-prosecutions" field "quote": /,
      ),
    ]);
  });

  it('a record without an id, named by its index', () => {
    const errors = errorsAfter((f) => {
      delete (f.sources[2] as Json).id;
    });
    expect(errors).toContainEqual(
      expect.stringMatching(/^data\/sources\.json: record #2 field "id": /),
    );
  });

  it('a duplicate id, within a file and across files', () => {
    const within = errorsAfter((f) => {
      const original = byId(f.figures, 'kcc-da-ccb-thanet');
      const { series: _series, ...copy } = original;
      f.figures.splice(f.figures.indexOf(original) + 1, 0, copy);
    });
    expect(within).toContainEqual(
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-ccb-thanet" field "id": duplicate id/,
      ),
    );
    const across = errorsAfter((f) => {
      byId(f.notHeld, 'kcc-foi-not-held-teacher-assaults').id = 'kcc-da-rate-thanet';
    });
    expect(across).toContainEqual(
      expect.stringMatching(
        /^data\/not-held\.json: record "kcc-da-rate-thanet" field "id": duplicate id/,
      ),
    );
  });

  it('an unknown sourceId', () => {
    const errors = errorsAfter((f) => {
      byId(f.figures, 'chub-staff-assaulted-2011-2018').sourceId = 'canterbury-hub';
    });
    expect(errors).toContain(
      'data/figures.json: record "chub-staff-assaulted-2011-2018" field "sourceId": unknown source "canterbury-hub" (no such source)',
    );
  });

  it('a number that is not in its quote', () => {
    const errors = errorsAfter((f) => {
      const record = byId(f.figures, 'kcc-da-rate-thanet');
      record.value = 26.7;
      record.valueText = '26.7';
    });
    expect(errors).toEqual([
      'data/figures.json: record "kcc-da-rate-thanet" field "valueText": "26.7" does not appear in the quote',
    ]);
  });

  it('a value that does not match its valueText', () => {
    const errors = errorsAfter((f) => {
      byId(f.figures, 'kcc-da-people-affected-uk-last-year').value = 2.4;
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-people-affected-uk-last-year" field "value": 2\.4 does not match/,
      ),
    ]);
  });

  it('a series with one point', () => {
    const errors = errorsAfter((f) => {
      delete byId(f.figures, 'kcc-da-ccb-sevenoaks').series;
    });
    expect(errors).toEqual([
      'data/figures.json: record "kcc-da-ccb-thanet" field "series.id": series "kcc-da-ccb" has only this figure; a series needs at least two',
    ]);
  });

  it('a series whose total is not the sum of its points', () => {
    const errors = errorsAfter((f) => {
      const record = byId(f.figures, 'kmpt-foi-referrals-all-2024');
      record.value = 157;
      record.valueText = '157';
      record.quote = String(record.quote).replace(' 158 ', ' 157 ');
    });
    expect(errors).toEqual([
      'data/figures.json: record "kmpt-foi-referrals-all-total" field "value": total 422 of series "kmpt-foi-referrals-all" is not the sum of its other points (421)',
    ]);
  });

  it('a series mixing units or repeating a label', () => {
    const errors = errorsAfter((f) => {
      const sevenoaks = byId(f.figures, 'kcc-da-calls-sevenoaks-2017-2021');
      sevenoaks.series = { id: 'kcc-da-calls', label: 'Thanet' };
      sevenoaks.measure = 'Something else';
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-calls-thanet-2017-2021" field "measure": differs within series/,
      ),
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-calls-thanet-2017-2021" field "series\.label": label "Thanet"/,
      ),
    ]);
  });

  it('records out of order', () => {
    const errors = errorsAfter((f) => {
      f.sources.reverse();
    });
    expect(errors[0]).toMatch(
      /^data\/sources\.json: record "[a-z0-9-]+" field "id": records must be sorted by id/,
    );
  });

  it('keys out of schema order', () => {
    const errors = errorsAfter((f) => {
      const record = byId(f.figures, 'kcc-da-rate-thanet');
      const { id, ...rest } = record;
      f.figures[f.figures.indexOf(record)] = { ...rest, id };
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-rate-thanet" field "sourceId": keys are not in schema order/,
      ),
    ]);
  });

  it('a file that is not an array', () => {
    const result = validateDataset({ ...rawFiles(), notHeld: {} });
    expect(result.dataset).toBeUndefined();
    expect(result.errors).toEqual(['data/not-held.json: must be an array of records, not object']);
  });

  it('text formatted differently, naming the record and field', () => {
    const records = rawFiles().figures;
    const canonical = canonicalJson(records, FIGURE_KEYS);
    const text = canonical.replace('"value": 27.6,', '"value":27.6,');
    expect(checkFormatting(DATA_FILES.figures, text, canonical)).toEqual([
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-rate-thanet" field "value": line \d+ is not in canonical formatting/,
      ),
    ]);
    expect(checkFormatting(DATA_FILES.figures, canonical, canonical)).toEqual([]);
  });
});

describe('numbers and quotes', () => {
  it('reads the value forms the dataset uses', () => {
    expect(parseValueText('11,485')).toBe(11485);
    expect(parseValueText('27.6')).toBe(27.6);
    expect(parseValueText('3.0')).toBe(3);
    expect(parseValueText('2.4 million')).toBe(2_400_000);
    expect(parseValueText('40%')).toBe(40);
    expect(parseValueText('Three quarters')).toBe(75);
    expect(parseValueText('1,50')).toBeUndefined();
    expect(parseValueText('about 100')).toBeUndefined();
  });

  it('finds a number only as a whole number in its quote', () => {
    expect(containsWhole('11,485 incidents', '11,485')).toBe(true);
    expect(containsWhole('11,485 incidents', '485')).toBe(false);
    expect(containsWhole('etc) 1 4 0 5', '1')).toBe(true);
    expect(containsWhole('at 27.6 crimes', '27')).toBe(false);
  });

  it('folds whitespace, no-break spaces included', () => {
    expect(foldWhitespace('  a\t b\n\n\u00a0c ')).toBe('a b c');
  });
});

describe('verifyQuotes', () => {
  const sourceId = 'kcc-domestic-abuse-strategy-consultation';
  const fileFor = (id: string): string | undefined => (id === sourceId ? 'doc.txt' : undefined);
  const sentence =
    'Recorded domestic abuse related offences across the county are also highest in Thanet at 27.6 crimes per 1,000 population compared to 12.6 in Sevenoaks.';
  const small = (): Dataset => {
    const source = sourceById(sourceId);
    const thanet = figureById('kcc-da-rate-thanet');
    if (!source || !thanet) throw new Error('missing');
    return { sources: [source], figures: [thanet], notHeld: [] };
  };

  it('accepts a quote found word for word with whitespace folded', () => {
    const texts = new Map([['doc.txt', `Intro.\n\n${sentence.replace(' at ', '\n at\t')}\n`]]);
    expect(verifyQuotes(small(), texts, fileFor)).toEqual([]);
  });

  it('finds a quote altered by one word', () => {
    const texts = new Map([['doc.txt', sentence.replace('highest', 'greatest')]]);
    expect(verifyQuotes(small(), texts, fileFor)).toEqual([
      expect.stringMatching(
        /^data\/figures\.json: record "kcc-da-rate-thanet" field "quote": not found word for word in doc\.txt/,
      ),
    ]);
  });

  it('reports a source with no text', () => {
    expect(verifyQuotes(small(), new Map(), fileFor)).toEqual([
      `data/sources.json: record "${sourceId}" field "id": source text "doc.txt" was not given`,
    ]);
  });
});
