/**
 * The house plan holds: dependency-cruiser over every module the extension, the CLI and the
 * data tools are built from finds no import that breaks a rule of `cli/architecture.ts`
 * (engine pure, components reach the extension through one module, page side without UI,
 * entry points as leaves, no Node in browser code, no cycles).
 */
import { describe, expect, it } from 'vitest';
import { checkArchitecture, RULES } from '../../cli/architecture';

describe('the architecture rules', () => {
  it('name the rules the README and docs describe', () => {
    expect(RULES.map((r) => r.name)).toEqual([
      'no-circular',
      'engine-is-pure',
      'components-reach-the-extension-through-one-place',
      'page-side-has-no-ui',
      'entrypoints-are-leaves',
      'browser-code-has-no-node',
      'only-the-cli-imports-the-cli',
    ]);
  });

  it('find no violation in the code', async () => {
    const report = await checkArchitecture();
    expect(report.text).toMatch(/no dependency violations found \(\d+ modules/);
    expect(report.ok, report.text).toBe(true);
  }, 120_000);
});
