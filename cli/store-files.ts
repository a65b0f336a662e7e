/**
 * `npm run zip`, last step: puts each store's listing text, permission justifications and
 * screenshots (`store/`) in `.output/store/`, beside the packages, so one folder holds all
 * that a submission needs.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const from = join(root, 'store');
const to = join(root, '.output/store');

if (!existsSync(join(root, '.output'))) {
  console.error('No .output folder: the packages were not built.');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
const packages = readdirSync(join(root, '.output')).filter((f) => f.endsWith('.zip'));
console.log(`Store files in .output/store/, beside ${packages.join(', ')}`);
