/**
 * The stores' screenshots, taken by this run from the demo article in each browser, at the
 * 1280×800 both stores ask for: the page with its marks, a card, the popup over the page,
 * and the options page. They live in `store/screenshots/<store>/`, and `npm run zip` puts
 * them beside the packages; a change to the UI shows up as changed files there.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { eachBrowser } from './each-browser';
import { VIEWPORT } from '../browsers/session';
import { markCentre, waitForMarks, waitForUi } from './page-helpers';

const storeDir = join(import.meta.dirname, '../../../store/screenshots');
const STORE = { chromium: 'chrome', firefox: 'firefox' } as const;
/**
 * The most a channel of a pixel may differ from the stored picture for that picture to stand:
 * Chromium's antialiasing of the options page's rounded corners moved by one level between
 * runs (17 pixels), and rewrote the file on every run. A change to the UI moves far more.
 */
const RENDERING_JITTER = 2;

/** True when two pictures have the same size and no channel differs by more than `jitter`. */
async function sameWithin(stored: string, png: Buffer, jitter: number): Promise<boolean> {
  const [a, b] = await Promise.all(
    [sharp(stored), sharp(png)].map((image) =>
      image.ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
    ),
  );
  if (a!.info.width !== b!.info.width || a!.info.height !== b!.info.height) return false;
  for (let i = 0; i < a!.data.length; i++)
    if (Math.abs(a!.data[i]! - b!.data[i]!) > jitter) return false;
  return true;
}

eachBrowser('the store screenshots', (b) => {
  it('show the demo article’s marks, a card, the popup and the options', async () => {
    const dir = join(storeDir, STORE[b.name]);
    mkdirSync(dir, { recursive: true });
    const save = async (name: string, png: Uint8Array) => {
      const image = sharp(png);
      const { width, height } = await image.metadata();
      expect({ width, height }).toEqual(VIEWPORT);
      // Metadata-free, so an unchanged picture is an unchanged file.
      const file = join(dir, name);
      const fresh = await image.png({ compressionLevel: 9 }).toBuffer();
      if (existsSync(file) && (await sameWithin(file, fresh, RENDERING_JITTER))) return;
      writeFileSync(file, fresh);
    };

    const { page } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    await waitForUi(page, 'toggle');
    await save('1-marks.png', await page.screenshot());

    const point = await markCentre(page, 'mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    await save('2-card.png', await page.screenshot());
    await page.keyboard.press('Escape');
    await waitForUi(page, 'no-card');
    await page.evaluate(() => window.scrollTo(0, 0));
    const backdrop = await page.screenshot();

    // The popup as the toolbar shows it: at its own size, over the page's top right corner.
    const tabId = await b.session.tabIdOf(page);
    const { page: popup } = await b.session.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForFunction(
      () =>
        document.querySelectorAll('.sources li').length > 0 &&
        document.querySelector('.claims__group'),
    );
    const box = await popup.$eval('.popup', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: Math.ceil(r.width), height: Math.ceil(r.height) };
    });
    const panel = await popup.screenshot({
      clip: { ...box, height: Math.min(box.height, VIEWPORT.height - 16) },
    });
    await popup.close();
    await save(
      '3-popup.png',
      await sharp(backdrop)
        .composite([
          {
            input: await sharp(panel)
              .extend({
                top: 1,
                bottom: 1,
                left: 1,
                right: 1,
                background: '#8a8a94',
              })
              .toBuffer(),
            top: 8,
            left: VIEWPORT.width - box.width - 24,
          },
        ])
        .png()
        .toBuffer(),
    );

    const { page: options } = await b.session.openExtensionPage('options.html');
    await options.waitForSelector('#settings-heading');
    await save('4-options.png', await options.screenshot());
    await options.close();
    await page.close();
  });
});
