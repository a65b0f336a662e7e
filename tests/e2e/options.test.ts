/**
 * The options page as a reader uses it: every official figure, searchable and sortable; the
 * sources; settings that take effect at once on the pages already open; and the page's
 * accessibility in light and dark.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '@/data';
import { formatFigure } from '@/components/format/figure';
import { artifactsDir } from './harness';
import { useExtensionSuite } from './suite';
import { highlightedTexts, waitForHighlights } from './highlights';
import { axeViolations, markCounts, openOptions, totalMarks } from './ui';
import { uiElement } from './browsers/ui-root';

const suite = useExtensionSuite();
let options: Page;

beforeAll(async () => {
  options = await openOptions(suite.browser);
});

/** A fixture page with two marks that agree and two unverified ones. */
const SWALE = '/pages/46-swale-domestic-abuse.html';

async function openSwale(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}${SWALE}`);
  await waitForHighlights(page, 4);
  expect(await markCounts(page)).toMatchObject({
    'kent-stats-match': 2,
    'kent-stats-unverified': 2,
  });
  return page;
}

const rows = () => options.locator('table.figures tbody tr');
const column = (n: number) => options.locator(`table.figures tbody tr td:nth-child(${n})`);

describe('the options page', () => {
  it('lists every official figure of every pack, filters them by a search and sorts them by value', async () => {
    const all = dataset.figures.length;
    const thanet = dataset.figures.filter((f) => f.place === 'thanet').length;
    await options.bringToFront();
    expect(all).toBeGreaterThan(38);
    expect(await options.locator('#figures-heading').textContent()).toBe(
      `Official figures (${all})`,
    );
    expect(await rows().count()).toBe(all);

    const search = options.getByRole('searchbox', { name: 'Search the figures' });
    await search.fill('Thanet');
    await expect.poll(() => rows().count()).toBe(thanet);
    expect(new Set(await column(2).allTextContents())).toEqual(new Set(['Thanet']));
    expect(await column(4).allTextContents()).toEqual(
      expect.arrayContaining(['4,548', '401', '27.6 per 1,000 population']),
    );
    expect(
      await options
        .locator('section[aria-labelledby="figures-heading"] [role="status"]')
        .textContent(),
    ).toBe(`${thanet} of ${all} figures`);
    await search.fill('');
    await expect.poll(() => rows().count()).toBe(all);

    const value = options.getByRole('columnheader', { name: 'Value' });
    await value.getByRole('button').click();
    expect(await value.getAttribute('aria-sort')).toBe('ascending');
    const byValue = [...dataset.figures]
      .sort((a, b) => a.value - b.value || a.id.localeCompare(b.id))
      .map(formatFigure);
    expect(await column(4).allTextContents()).toEqual(byValue);
    // Numbers, not text: 0 first, 2.4 million last, 4,548 after 401.
    expect(byValue[0]).toBe('0');
    expect(byValue.at(-1)).toBe('2.4 million');
    await value.getByRole('button').click();
    expect(await value.getAttribute('aria-sort')).toBe('descending');
    expect(await column(4).allTextContents()).toEqual([...byValue].reverse());
  });

  it('lists every source with its publisher', async () => {
    const sources = options.locator('section[aria-labelledby="sources-heading"] article.source');
    expect(await sources.count()).toBe(dataset.sources.length);
    expect(await sources.locator('h3').allTextContents()).toEqual(
      dataset.sources.map((s) => s.title),
    );
    const kcc = sources.filter({ hasText: 'Staff Assaults' });
    expect(await kcc.textContent()).toContain('FOI 10974577');
    expect(await kcc.textContent()).toContain('Freedom of Information response');
  });

  it('hides and shows unverified claims on an open page at once', async () => {
    const page = await openSwale();
    await options.bringToFront();
    const box = options.getByRole('checkbox', { name: /Show unverified claims/ });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => markCounts(page)).toMatchObject({ 'kent-stats-unverified': 0 });
    const marks = await highlightedTexts(page);
    expect(marks.match).toHaveLength(2);
    expect(marks.unverified).toEqual([]);
    // The page's own count follows.
    expect((await uiElement(page, '.ksc-toggle'))?.text).toBe('2 figures checked');

    await box.check();
    await expect.poll(() => markCounts(page)).toMatchObject({ 'kent-stats-unverified': 2 });
    await expect
      .poll(async () => (await uiElement(page, '.ksc-toggle'))?.text)
      .toBe('4 figures checked');
    await page.close();
  });

  it('applies the stronger background colour to an open page, and takes it away again', async () => {
    const page = await openSwale();
    // The stronger style registers each verdict's marks a second time, under the name the
    // extension's stylesheet gives the stronger colour; the page gets no style sheet of ours.
    const strong = (p: Page) =>
      p.evaluate(() => ({
        marks: CSS.highlights.get('kent-stats-strong-match')?.size ?? 0,
        same:
          CSS.highlights.get('kent-stats-strong-match') === CSS.highlights.get('kent-stats-match'),
        sheets: document.adoptedStyleSheets.length,
      }));
    expect(await strong(page)).toEqual({ marks: 0, same: false, sheets: 0 });
    await options.bringToFront();
    await options.getByRole('radio', { name: 'Stronger background colour' }).check();
    await expect.poll(() => strong(page)).toMatchObject({ same: true, sheets: 0 });
    expect((await strong(page)).marks).toBeGreaterThan(0);
    // A page opened afterwards gets it too.
    const later = await openSwale();
    await expect.poll(() => strong(later)).toMatchObject({ same: true, sheets: 0 });

    await options.bringToFront();
    await options.getByRole('radio', { name: /Underline with a light tint/ }).check();
    await expect.poll(() => strong(page)).toEqual({ marks: 0, same: false, sheets: 0 });
    await expect.poll(() => strong(later)).toEqual({ marks: 0, same: false, sheets: 0 });
    await later.close();
    await page.close();
  });

  it('pauses an open tab of a site added to the paused sites, and resumes it', async () => {
    const page = await openSwale();
    await options.bringToFront();
    const site = options.getByRole('textbox', { name: 'Pause on a site' });
    await site.fill('http://127.0.0.1/pages/');
    await options.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect
      .poll(() => options.locator('.sites li').allTextContents())
      .toEqual([expect.stringContaining('127.0.0.1')]);
    expect(await site.inputValue()).toBe('');
    await expect.poll(() => totalMarks(page)).toBe(0);
    expect(await page.locator('kent-stats-check').count()).toBe(0);

    // Nonsense is refused with a message, and nothing is added.
    await site.fill('not a site');
    await options.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(await options.getByRole('alert').textContent()).toContain('Enter a site such as');
    expect(await options.locator('.sites li').count()).toBe(1);
    await site.fill('');

    await options.getByRole('button', { name: 'Resume on 127.0.0.1' }).click();
    await waitForHighlights(page, 4);
    expect(await options.locator('.sites li').count()).toBe(0);
    expect(await options.locator('fieldset', { hasText: 'Paused sites' }).textContent()).toContain(
      'runs on every site',
    );
    await page.close();
  });

  it('keeps the address correction requests go to, and refuses one a mail program cannot use', async () => {
    await options.bringToFront();
    const email = options.getByRole('textbox', { name: 'Send correction requests to' });
    const save = options.getByRole('button', { name: 'Save', exact: true });
    await email.fill('newsdesk@kentonline');
    await save.click();
    expect(await options.locator('#email-message').textContent()).toBe(
      'Enter one e-mail address, such as newsdesk@example.co.uk.',
    );
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await options.reload();
    expect(await email.inputValue()).toBe('');

    await email.fill(' newsdesk@kentonline.co.uk ');
    await save.click();
    expect(await options.getByRole('status').allTextContents()).toContain(
      'Correction requests will go to newsdesk@kentonline.co.uk.',
    );
    await options.reload();
    await expect.poll(() => email.inputValue()).toBe('newsdesk@kentonline.co.uk');
  });

  it('has no accessibility violations, in light and in dark', async () => {
    await options.bringToFront();
    await options.reload();
    await options.locator('#settings-heading').waitFor();
    expect(
      await options.evaluate(() => getComputedStyle(document.querySelector('p')!).fontSize),
    ).toBe('14px');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await axeViolations(options), `axe, ${colorScheme}`).toEqual([]);
      await options.screenshot({ path: join(artifactsDir, `options-${colorScheme}.png`) });
      await options.screenshot({
        path: join(artifactsDir, `options-${colorScheme}-full.png`),
        fullPage: true,
      });
    }
    await options.emulateMedia({ colorScheme: 'light' });
  });
});
