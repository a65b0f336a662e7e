/**
 * Cold start benchmark (`npm run bench`, issue 14): the engine's preparation and first read
 * as the content script meets them on a page, with nothing compiled yet. Each run is a fresh
 * Node process (tests/bench/cold-start.ts), because the point is the cold JIT: V8 compiles
 * each function and regular expression on first use, and a process that has run the engine
 * once runs every step fast. Prints, as medians over the processes:
 * - the longest `prepare()` step: target ≤ 15 ms, so that a time slice of the page checker
 *   (35 ms) holds a step and the work around it, far below a 50 ms long task;
 * - the sum and the number of steps, and the first real read of a claim paragraph after
 *   them (information);
 * - the slowest steps by name, to say where to look next.
 * Wall-clock times on a shared machine are noisy: medians of several processes, one at a time.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ColdStart } from './cold-start';

const PROCESSES = 7;
const TARGET_LONGEST_MS = 15;
const CHILD = resolve(import.meta.dirname, 'cold-start.ts');
const ROOT = resolve(import.meta.dirname, '../..');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function coldStart(run: number): ColdStart {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, String(run)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as ColdStart;
}

const runs = Array.from({ length: PROCESSES }, (_, run) => coldStart(run));
const longest = median(runs.map((r) => Math.max(...r.steps)));
const sum = median(runs.map((r) => r.steps.reduce((a, b) => a + b, 0)));
const count = median(runs.map((r) => r.steps.length));
const first = median(runs.map((r) => r.first));
const names = runs[0]!.names;
const perStep = names.map((name, i) => ({ name, ms: median(runs.map((r) => r.steps[i] ?? 0)) }));

const rows: Array<[string, string, string]> = [
  [
    'cold start: longest prepare() step',
    `${longest.toFixed(1)} ms`,
    `≤ ${TARGET_LONGEST_MS} ms ${longest <= TARGET_LONGEST_MS ? 'PASS' : 'FAIL'}`,
  ],
  ['cold start: sum of prepare() steps', `${sum.toFixed(1)} ms`, 'information'],
  ['cold start: prepare() steps', String(count), 'information'],
  [
    'cold start: first real read (a claim paragraph of a real page)',
    `${first.toFixed(1)} ms`,
    'information',
  ],
];
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
for (const [name, value, target] of rows)
  console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`);
console.log(
  `slowest steps: ${[...perStep]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${s.name} ${s.ms.toFixed(1)} ms`)
    .join(' · ')}`,
);
console.log(`medians over ${PROCESSES} fresh Node processes, run one after another`);
