/**
 * `npm start`: builds the Chrome extension and opens Chromium with it loaded on the bundled
 * demo article, so a newcomer sees the product working in one command.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { extensionFlags, serveFixtures } from '../tests/e2e/harness';

const root = resolve(import.meta.dirname, '..');

function browserPath(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

function hasDisplay(): boolean {
  return (
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

async function main(): Promise<void> {
  console.log('Building the Chrome extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

  const executablePath = browserPath();
  if (!executablePath) {
    console.error(
      'No Chromium or Chrome found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH, then run `npm start` again.',
    );
    process.exit(1);
  }
  if (!hasDisplay()) {
    console.error(
      [
        'No display here, so no browser window can open. The extension is built in .output/chrome-mv3:',
        '  · on a desktop machine, run `npm start` there, or load .output/chrome-mv3 by hand (README: "Load it by hand");',
        '  · on a headless Linux machine, run `xvfb-run npm start` (Debian: `apt-get install -y xvfb`), or just `npm test`.',
      ].join('\n'),
    );
    process.exit(1);
  }

  const server = await serveFixtures();
  const profile = mkdtempSync(join(tmpdir(), 'kent-stats-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    args: [...extensionFlags(), '--no-first-run', '--no-default-browser-check'],
  });
  const demo = `${server.origin}/e2e/plain-article.html`;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo);
  console.log(`Chromium is open on the demo article: ${demo}\nClose the browser window to stop.`);
  context.on('close', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
