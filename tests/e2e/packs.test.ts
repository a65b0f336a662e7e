/**
 * Packs a reader adds, as a reader adds them: pick a zip in the options page, see its
 * figures checked on a page with the pack's name on the card and in the popup, remove it
 * and see the page checked without it; a bad pack refused with every error listed. The
 * pack is the made-up test fixture in `tests/fixtures/e2e/packs/`, never official data.
 */
import { Buffer } from 'node:buffer';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '@/data';
import {
  FIXTURE_TITLE,
  badPackFiles,
  readPackFolder,
  zipPack,
} from '../fixtures/e2e/packs/fixture-zips';
import { waitForHighlights } from './highlights';
import { useExtensionSuite } from './suite';
import { markCounts, openCardAt, openOptions } from './ui';
import { uiElement } from './browsers/ui-root';

const suite = useExtensionSuite();
let options: Page;

beforeAll(async () => {
  options = await openOptions(suite.browser);
});

const section = () => options.locator('section#packs');

async function pick(zip: Uint8Array, name: string): Promise<void> {
  await options.bringToFront();
  await section()
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });
}

describe('a data pack the reader adds', () => {
  it('is listed once added, checks a page figure with its name on the card and in the popup, and goes when removed', async () => {
    await expect.poll(() => section().locator('h2').textContent()).toBe('Data packs you added (0)');
    expect(await section().textContent()).toMatch(
      /at most 5 MB, with at most 50 files and 5,000 rows/,
    );
    await pick(zipPack(readPackFolder(), 'lighthouse'), 'lighthouse.zip');
    await expect
      .poll(() => section().locator('[role="status"]').textContent())
      .toBe(`Added “${FIXTURE_TITLE}”.`);
    const item = section().locator('.pack-item');
    await expect.poll(() => item.count()).toBe(1);
    const listed = (await item.textContent()) ?? '';
    expect(listed).toContain(FIXTURE_TITLE);
    expect(listed).toMatch(
      /test-fixture-lighthouse · version 1\.0\.0 · 2 official figures · added \d+ \w+ \d{4}/,
    );
    expect(listed).toContain('TEST FIXTURE: annual return of a made-up lighthouse authority');
    // The options page's own table lists the pack's figures beside the bundled ones.
    const figuresHeading = () => options.locator('#figures-heading').textContent();
    const bundled = dataset.figures.length;
    await expect.poll(figuresHeading).toBe(`Official figures (${bundled + 2})`);
    await expect.poll(() => options.locator('table.figures').textContent()).toContain('4,321');

    const { page, errors } = await suite.open('/e2e/lighthouse-article.html');
    await waitForHighlights(page, 1);
    expect(await markCounts(page)).toMatchObject({ 'kent-stats-match': 1 });
    await openCardAt(page, 'kent-stats-match', '4,321');
    const card = (await uiElement(page, '.ksc-card'))?.text ?? '';
    expect(card).toContain(`From a pack you added: ${FIXTURE_TITLE}`);
    expect(card).toContain('In 1999 there were 4,321 assaults on lighthouse keepers in Dover.');

    const popup = await suite.browser.openPopup(page);
    await expect
      .poll(() => popup.locator('.popup__tagline').textContent())
      .toMatch(new RegExp(`, 2 from a pack you added: ${FIXTURE_TITLE}\\.$`));
    await expect
      .poll(() => popup.locator('.claims__group--match .claim').textContent())
      .toContain(`from a pack you added: ${FIXTURE_TITLE}`);
    await popup.close();

    // Removed in the options page: the open page is checked again without the pack.
    await options.bringToFront();
    await section()
      .getByRole('button', { name: `Remove ${FIXTURE_TITLE}` })
      .click();
    await expect.poll(() => section().locator('.pack-item').count()).toBe(0);
    await expect.poll(figuresHeading).toBe(`Official figures (${bundled})`);
    await expect
      .poll(() => markCounts(page))
      .toMatchObject({ 'kent-stats-match': 0, 'kent-stats-unverified': 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is refused whole with a bad hash, a misquoted row and a duplicate id all listed', async () => {
    await pick(zipPack(badPackFiles(), 'lighthouse'), 'bad-lighthouse.zip');
    const alert = section().locator('.packs__errors');
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toMatch(
      /^The pack was not added: nothing from it is kept/,
    );
    const errors = await alert.locator('li').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sources\/lighthouse-return\.txt: its hash is sha256:[0-9a-f]{64}, but datapackage\.json/,
        ),
        expect.stringMatching(
          /^figures\.csv: row 3, record "test-fixture-lighthouse-assaults-thanet-1999" field "quote": not found word for word/,
        ),
        expect.stringMatching(
          /^figures\.csv: row \d+, record "test-fixture-lighthouse-assaults-dover-1999" field "id": duplicate id/,
        ),
      ]),
    );
    expect(await section().locator('.pack-item').count()).toBe(0);
  });
});
