import { describe, expect, it } from 'vitest';
import { dataset } from '../../../data';
import { createEngine } from '../../../utils/engine';

const engine = createEngine(dataset);

describe('checkStatement', () => {
  it('finds the official figure for a typed sentence without Kent context words', () => {
    const [best] = engine.checkStatement('over 100 domestic abuse crimes a day');
    expect(best).toMatchObject({
      verdict: 'match',
      recordId: 'kcc-da-crimes-per-day-2021-22',
      mention: 'over 100',
      value: 100,
    });
    expect(best?.official?.display).toBe('over 100');
  });

  it('finds the record for a place and a bare number', () => {
    const [best] = engine.checkStatement('Thanet 4,548');
    expect(best).toMatchObject({ verdict: 'match', recordId: 'kcc-da-calls-thanet-2017-2021' });
  });

  it('says which official figure a wrong number should have been', () => {
    const [best] = engine.checkStatement('Thanet 26.7 domestic abuse offences per 1,000');
    expect(best).toMatchObject({ verdict: 'mismatch', recordId: 'kcc-da-rate-thanet' });
    expect(best?.reason).toContain('27.6 per 1,000 population');
  });

  it('never calls a figure of another measure agreeing or differing, only close', () => {
    const results = engine.checkStatement('over 100 domestic abuse crimes a day', 5);
    expect(results[0]).toMatchObject({
      verdict: 'match',
      recordId: 'kcc-da-crimes-per-day-2021-22',
    });
    // KMPT's 103 patient assaults is near in value but another measure.
    for (const r of results.slice(1)) expect(r.verdict).toBe('unverified');
    const sevenoaks = engine.checkStatement('Sevenoaks 401 coercive control crimes', 5);
    expect(sevenoaks[0]).toMatchObject({ verdict: 'mismatch', recordId: 'kcc-da-ccb-sevenoaks' });
    expect(sevenoaks.filter((r) => r.verdict === 'mismatch')).toHaveLength(1);
  });

  it('does not call a bare number wrong when no measure is named', () => {
    const results = engine.checkStatement('27.6 per cent in Thanet', 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.verdict !== 'mismatch')).toBe(true);
  });

  it('does not call a number agreeing when neither a measure nor a place is named', () => {
    const results = engine.checkStatement('4 out of 5 said they would bake it again', 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.verdict === 'unverified')).toBe(true);
    expect(results[0]?.reason).toContain('no measure or place');
  });

  it('lists the closest figures for words alone, best first, within the limit', () => {
    const results = engine.checkStatement('coercive control crimes', 3);
    expect(results).toHaveLength(3);
    expect(results[0]?.recordId).toMatch(/ccb/);
    expect(results.map((r) => r.score)).toEqual(
      [...results.map((r) => r.score)].sort((a, b) => a - b),
    );
  });

  it('reports a KCC-credited teacher assault figure as not held', () => {
    const [first] = engine.checkStatement('KCC figures show 900 teachers were assaulted');
    expect(first).toMatchObject({
      verdict: 'not-held',
      notHeldId: 'kcc-foi-not-held-teacher-assaults',
    });
  });

  it('answers nothing for blank input', () => {
    expect(engine.checkStatement('   ')).toEqual([]);
  });

  // Its cost per keystroke is measured in `npm run bench` (timed assertions would be flaky).
  it('answers every prefix of a statement as it is typed', () => {
    const typed = 'over 100 domestic abuse crimes a day in Kent in 2021/22';
    for (let i = 1; i <= typed.length; i += 1)
      expect(Array.isArray(engine.checkStatement(typed.slice(0, i)))).toBe(true);
    expect(engine.checkStatement(typed)[0]).toMatchObject({
      verdict: 'match',
      recordId: 'kcc-da-crimes-per-day-2021-22',
    });
  });
});
