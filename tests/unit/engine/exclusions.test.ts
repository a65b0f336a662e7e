import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { createEngine } from '../../../utils/engine';
import type { Exclusion } from '../../../utils/engine/exclusions';
import { readMentions } from '../../../utils/engine/quantities';

const engine = createEngine(dataset);

/**
 * Why the number written `number` in `text` was dropped: an exclusion, `unread` when the
 * grammar never reads it as a number (digits glued to letters), null when it is a mention.
 */
function reasonFor(text: string, number: string): Exclusion | 'unread' | null {
  const at = text.indexOf(number);
  expect(at).toBeGreaterThanOrEqual(0);
  const { mentions, excluded } = readMentions(text);
  const hit = excluded.find((e) => e.start <= at && at < e.end);
  if (hit) return hit.reason;
  return mentions.some((m) => m.numberStart <= at && at < m.numberEnd) ? null : 'unread';
}

describe('numbers that are never claims, by form', () => {
  it.each<[string, string, string, Exclusion | 'unread']>([
    ['a year', 'Domestic abuse crimes rose in Kent in 2015.', '2015', 'year'],
    ['a financial year', 'Kent Police recorded 100 crimes a day in 2021/22.', '2021', 'period'],
    [
      'a strategy year range',
      'The Kent and Medway Domestic Abuse Strategy 2024-2029 was published.',
      '2029',
      'period',
    ],
    ['a date', 'The consultation on domestic abuse in Kent closes on 9 October.', '9', 'date'],
    ['a numeric date', 'Kent referrals to 02/09/25 were counted.', '02', 'date'],
    ['a time', 'The Kent helpline for abuse victims opens at 9.30 am.', '9.30', 'time'],
    ['a time with a colon', 'The Kent abuse service opens 09:30 to 11:30.', '09', 'time'],
    [
      'a time glued to am',
      'The Kent helpline for abuse victims opens at 9.30am.',
      '9.30',
      'unread',
    ],
    [
      'an age (aged 16 and over)',
      '3 per 1,000 Kent people aged 16 and over suffered abuse.',
      '16',
      'age',
    ],
    [
      'an age (under 11)',
      'Three quarters of the children on Kent abuse incidents are under 11.',
      '11',
      'age',
    ],
    [
      'an age range',
      'There are 20,615 children aged 0-17 in Kent in abusive homes.',
      '17',
      'range',
    ],
    ['an age in apposition', 'Roger Gough, 58, said Kent domestic abuse was rising.', '58', 'age'],
    ['a phone number', 'Kent domestic abuse services: call 0808 168 9276.', '0808', 'phone'],
    ['an emergency number', 'If Kent abuse victims are in danger, call 999.', '999', 'phone'],
    [
      'a text relay number',
      'Kent abuse helpline text relay: 18001 03000 421553.',
      '18001',
      'identifier',
    ],
    ['a postcode', 'Kent abuse team, Sessions House, Maidstone ME14 1XQ.', '1', 'unread'],
    ['a spaced postcode', 'Kent abuse team, Maidstone ME14 1 XQ.', '1', 'unread'],
    [
      'a street number',
      'Write to the Kent abuse project at 14 Harbour Parade, Ramsgate.',
      '14',
      'address',
    ],
    [
      'a room number',
      'Kent County Council, 2.70 Sessions House, handles abuse data.',
      '2.70',
      'address',
    ],
    ['a list number', '1. We will tackle domestic abuse in Kent.', '1', 'list'],
    [
      'a section number',
      '2.3 In 2020 and 2021 Thanet recorded 401 crimes of coercive control.',
      '2.3',
      'list',
    ],
    ['an agenda item', 'Agenda item 7: domestic abuse in Kent.', '7', 'list'],
    ['money', 'Kent County Council spends £2.3m on domestic abuse refuges.', '2.3', 'money'],
    [
      'the 1,000 of per 1,000',
      'Thanet recorded 27.6 domestic abuse crimes per 1,000 population.',
      '1,000',
      'rate-base',
    ],
    ['a score', 'Gillingham won 3-1 in Kent, with no assaults reported.', '3', 'range'],
    [
      'a compound (five-year)',
      'A five-year plan to tackle domestic abuse in Kent.',
      'five',
      'compound',
    ],
    ['a compound (24-hour)', 'A 24-hour Kent helpline for abuse victims.', '24', 'compound'],
    ['votes', 'Kent councillors voted 31 to 2 on the domestic abuse strategy.', '31', 'list'],
    ["a person's age", 'Maya was seven when domestic abuse began at home in Kent.', 'seven', 'age'],
    // Found on real pages (tests/fixtures/real/): related-story headlines and page furniture.
    [
      'an age after "man,"',
      'Ramsgate man, 29, jailed for 20 months after headbutting officer',
      '29',
      'age',
    ],
    [
      '"as young as"',
      'Children as young as five are being suspended for attacking teachers in Kent.',
      'five',
      'age',
    ],
    ['a results line', 'Ashford United 4 Sittingbourne 0', '4', 'range'],
    ['a comment count', 'Kent domestic abuse arrests rise Comments (12)', '12', 'list'],
    [
      'the non-emergency number',
      'If you are affected by domestic abuse call Kent Police on 101, or 999.',
      '101',
      'phone',
    ],
    [
      'a channel',
      'A Channel 4 documentary on assaults on staff in Kent hospitals.',
      '4',
      'identifier',
    ],
    [
      'a short financial year',
      'Kent hospital assaults rose to 46, up from eight in 13/14.',
      '13',
      'period',
    ],
    [
      'a bracketed minute number',
      '(1) The report on child abuse in Kent was introduced.',
      '1',
      'list',
    ],
  ])('drops %s', (_label, text, number, reason) => {
    expect(reasonFor(text, number)).toBe(reason);
  });

  it('keeps the statistic next to the dropped numbers', () => {
    expect(
      reasonFor('Thanet recorded 27.6 domestic abuse crimes per 1,000 population.', '27.6'),
    ).toBeNull();
    expect(reasonFor('Kent Police recorded 100 crimes a day in 2021/22.', '100')).toBeNull();
  });
});

describe('numbers that are never claims, by what they count or where', () => {
  it.each([
    ['a duration', 'Kent Police will tackle domestic abuse over the next 12 months.'],
    [
      'working days',
      'KCC has 40 working days to answer questions about assaults on its staff in Kent.',
    ],
    ['strategy priorities', 'The Kent domestic abuse strategy has three key priorities.'],
    ['commitments', 'The Kent concordat on abuse sets out ten commitments.'],
    ['partners', 'Medway Council is one of 12 partners behind the Kent domestic abuse strategy.'],
    ['recruitment', 'Kent Police will recruit 300 new officers to tackle violence against women.'],
    ['a budget line', 'Kent County Council will spend £2.3m on domestic abuse refuges.'],
    ['another county', 'Essex Police recorded 96 domestic abuse crimes a day last year.'],
    [
      'England and Wales',
      'In England and Wales, 2.1 million people experienced domestic abuse, the survey says.',
    ],
    ['a national figure', 'Nationally, one in four women will experience domestic abuse.'],
    [
      'a count that is not the statistic',
      'When we talk about domestic abuse in Kent we picture two adults.',
    ],
  ])('finds no claim in %s', (_label, text) => {
    expect(engine.analyseText(text, { date: '2023-07-27' })).toEqual([]);
  });
});
