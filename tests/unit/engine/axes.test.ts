/**
 * A verdict needs proof on every axis. Each case here was a false verdict on real published
 * text before the axes were read one by one (see tests/fixtures/real/): the claim must not
 * be called different, and its reason must name the axis that did not agree.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { loadHtml } from '../../../cli/html';
import { extractBlocks } from '../../../utils/dom/extract';
import { bylineDate } from '../../../utils/dom/publication-date';
import { createEngine, type Claim } from '../../../utils/engine';

const engine = createEngine(dataset);
const KENT = { title: 'Domestic abuse in Kent', date: '2023-08-01' };

function claim(text: string, mention: string, ctx: object = KENT): Claim {
  const found = engine.analyseText(text, ctx).find((c) => c.mention.includes(mention));
  if (!found) throw new Error(`no claim "${mention}" in: ${text}`);
  return found;
}

describe('measure: what is counted', () => {
  it('arrests are not crimes, whatever offence the sentence names', () => {
    const c = claim(
      'In 2020 and 2021 Kent Police made 3,280 arrests related to the offence of controlling or coercive behaviour.',
      '3,280',
    );
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('different measure: arrests, not crimes');
  });

  it('a population the record does not restrict makes another measure', () => {
    const c = claim(
      'The Children’s Commissioner estimates that 3,000 children in Kent known to social services live in a household where a parent is suffering domestic abuse.',
      '3,000',
    );
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('known to services');
  });

  it('a share of another whole is another measure: youngsters, not incidents', () => {
    const c = claim(
      'Kent Police said 40 per cent of these youngsters in Kent have lived with domestic abuse incidents all their lives.',
      '40',
    );
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('children, not incidents');
  });

  it('"cases" may be crimes, incidents or referrals, so they prove no measure', () => {
    const c = claim('Kent Police recorded 90 domestic abuse cases a day in 2021/22.', '90');
    expect(c.verdict).toBe('unverified');
  });
});

describe('unit kind: a change is never a level', () => {
  it('a rise written after its size ("a 40% rise") is not the share it happens to equal', () => {
    const c = claim(
      'In 2021/22 Kent Police recorded a 40% rise in domestic abuse incidents where a child was present.',
      '40%',
    );
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('a change (a rise or fall), not a level');
  });
});

describe('producer: who the page says counted', () => {
  it('a figure credited to another body is not checked against Kent Police', () => {
    const c = claim(
      'Home Office figures show 90 domestic abuse related crimes a day in Kent in 2021/22.',
      '90',
    );
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('counted by the Home Office, not Kent Police');
  });

  it('the record’s own producer named on the page still agrees', () => {
    const c = claim(
      'Kent Police recorded more than 100 domestic abuse related crimes a day in 2021/22.',
      '100',
    );
    expect(c).toMatchObject({ verdict: 'match', recordId: 'kcc-da-crimes-per-day-2021-22' });
  });
});

describe('period: a range is its own period', () => {
  it('a total from 2023 to early September 2025 is the total, not the 2023 figure', () => {
    const c = claim(
      'KMPT made 37 safeguarding referrals for sexual safety concerns against its own staff from 2023 to early September 2025.',
      '37',
      { title: 'KMPT sexual safety referrals', date: '2025-10-01' },
    );
    expect(c.verdict).not.toBe('mismatch');
    expect(c.recordId ?? 'kmpt-foi-referrals-kmpt-staff-total').toBe(
      'kmpt-foi-referrals-kmpt-staff-total',
    );
  });

  it('a figure without a period is not called wrong against the only record of its measure on an undated page', () => {
    const c = claim(
      'Thanet has a rate of 26.7 domestic abuse offences per 1,000 population.',
      '26.7',
      {
        title: 'Domestic abuse in Kent',
      },
    );
    expect(c.verdict).toBe('unverified');
  });
});

describe("the page's date bounds what it can cite", () => {
  const text = 'Kent Police recorded nearly 4,000 crimes of coercive control in 2020 and 2021.';

  it('a page published after the record’s period agrees with it', () => {
    expect(claim(text, '4,000')).toMatchObject({
      verdict: 'match',
      recordId: 'kcc-da-ccb-crimes-2020-2021',
    });
  });

  it('a page published before the record’s period ended cannot be citing it', () => {
    const c = claim(text.replace('nearly 4,000', '328'), '328', {
      title: 'Coercive control in Kent',
      date: '2017-11-30',
    });
    expect(c.verdict).toBe('unverified');
    expect(c.reason).toContain('published before');
  });
});

describe('national figures the dataset holds', () => {
  it('are matched on a Kent page when the sentence names the UK, beside a Kent figure', () => {
    const c = claim(
      'It’s also widespread, annually impacting at least 2.4million people in the UK; Kent Police receives more than 40,000 calls relating to domestic abuse a year.',
      '2.4million',
    );
    expect(c).toMatchObject({ verdict: 'match', recordId: 'kcc-da-people-affected-uk-last-year' });
  });
});

describe('the page date, read from a dated byline', () => {
  it('reads "Published: 10:46, 15 October 2020" and "October 15, 2020"', () => {
    expect(bylineDate('Published: 10:46, 15 October 2020')).toBe('2020-10-15');
    expect(bylineDate('By Ellis Stephenson, November 30, 2017')).toBe('2017-11-30');
    expect(bylineDate('By Ellis Stephenson')).toBeUndefined();
  });

  it('bounds a page whose only date is its byline', async () => {
    const page = loadHtml(
      `<html><head><title>Coercive control arrests in Kent</title></head><body><p class="byline">By a reporter | 30 November 2017</p><p>Kent Police recorded 328 crimes of coercive control in 2020 and 2021.</p></body></html>`,
    );
    const { blocks, context } = extractBlocks(page.document);
    await page.close();
    expect(context.date).toBe('2017-11-30');
    const c = engine.analyseBlocks(blocks, context).find((x) => x.mention.includes('328'));
    expect(c?.verdict).toBe('unverified');
    expect(c?.reason).toContain('published before');
  });
});
