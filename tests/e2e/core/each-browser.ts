/**
 * A scenario written once and run in each browser: one browser with the extension and one
 * fixture server per browser, started before the scenario's tests and closed after them.
 * Every scenario ends by checking what a reader cannot see but is promised: the extension
 * logged no error and nothing tried to leave the machine.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixtures, type Served } from '../fixture-server';
import { launchSession } from '../browsers';
import { BROWSERS, type BrowserName, type ExtensionSession } from '../browsers/session';

export const artifactsDir = join(import.meta.dirname, '../../../test-results');

export interface Scenario {
  readonly name: BrowserName;
  readonly session: ExtensionSession;
  /** A fixture page's address on the local server. */
  url(path: string): string;
}

export function eachBrowser(title: string, body: (scenario: Scenario) => void): void {
  for (const name of BROWSERS) {
    describe(`${title} (${name})`, () => {
      let session: ExtensionSession | undefined;
      let server: Served | undefined;
      beforeAll(async () => {
        mkdirSync(artifactsDir, { recursive: true });
        server = await serveFixtures();
        session = await launchSession(name);
      });
      afterAll(async () => {
        await session?.close();
        await server?.close();
      });
      const ready = () => {
        if (!session || !server) throw new Error(`${name} has not started yet.`);
        return { session, server };
      };
      body({
        name,
        get session() {
          return ready().session;
        },
        url: (path) => `${ready().server.origin}${path}`,
      });
      it('logged no error of the extension’s and sent no request off the machine', () => {
        expect(ready().session.extensionErrors).toEqual([]);
        expect(ready().session.offMachineRequests).toEqual([]);
      });
    });
  }
}
