import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { createEngine, type Claim } from '../../../utils/engine';
import { periodFit, scanPeriods } from '../../../utils/engine/periods';
import { scanPlaces } from '../../../utils/engine/places';

const engine = createEngine(dataset);

function claimsOf(text: string, date?: string): Claim[] {
  return engine.analyseText(text, date ? { date } : {});
}

function only(text: string, date?: string): Claim {
  const claims = claimsOf(text, date);
  expect(claims).toHaveLength(1);
  return claims[0]!;
}

describe('place cues', () => {
  it.each([
    ['Kent Police recorded it', 'kent'],
    ['across Kent and Medway', 'kent-and-medway'],
    ['Kent and Medway NHS and Social Care Partnership Trust said', 'kmpt'],
    ['KMPT said', 'kmpt'],
    ["Kent's mental health trust said", 'kmpt'],
    ['in Thanet', 'thanet'],
    ['in Tunbridge Wells', 'tunbridge-wells'],
    ['in Tonbridge and Malling', 'tonbridge-and-malling'],
    ['in Folkestone and Hythe', 'folkestone-and-hythe'],
    ['in Medway', 'medway'],
    ['across the UK', 'uk'],
    ['in Essex', 'other'],
    ['in England and Wales', 'other'],
    ['Nationally,', 'other'],
  ])('reads %j as %s', (text, place) => {
    expect(scanPlaces(text)[0]?.place).toBe(place);
  });

  it('binds each number to the place of its own clause in a comparison', () => {
    const claims = claimsOf(
      'Thanet had the highest average of domestic abuse related calls to Kent Police between 2017 and 2021 at 4,548 compared to 1,709 in Sevenoaks.',
    );
    expect(claims.map((c) => [c.mention, c.place])).toEqual([
      ['4,548', 'thanet'],
      ['1,709', 'sevenoaks'],
    ]);
  });

  it('reads a relative clause as describing, not scoping, the figure', () => {
    const c = only(
      'It said Sevenoaks, which has the lowest domestic abuse rate in Kent, recorded 12.6 domestic abuse offences per 1,000 people.',
    );
    expect(c.place).toBe('sevenoaks');
  });

  it('takes the place from earlier sentences, then from the title, when a sentence names none', () => {
    expect(
      only(
        'Thanet has a domestic abuse problem.\n\nThe district recorded 401 crimes of coercive control in 2020 and 2021.',
      ).place,
    ).toBe('thanet');
    const c = engine.analyseText(
      'Almost 4,000 coercive control offences were recorded by the police over 2020 and 2021.',
      {
        title: 'Domestic abuse in Kent | Tunbridge Wells Observer',
      },
    )[0];
    expect(c?.place).toBe('kent');
  });

  it('resolves "the trust" to KMPT only on a page about KMPT', () => {
    expect(
      only(
        'KMPT answered an FOI request. The trust logged 979 assaults by one patient on another in 2011.',
      ).place,
    ).toBe('kmpt');
    expect(claimsOf('The trust logged 979 assaults by one patient on another in 2011.')).toEqual(
      [],
    );
  });
});

describe('period cues', () => {
  it.each([
    ['in 2021/22', 2021, 2022],
    ['between 2011 and 2018', 2011, 2018],
    ['in 2015', 2015, 2015],
    ['over the period 2017 to 2021', 2017, 2021],
    ['in 2020 and 2021', 2020, 2021],
    ['Between January 2023 and 2 September 2025', 2023, 2025],
    ['2025 (to 2 Sept)', 2025, 2025],
  ])('reads %j as %d to %d', (text, from, to) => {
    const cue = scanPeriods(text, null)[0];
    expect([cue?.from, cue?.to]).toEqual([from, to]);
  });

  it('resolves "last year" and "this year" against the page date', () => {
    expect(scanPeriods('last year', 2023)[0]).toMatchObject({
      from: 2022,
      to: 2022,
      kind: 'relative',
    });
    expect(scanPeriods('so far this year', 2025)[0]).toMatchObject({ from: 2025, to: 2025 });
    expect(scanPeriods('This year, by mid-April', 2018)[0]).toMatchObject({ from: 2018, to: 2018 });
    expect(scanPeriods('last year', null)[0]?.kind).toBe('vague');
  });

  it('ignores the year a report was published and the years of a date', () => {
    expect(scanPeriods('Data published in December 2022 shows', null)).toEqual([]);
    expect(scanPeriods('on 17 January 2020', null)).toEqual([]);
  });

  it('gives each number the period next to it', () => {
    const claims = claimsOf(
      'Kent and Medway NHS and Social Care Partnership Trust made sexual safety safeguarding referrals. Staff of other organisations featured in six referrals in 2024 and four so far in 2025.',
      '2025-09-28',
    );
    expect(claims.map((c) => [c.mention, c.period])).toEqual([
      ['six', '2024'],
      ['four', '2025'],
    ]);
  });

  it('checks "last year" against the record for the year before the page date', () => {
    const text =
      'Kent and Medway NHS and Social Care Partnership Trust made 158 safeguarding referrals about sexual abuse last year.';
    expect(only(text, '2025-10-05').recordId).toBe('kmpt-foi-referrals-all-2024');
    expect(only(text, '2024-10-05')).toMatchObject({
      verdict: 'mismatch',
      recordId: 'kmpt-foi-referrals-all-2023',
    });
    expect(only(text, '2021-10-05').verdict).toBe('unverified');
  });

  it('compares periods by their years, and never calls an unpinned period different', () => {
    const page = { label: '2021/22', from: 2021, to: 2022, kind: 'explicit' as const };
    expect(periodFit(page, { from: 2021, to: 2022, total: false })).toBe('same');
    expect(periodFit(page, { from: 2019, to: 2020, total: false })).toBe('different');
    expect(periodFit(page, { from: null, to: null, total: false })).toBe('unknown');
    expect(periodFit(null, { from: 2021, to: 2022, total: false })).toBe('unknown');
    expect(
      periodFit(
        { label: 'Total', from: null, to: null, kind: 'vague', total: true },
        { from: 2023, to: 2025, total: true },
      ),
    ).toBe('same');
  });
});

describe('units and time bases', () => {
  it.each([
    ['Thanet recorded 27.6 domestic abuse crimes per 1,000 population.', 'per-1000', ''],
    [
      'Kent recorded 3 coercive control crimes per 1,000 people aged 16 and over in 2020 and 2021.',
      'per-1000',
      '',
    ],
    ['Kent Police recorded over 100 domestic abuse crimes a day in 2021/22.', 'count', 'day'],
    [
      'Every month, almost 1,500 domestic abuse incidents are recorded in Kent where children may have witnessed abuse.',
      'count',
      'month',
    ],
    [
      'In 2021/22 a child was present at 40 per cent of Kent domestic abuse incidents.',
      'percent',
      '',
    ],
    [
      'In 2021/22 a child was present at four out of ten Kent domestic abuse incidents.',
      'percent',
      '',
    ],
  ])('%j is %s %s', (text, unit, timeBase) => {
    const c = only(text);
    expect([c.unit, c.timeBase]).toEqual([unit, timeBase]);
  });

  it('carries a rate to a bare number it is compared with, but not to a count', () => {
    const claims = claimsOf(
      'The rate of recorded domestic abuse offences in Thanet is 27.6 per 1,000 people, while in Sevenoaks it is 12.6. Coercive control crimes in Kent came to 3 per 1,000 people aged 16 and over in 2020 and 2021, with Thanet recording the most, 401.',
    );
    expect(claims.map((c) => [c.mention, c.unit])).toEqual([
      ['27.6 per 1,000 people', 'per-1000'],
      ['12.6', 'per-1000'],
      ['3 per 1,000 people aged 16 and over', 'per-1000'],
      ['401', 'count'],
    ]);
  });
});

describe('tables read from their cells', () => {
  it('takes a cell’s measure from its row label and its period from its column header', () => {
    const blocks = [
      'Safeguarding referrals for sexual abuse or sexual safety concerns, KMPT',
      'Referrals',
      '2023',
      '2024',
      'Total',
      'Allegations against agency staff',
      '1',
      '4',
      '5',
    ];
    const claims = engine.analyseBlocks(blocks, {});
    expect(claims.map((c) => [c.blockIndex, c.verdict, c.recordId])).toEqual([
      [6, 'match', 'kmpt-foi-referrals-agency-staff-2023'],
      [7, 'match', 'kmpt-foi-referrals-agency-staff-2024'],
      [8, 'match', 'kmpt-foi-referrals-agency-staff-total'],
    ]);
  });
});

describe('tab-separated tables in plain text', () => {
  it('reads each cell under its column header and row label', () => {
    const text = [
      'KMPT answered an FOI request about sexual safety.',
      '',
      'Referrals\t2023\t2024\tTotal\nSafeguarding referrals against agency staff for sexual abuse\t1\t4\t5\nSafeguarding referrals against KMPT staff for sexual abuse\t11\t18\t37',
    ].join('\n');
    const claims = engine.analyseText(text, { date: '2025-09-24' });
    expect(claims.map((c) => [c.mention, c.verdict, c.recordId])).toEqual([
      ['1', 'match', 'kmpt-foi-referrals-agency-staff-2023'],
      ['4', 'match', 'kmpt-foi-referrals-agency-staff-2024'],
      ['5', 'match', 'kmpt-foi-referrals-agency-staff-total'],
      ['11', 'match', 'kmpt-foi-referrals-kmpt-staff-2023'],
      ['18', 'match', 'kmpt-foi-referrals-kmpt-staff-2024'],
      ['37', 'match', 'kmpt-foi-referrals-kmpt-staff-total'],
    ]);
  });
});
