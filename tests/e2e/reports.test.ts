/**
 * Reporting a mismatch, end to end: from the card on the page to a saved report with its
 * correction request and e-mail link; the report in the options page (edit, export as CSV and
 * JSON, import into another browser profile without duplicates); and the popup's count.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, launchWithExtension } from './harness';
import { useExtensionSuite } from './suite';
import { waitForHighlights } from './highlights';
import { axeViolations, openCardAt, openOptions } from './ui';
import { clickInUi, inUi, uiElement } from './browsers/ui-root';
import { reportsToJson } from '@/utils/reports/files';
import { sampleReport } from '../unit/reports/helpers';

const suite = useExtensionSuite();

const EMAIL = 'newsdesk@example.co.uk';
const TITLE =
  'Domestic abuse: Thanet tops county table as new strategy goes out to consultation | Medway & Thanet Chronicle';
const SENTENCE =
  'Between 2017 and 2021 the district averaged 4,548 domestic abuse calls to the force, the report says, while Sevenoaks averaged 1,790.';
const NOTE = 'The strategy’s table gives 1,709 for Sevenoaks, not 1,790.';
const EDITED_NOTE = 'Checked again: the strategy says 1,709. Please correct the article.';

/** The JSON export of the first profile, imported into a fresh one. */
let exportedJson = '';

function reportCount(popup: Page) {
  return popup.locator('.popup__reports').textContent();
}

/** RFC 4180 records, for reading the export back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

describe('reporting a mismatch', () => {
  it('saves a report from the card, with the correction request and an e-mail link to the address set', async () => {
    const options = await openOptions(suite.browser);
    await options.getByRole('textbox', { name: 'Send correction requests to' }).fill(EMAIL);
    await options.getByRole('button', { name: 'Save', exact: true }).click();

    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/e2e/plain-article.html`);
    await waitForHighlights(page, 6);
    const popup = await suite.browser.openPopup(page);
    await expect.poll(() => reportCount(popup)).toBe('0 reports saved');

    await page.bringToFront();
    await openCardAt(page, 'kent-stats-mismatch', '1,790');
    expect((await uiElement(page, '.card__report'))?.text).toBe('Report a problem…');
    // The form opens in the extension's own report page, never in the article's DOM.
    const [reportPage] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      clickInUi(page, '.card__report'),
    ]);
    const reportUrl = new URL(reportPage.url());
    expect(`${reportUrl.protocol}//${reportUrl.host}${reportUrl.pathname}`).toBe(
      `chrome-extension://${suite.browser.extensionId}/report.html`,
    );
    const form = reportPage.getByRole('form', { name: 'Report a problem' });
    await form.waitFor();
    // The reader sees what the report will hold before saving it.
    const facts = (await form.locator('.report__facts').textContent()) ?? '';
    expect(facts).toContain(TITLE);
    expect(facts).toContain('1,790');
    expect(facts).toContain(SENTENCE);
    expect(facts).toContain('Differs from the official figure');
    expect(facts).toContain('1,709 (Kent County Council)');
    expect(await axeViolations(reportPage), 'axe on the report form').toEqual([]);

    await form.getByRole('radio', { name: /The extension/ }).check();
    await form.getByRole('radio', { name: /The page: its figure differs/ }).check();
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill(NOTE);
    await form.getByRole('button', { name: 'Save report' }).click();

    await expect
      .poll(() => reportPage.getByRole('status').textContent())
      .toBe('Report saved in this browser. Nothing has been sent.');
    const request = await reportPage
      .getByRole('textbox', { name: 'Correction request' })
      .inputValue();
    const [subjectLine, ...rest] = request.split('\n\n');
    const body = rest.join('\n\n');
    expect(subjectLine).toBe(`Correction request: "1,790" in "${TITLE}"`);
    for (const line of [
      `Page: ${TITLE}`,
      `Address: ${suite.server.origin}/e2e/plain-article.html`,
      'The page says: "1,790"',
      `In the sentence: "${SENTENCE}"`,
      'Kent Stats Check showed: Differs from the official figure',
      'Official figure: 1,709 — Sevenoaks, 2017-2021',
      'Source: Views wanted on new five year plan to tackle domestic abuse in the county',
      'Publisher: Kent County Council',
      `My note:\n${NOTE}`,
    ]) {
      expect(body).toContain(line);
    }
    expect(body).toMatch(/The source says: ".*1,709.*"/);
    // No empty field is written out (this source has no reference, date or address).
    expect(body).not.toMatch(/^(Reference|Date|Link): *$/m);
    expect(body).not.toContain('Reference:');

    const send = reportPage.getByRole('link', { name: `Send by e-mail to ${EMAIL}…` });
    const href = (await send.getAttribute('href'))!;
    const mail = new URL(href);
    expect(mail.protocol).toBe('mailto:');
    expect(decodeURIComponent(mail.pathname)).toBe(EMAIL);
    expect(mail.searchParams.get('subject')).toBe(subjectLine);
    const mailBody = mail.searchParams.get('body')!;
    expect(mailBody).toContain('\r\n');
    expect(mailBody.replaceAll('\r\n', '\n')).toBe(body);
    expect(await axeViolations(reportPage), 'axe on the saved report').toEqual([]);
    await reportPage.screenshot({ path: join(artifactsDir, 'report-saved-page.png') });
    // Nothing of the reader's settings or of the extension's identity is in the article's DOM,
    // the UI's shadow root included (read through the tests' route: a page script cannot).
    const pageDom =
      (await page.evaluate(() => document.documentElement.outerHTML)) +
      (await inUi(page, (root) => root?.innerHTML ?? '', null));
    expect(pageDom).not.toContain(EMAIL);
    expect(pageDom).not.toContain(suite.browser.extensionId);

    // The popup, open all along, counts it at once.
    await expect.poll(() => reportCount(popup)).toBe('1 report saved');
    // Done closes the report page; the article's card is as it was.
    const closed = reportPage.waitForEvent('close');
    await reportPage.getByRole('button', { name: 'Done' }).click();
    await closed;
    expect((await uiElement(page, '.ksc-card'))?.text).toContain(
      'Differs from the official figure',
    );
    await popup.close();
    await page.close();
    await options.close();
  });

  it('lists the report in the options page, keeps an edited note, and exports it as CSV and JSON', async () => {
    const options = await openOptions(suite.browser);
    const reports = options.locator('#reports');
    await expect.poll(() => reports.locator('h2').textContent()).toBe('Reports (1)');
    const item = reports.locator('.report-item');
    expect(await item.count()).toBe(1);
    const summary = (await item.locator('p').first().textContent()) ?? '';
    expect(summary).toContain('1,790');
    expect(summary).toContain('The page is wrong');
    expect(summary).toContain('Differs from the official figure');
    expect(await item.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(
      `${suite.server.origin}/e2e/plain-article.html`,
    );
    const note = item.getByRole('textbox', { name: 'Note' });
    expect(await note.inputValue()).toBe(NOTE);

    await note.fill(EDITED_NOTE);
    await item.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => reports.getByRole('status').textContent()).toBe('Note saved.');
    await options.reload();
    await expect.poll(() => note.inputValue()).toBe(EDITED_NOTE);
    await item.getByText('Details and correction request').click();
    // The correction request fits in the list, not past its right edge.
    const requestBox = (await item
      .getByRole('textbox', { name: 'Correction request' })
      .boundingBox())!;
    const listBox = (await reports.boundingBox())!;
    expect(requestBox.x + requestBox.width).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
    const mailto = await item
      .getByRole('link', { name: `Send by e-mail to ${EMAIL}…` })
      .getAttribute('href');
    expect(new URL(mailto!).searchParams.get('body')).toContain(EDITED_NOTE);

    const [csvDownload] = await Promise.all([
      options.waitForEvent('download'),
      reports.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^kent-stats-reports-\d{4}-\d\d-\d\d\.csv$/);
    const csvPath = join(artifactsDir, 'reports-export.csv');
    await csvDownload.saveAs(csvPath);
    const [header, row, ...more] = parseCsv(readFileSync(csvPath, 'utf8'));
    expect(more).toEqual([]);
    expect(header).toEqual([
      'Reported at',
      'Kind',
      'Page title',
      'Page URL',
      'Words on the page',
      'Sentence',
      'Verdict shown',
      'Official figure',
      'Place',
      'Period',
      'Record id',
      'Source id',
      'Source title',
      'Publisher',
      'Source date',
      'Reference',
      'Source URL',
      'Quote',
      'Note',
      'Report id',
    ]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Reported at')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(cell('Kind')).toBe('The page is wrong');
    expect(cell('Page title')).toBe(TITLE);
    expect(cell('Page URL')).toBe(`${suite.server.origin}/e2e/plain-article.html`);
    expect(cell('Words on the page')).toBe('1,790');
    expect(cell('Sentence')).toBe(SENTENCE);
    expect(cell('Verdict shown')).toBe('mismatch');
    expect(cell('Official figure')).toBe('1,709');
    expect(cell('Place')).toBe('Sevenoaks');
    expect(cell('Period')).toBe('2017-2021');
    expect(cell('Record id')).toBe('kcc-da-calls-sevenoaks-2017-2021');
    expect(cell('Publisher')).toBe('Kent County Council');
    expect(cell('Note')).toBe(EDITED_NOTE);
    expect(cell('Report id')).toMatch(/^[0-9a-f-]{36}$/);

    const [jsonDownload] = await Promise.all([
      options.waitForEvent('download'),
      reports.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^kent-stats-reports-\d{4}-\d\d-\d\d\.json$/);
    const jsonPath = join(artifactsDir, 'reports-export.json');
    await jsonDownload.saveAs(jsonPath);
    exportedJson = jsonPath;
    const file = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      format: string;
      version: number;
      reports: Array<Record<string, unknown>>;
    };
    expect(file.format).toBe('kent-stats-check-reports');
    expect(file.version).toBe(1);
    expect(file.reports).toHaveLength(1);
    expect(file.reports[0]).toMatchObject({
      id: cell('Report id'),
      createdAt: cell('Reported at'),
      kind: 'page',
      page: { url: `${suite.server.origin}/e2e/plain-article.html`, title: TITLE },
      claim: { mention: '1,790', sentence: SENTENCE },
      verdict: 'mismatch',
      official: {
        recordId: 'kcc-da-calls-sevenoaks-2017-2021',
        display: '1,709',
        place: 'Sevenoaks',
        period: '2017-2021',
        source: { publisher: 'Kent County Council' },
      },
      note: EDITED_NOTE,
    });

    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(options, [['#reports']]), 'axe on the reports, dark').toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await axeViolations(options, [['#reports']]), 'axe on the reports').toEqual([]);
    await reports.screenshot({ path: join(artifactsDir, 'options-reports.png') });
    await options.close();
  });

  it('imports the export into a fresh profile once, however often it is imported', async () => {
    expect(exportedJson).not.toBe('');
    const fresh = await launchWithExtension();
    try {
      const options = await openOptions(fresh);
      const reports = options.locator('#reports');
      await expect.poll(() => reports.locator('h2').textContent()).toBe('Reports (0)');
      const importFile = () => reports.locator('input[type="file"]').setInputFiles(exportedJson);

      await importFile();
      await expect
        .poll(() => reports.getByRole('status').textContent())
        .toBe('Imported 1 report; 0 already here; 0 not readable.');
      await expect.poll(() => reports.locator('h2').textContent()).toBe('Reports (1)');
      const item = reports.locator('.report-item');
      expect(await item.locator('p').first().textContent()).toContain('1,790');
      expect(await item.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(EDITED_NOTE);

      await importFile();
      await expect
        .poll(() => reports.getByRole('status').textContent())
        .toBe('Imported 0 reports; 1 already here; 0 not readable.');
      expect(await reports.locator('h2').textContent()).toBe('Reports (1)');
      expect(await item.count()).toBe(1);

      // The fresh profile's popup counts the imported report.
      const page = await fresh.context.newPage();
      await page.goto(`${suite.server.origin}/e2e/plain-article.html`);
      const popup = await fresh.openPopup(page);
      await expect.poll(() => reportCount(popup)).toBe('1 report saved');
    } finally {
      await fresh.close();
    }
  });

  it('counts reports made from the popup and deleted in the options page', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/e2e/plain-article.html`);
    await waitForHighlights(page, 6);
    const popup = await suite.browser.openPopup(page);
    await expect.poll(() => reportCount(popup)).toBe('1 report saved');
    expect(await popup.locator('.popup__reports').getAttribute('href')).toMatch(
      /\/options\.html#reports$/,
    );

    await popup.getByRole('button', { name: 'Report a problem with 27.6' }).click();
    const form = popup.getByRole('form', { name: 'Report a problem' });
    // Reporting an agreeing figure is about the extension by default.
    expect(await form.getByRole('radio', { name: /The extension/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save report' }).click();
    await expect.poll(() => reportCount(popup)).toBe('2 reports saved');
    // No address set here would be a hint; this profile has one, so the link is offered.
    expect(await popup.getByRole('link', { name: `Send by e-mail to ${EMAIL}…` }).count()).toBe(1);
    expect(await axeViolations(popup), 'axe on the popup’s saved report').toEqual([]);

    const options = await openOptions(suite.browser);
    const reports = options.locator('#reports');
    await expect.poll(() => reports.locator('h2').textContent()).toBe('Reports (2)');
    // Newest first.
    expect(await reports.locator('.report-item strong').allTextContents()).toEqual([
      '27.6',
      '1,790',
    ]);
    await reports.getByRole('checkbox', { name: 'Select report on 27.6' }).check();
    await reports.getByRole('button', { name: 'Delete selected (1)' }).click();
    await expect.poll(() => reports.locator('h2').textContent()).toBe('Reports (1)');
    await expect.poll(() => reportCount(popup)).toBe('1 report saved');
    await options.close();
    await popup.close();
    await page.close();
  });
});

describe('reports written from two tabs at once', () => {
  /** Each tab lists 2,000 reports after the other's write: seconds on a busy machine. */
  const SLOW = { timeout: 20_000, interval: 200 };

  it('keeps and lists all 2,000 when two options tabs each import 1,000 at the same moment', async () => {
    const fresh = await launchWithExtension();
    try {
      const batch = (from: number) => {
        const file = join(artifactsDir, `race-import-${from}.json`);
        writeFileSync(
          file,
          reportsToJson(Array.from({ length: 1000 }, (_, i) => sampleReport(from + i))),
        );
        return file;
      };
      // Big enough that each import's write takes a while: the other tab's starts meanwhile.
      const files = [batch(0), batch(5000)];
      const tabs = [await openOptions(fresh), await openOptions(fresh)];
      const lists = tabs.map((t) => t.locator('#reports'));
      for (const list of lists)
        await expect.poll(() => list.locator('h2').textContent()).toBe('Reports (0)');
      await Promise.all(
        lists.map((list, i) => list.locator('input[type="file"]').setInputFiles(files[i]!)),
      );
      for (const list of lists) {
        await expect
          .poll(() => list.getByRole('status').textContent(), SLOW)
          .toBe('Imported 1000 reports; 0 already here; 0 not readable.');
        // Each tab's list follows the other's import too.
        await expect.poll(() => list.locator('h2').textContent(), SLOW).toBe('Reports (2000)');
      }
      // A tab opened afterwards lists them all as well.
      const later = (await openOptions(fresh)).locator('#reports');
      await expect.poll(() => later.locator('h2').textContent(), SLOW).toBe('Reports (2000)');
    } finally {
      await fresh.close();
    }
  });
});
