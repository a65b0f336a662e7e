/**
 * Population restrictions ("repeat victims", "known to social services") decide whether a
 * page's figure and a record count the same people. Their patterns sit behind one cheap
 * test of the words they need (`RESTRICTION_HINT` in utils/engine/measure.ts): a restriction
 * whose word that test lacks would never be read again. So every restriction has an example
 * here, in lower case and as written, and each must be found.
 */
import { describe, expect, it } from 'vitest';
import { RESTRICTION_NAMES, restrictionsIn } from '../../../utils/engine/measure';

const EXAMPLES: Readonly<Record<string, string>> = {
  'known to services': 'children known to social services',
  repeat: 'repeat victims of domestic abuse',
  'new cases': 'new referrals to the service',
  'high-risk': 'high-risk cases heard by the panel',
  'on a child protection plan': 'children on a child protection plan',
  'in care': 'young people in care',
  serious: 'serious assaults on staff',
  'with injury': 'assault with injury',
  'referred to MARAC': 'cases referred to MARAC',
  'sent to court': 'cases that went to court',
  'reported to police': 'incidents reported to the police',
  female: 'violence against women and girls',
  male: 'male victims',
  online: 'online grooming offences',
};

describe('population restrictions', () => {
  it('has an example for every restriction', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...RESTRICTION_NAMES].sort());
  });

  it.each(Object.entries(EXAMPLES))('finds %s', (name, text) => {
    expect(restrictionsIn(text)).toContain(name);
    expect(restrictionsIn(`Figures show ${text[0]!.toUpperCase()}${text.slice(1)}.`)).toContain(
      name,
    );
  });

  it('finds none in a sentence that names none', () => {
    expect(restrictionsIn('Kent Police recorded 100 domestic abuse crimes a day')).toEqual([]);
  });
});
