/**
 * Prints the top functions of a `.cpuprofile` by self time (what the profile's own sample
 * counts give, no viewer needed), so a note can quote where the time goes.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
const top = Number(process.argv[3] ?? 5);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  if (!node) return;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)' || functionName === '(program)') return;
  const where = url.replace(/^.*\/(?:wt\d+|main)\//, '').replace(/^file:\/\//, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`| function | self ms | share |\n| --- | ---: | ---: |`);
for (const [key, ms] of rows)
  console.log(`| \`${key}\` | ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% |`);
console.log(`total sampled: ${total.toFixed(0)} ms`);
