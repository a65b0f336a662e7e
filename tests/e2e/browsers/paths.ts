/**
 * Where the browsers are. Test tools cannot download browsers on this kind of machine, so a
 * missing one is a clear failure that says how to get it, never a skip. `npm test` installs
 * Debian's packages itself on Debian and Ubuntu (cli/setup.sh).
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's with \`apt-get install -y chromium\`, or set CHROME_PATH to a Chrome or Chromium binary.`,
    );
  }
  return path;
}

export function firefoxPath(): string {
  const path =
    process.env.FIREFOX_PATH ??
    ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ??
    '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. Install Debian's with \`apt-get install -y firefox-esr\`, or set FIREFOX_PATH to a Firefox binary (version 128 or newer).`,
    );
  }
  return path;
}
