/**
 * `npm start [-- --browser firefox]`: builds the extension for the browser and opens it with
 * the extension loaded on the bundled demo article, so a newcomer sees the product working in
 * one command. Chromium (the default) is driven by playwright-core; Firefox by web-ext, which
 * installs the build as a temporary add-on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveFixtures, type Served } from '../tests/e2e/fixture-server';
import { extensionDir, extensionFlags } from '../tests/e2e/harness';
import { firefoxPath } from '../tests/e2e/browsers/paths';

const root = resolve(import.meta.dirname, '..');
const DEMO = '/e2e/plain-article.html';

type Target = 'chromium' | 'firefox';

/** `--browser firefox`, `--browser=firefox`, or Chromium. */
function targetOf(args: readonly string[]): Target {
  const at = args.findIndex((a) => a === '--browser' || a.startsWith('--browser='));
  if (at < 0) return 'chromium';
  const value = args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  if (value === 'firefox') return 'firefox';
  if (value === 'chromium' || value === 'chrome') return 'chromium';
  throw new Error(`Unknown browser "${value ?? ''}": use --browser chromium or --browser firefox.`);
}

function chromiumBinary(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

/**
 * The id Chromium gives an extension loaded from `dir`: the first 32 hex digits of the
 * SHA-256 of its path, written with the letters a–p.
 */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

function hasDisplay(): boolean {
  return (
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

async function openChromium(server: Served): Promise<void> {
  const executablePath = chromiumBinary();
  if (!executablePath) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH, then run `npm start` again.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'kent-stats-start-'));
  // Pinned, so the toolbar button and its badge show without opening the extensions menu.
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default/Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    args: [...extensionFlags(), '--no-first-run', '--no-default-browser-check'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}${DEMO}`);
  console.log(`Chromium is open on the demo article: ${server.origin}${DEMO}`);
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function openFirefox(server: Served): Promise<void> {
  const firefox = firefoxPath();
  const child = spawn(
    join(root, 'node_modules/.bin/web-ext'),
    [
      'run',
      '--source-dir',
      join(root, '.output/firefox-mv2'),
      '--firefox',
      firefox,
      '--start-url',
      `${server.origin}${DEMO}`,
      '--no-reload',
      '--no-input',
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  console.log(`Firefox is opening on the demo article: ${server.origin}${DEMO}`);
  console.log('Close the browser window to stop.');
  await new Promise<void>((done, fail) => {
    child.on('error', fail);
    child.on('exit', () => done());
  });
}

async function main(): Promise<void> {
  const target = targetOf(process.argv.slice(2));
  const name = target === 'firefox' ? 'Firefox' : 'Chrome';
  console.log(`Building the ${name} extension…`);
  execFileSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  const output = target === 'firefox' ? '.output/firefox-mv2' : '.output/chrome-mv3';
  if (!hasDisplay()) {
    console.error(
      [
        `No display here, so no browser window can open. The extension is built in ${output}:`,
        '  · on a desktop machine, run `npm start` there, or load the build by hand (README: "Load it by hand");',
        '  · on a headless Linux machine, run `xvfb-run npm start` (Debian: `apt-get install -y xvfb`), or just `npm test`.',
      ].join('\n'),
    );
    process.exit(1);
  }
  const server = await serveFixtures();
  try {
    await (target === 'firefox' ? openFirefox(server) : openChromium(server));
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
