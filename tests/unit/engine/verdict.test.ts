import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { createEngine, type Claim } from '../../../utils/engine';

const engine = createEngine(dataset);

function only(text: string, date = '2023-08-01'): Claim {
  const claims = engine.analyseText(text, { date });
  expect(claims).toHaveLength(1);
  return claims[0]!;
}

describe('match', () => {
  it.each([
    [
      'the figure as written',
      'Kent Police recorded over 100 domestic abuse-related crimes per day in 2021/22.',
      'kcc-da-crimes-per-day-2021-22',
    ],
    [
      'a rounded figure',
      'Thanet averaged roughly 4,500 domestic abuse calls to Kent Police between 2017 and 2021.',
      'kcc-da-calls-thanet-2017-2021',
    ],
    [
      'a proportion in words',
      'In 2021/22, a child was present at four in ten domestic abuse incidents Kent Police recorded.',
      'kcc-da-child-present-2021-22',
    ],
    [
      'a qualified estimate',
      'An estimated 20,600 children in Kent live in households where a parent suffers domestic abuse.',
      'kcc-da-children-in-da-households',
    ],
    [
      '"just under" for "nearly"',
      'Kent Police recorded just under 4,000 coercive control crimes in 2020 and 2021.',
      'kcc-da-ccb-crimes-2020-2021',
    ],
    [
      'no period (compatible with any)',
      'Police in Kent record more than 100 domestic abuse crimes a day.',
      'kcc-da-crimes-per-day-2021-22',
    ],
    [
      '"Kent and Medway" for Kent',
      'Across Kent and Medway, over 100 domestic abuse crimes were recorded every day in 2021/22.',
      'kcc-da-crimes-per-day-2021-22',
    ],
  ])('accepts %s', (_label, text, recordId) => {
    const c = only(text);
    expect(c.verdict).toBe('match');
    expect(c.recordId).toBe(recordId);
    expect(c.official?.recordId).toBe(recordId);
    expect(c.reason).toMatch(/^Agrees with .+'s figure for .+: .+\.$/);
  });
});

describe('mismatch: each kind of misstatement', () => {
  it('a wrong value (swapped digits)', () => {
    const c = only('Thanet recorded 26.7 domestic abuse offences per 1,000 population.');
    expect(c).toMatchObject({ verdict: 'mismatch', recordId: 'kcc-da-rate-thanet' });
    expect(c.reason).toBe(
      "Same measure, unit, place and period: Kent County Council's figure for Thanet is 27.6 per 1,000 population; the page says 26.7 per 1,000.",
    );
  });

  it('the right number in the wrong unit (per cent for per 1,000)', () => {
    const c = only("Thanet's rate of domestic abuse offences stands at 27.6 per cent.");
    expect(c).toMatchObject({
      verdict: 'mismatch',
      recordId: 'kcc-da-rate-thanet',
      unit: 'percent',
    });
    expect(c.reason).toContain('27.6 per 1,000 population, not 27.6 per cent');
  });

  it("one place given another's figure (Sevenoaks given Thanet's 401)", () => {
    const c = only('Sevenoaks recorded 401 crimes of coercive control in 2020 and 2021.');
    expect(c).toMatchObject({ verdict: 'mismatch', recordId: 'kcc-da-ccb-sevenoaks' });
    expect(c.reason).toContain("which is Thanet's figure");
  });

  it("one period given another's figure (2015 given 2011's 979)", () => {
    const c = only(
      'Kent and Medway NHS and Social Care Partnership Trust recorded 979 assaults by one patient on another in 2015.',
      '2018-05-17',
    );
    expect(c).toMatchObject({ verdict: 'mismatch', recordId: 'chub-patient-assaults-2015' });
    expect(c.reason).toContain('which is the figure for 2011');
  });

  it("a total given as one year's figure (422 in 2024)", () => {
    const c = only(
      'KMPT made 422 safeguarding referrals for sexual abuse or sexual safety concerns in 2024.',
      '2025-09-30',
    );
    expect(c).toMatchObject({ verdict: 'mismatch', recordId: 'kmpt-foi-referrals-all-2024' });
    expect(c.reason).toContain('which is the total for');
  });

  it('a per-day figure ten times too big', () => {
    expect(
      only('Kent Police dealt with more than 1,000 domestic abuse crimes every day in 2021/22.'),
    ).toMatchObject({
      verdict: 'mismatch',
      recordId: 'kcc-da-crimes-per-day-2021-22',
    });
  });

  it('a proportion that is not the official one ("a third" for three-quarters)', () => {
    expect(
      only('A third of the children recorded on domestic abuse incidents in Kent are under 11.'),
    ).toMatchObject({
      verdict: 'mismatch',
      recordId: 'kcc-da-children-under-11',
    });
  });
});

describe('unverified, never mismatch, for what the dataset does not cover', () => {
  it.each([
    ['another period', 'Kent Police recorded about 85 domestic abuse crimes a day in 2019/20.'],
    [
      'another period, same value',
      'Kent Police recorded over 100 domestic abuse crimes a day in 2019/20.',
    ],
    ['another measure (rapes)', 'Kent Police recorded 1,287 rapes in 2022/23.'],
    [
      'a change rather than a level',
      'Calls to Kent domestic abuse helplines have gone up by a fifth.',
    ],
    [
      'another place within Kent',
      'In Medway, domestic abuse crimes were recorded at a rate of 24.3 per 1,000 residents.',
    ],
    [
      'a district with no record',
      'Gravesham recorded 260 crimes of coercive control in 2020 and 2021.',
    ],
    [
      'another age band',
      'Nearly half of the children recorded on domestic abuse incidents in Kent are under five.',
    ],
    [
      'a per-day measure given as a yearly count',
      'Kent Police recorded 100 domestic abuse crimes in 2021/22.',
    ],
    [
      'teacher assaults credited to a union',
      'The NASUWT says 1,140 assaults on teachers were reported in Kent schools.',
    ],
  ])('%s', (_label, text) => {
    const c = only(text);
    expect(c.verdict).toBe('unverified');
    expect(c.official).toBeNull();
    expect(c.recordId).toBeNull();
    expect(c.reason).toMatch(/unchecked, not wrong\.$/);
  });
});

describe('not-held', () => {
  it.each([
    [
      'assaults on social workers',
      'Kent County Council figures show 214 social workers were assaulted.',
      'kcc-foi-not-held-social-worker-assaults',
    ],
    [
      'assaults on teachers',
      "Kent County Council's own figures show 900 teachers were assaulted last year.",
      'kcc-foi-not-held-teacher-assaults',
    ],
    [
      'reports to police',
      'According to the county council, 95 assaults on teachers in Kent were reported to the police.',
      'kcc-foi-not-held-assaults-reported-to-police',
    ],
    [
      'prosecutions',
      'KCC figures show 11 prosecutions followed assaults on its social workers.',
      'kcc-foi-not-held-prosecutions',
    ],
    [
      'successful prosecutions',
      'KCC figures show seven prosecutions for assaults on its social workers were successful.',
      'kcc-foi-not-held-successful-prosecutions',
    ],
  ])('a KCC-credited figure on %s', (_label, text, id) => {
    const c = only(text);
    expect(c).toMatchObject({ verdict: 'not-held', notHeldId: id, recordId: null, official: null });
    expect(c.reason).toMatch(/^Kent County Council says it does not hold figures on .+/);
  });
});
