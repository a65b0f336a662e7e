/** Starts either browser with the built extension installed. */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtensionSession } from './session';

export function launchSession(name: BrowserName): Promise<ExtensionSession> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
