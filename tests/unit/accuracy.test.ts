/**
 * Accuracy on every labelled set (tests/fixtures/FORMAT.md), scored by tests/accuracy/score.ts
 * exactly as `npm run accuracy` prints it:
 * - the golden pages written for this project: claims found, verdicts and records right;
 * - real published text: zero false "differs", and the claims that have an official record
 *   checked right (recall) with every verdict the engine gives against a record right
 *   (precision);
 * - peer negatives: nothing checked against a record at all.
 * The README's table must be the one these scores make.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { createEngine } from '../../utils/engine';
import { problems, scoreSet, table, type SetScore } from '../accuracy/score';

const engine = createEngine(dataset);
let golden: SetScore;
let real: SetScore;
let peer: SetScore;

beforeAll(async () => {
  golden = await scoreSet(engine, 'pages');
  real = await scoreSet(engine, 'real');
  peer = await scoreSet(engine, 'peer');
}, 120_000);

describe('the golden pages', () => {
  it('never calls a correct or unchecked figure different', () => {
    expect(golden.falseDiffers).toEqual([]);
  });

  it('finds at least 95% of the claims, and few that are not claims', () => {
    expect(golden.pages).toBeGreaterThanOrEqual(50);
    expect(golden.foundRecall, problems(golden)).toBeGreaterThanOrEqual(0.95);
    expect(golden.foundPrecision, problems(golden)).toBeGreaterThanOrEqual(0.97);
  });

  it('gives the expected verdict and record for at least 95% of the claims found', () => {
    expect(golden.verdictAccuracy, problems(golden)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('real published text', () => {
  it('has at least 60 pages', () => {
    expect(real.pages).toBeGreaterThanOrEqual(60);
  });

  it('never calls a figure different that its labels do not', () => {
    expect(real.falseDiffers).toEqual([]);
  });

  it('checks the claims that have an official record: recall ≥ 0.95, precision ≥ 0.97', () => {
    expect(real.held).toBeGreaterThanOrEqual(15);
    expect(real.checkedRecall, problems(real)).toBeGreaterThanOrEqual(0.95);
    expect(real.checkedPrecision, problems(real)).toBeGreaterThanOrEqual(0.97);
  });
});

describe('peer negatives', () => {
  it('has at least 10 pages and checks nothing on them against a record', () => {
    expect(peer.pages).toBeGreaterThanOrEqual(10);
    expect(peer.checked, problems(peer)).toBe(0);
    expect(peer.falseDiffers).toEqual([]);
  });
});

describe('the README', () => {
  it('shows the accuracy table these scores make', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(table([golden, real, peer]));
  });
});
