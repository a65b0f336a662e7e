// @vitest-environment happy-dom
/**
 * The loader's relevance test decides whether a page gets the checker at all, so its fast
 * path (`textContent` and loose patterns) must never turn away a page the exact test accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '@/cli/html';
import { looksRelevant } from '@/utils/dom/relevance';
import { hasRelevantContext, mayHaveRelevantContext } from '@/utils/engine/relevance';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The text as the exact test reads it: text nodes joined by spaces, no scripts or styles. */
function spaceJoined(doc: Document): string {
  const walker = doc.createTreeWalker(doc.body, 4);
  const parts: string[] = [doc.title];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag = node.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT') parts.push((node as Text).data);
  }
  return parts.join(' ');
}

describe('looksRelevant', () => {
  it.each([
    ['Kent in a heading run into the next paragraph', '<h1>Kent</h1><p>Police figures</p>', true],
    ['a district in a link', '<p>News from <a href="/t">Thanet</a> today</p>', true],
    [
      'domestic abuse in the UK, split across elements',
      '<p><b>Domestic</b><i> abuse</i> affected 2.4 million people in the <span>United</span><span> Kingdom</span>.</p>',
      true,
    ],
    ['a recipe', '<h1>Lemon drizzle</h1><p>Bake for 35 minutes at 180C.</p>', false],
    ['Kent only inside a word', '<p>Kentucky fried chicken, 12 pieces for £15</p>', false],
    ['Kent only in a script', '<p>Weather</p><script>var region = "Kent";</script>', false],
    ['the UK without abuse', '<p>UK inflation fell to 2%.</p>', false],
    [
      'the UK named before Kent',
      '<p>UK inflation fell to 2%.</p><p>Prices in Kent rose again.</p>',
      true,
    ],
    [
      'Britain named before domestic abuse',
      '<p>Across Britain, charities spoke out.</p><p>Domestic abuse calls doubled.</p>',
      true,
    ],
  ])('%s → %s', (_label, html, expected) => {
    const doc = load(`<head><title>Page</title></head><body>${html}</body>`);
    expect(looksRelevant(doc, doc.body)).toBe(expected);
  });

  it('reads the title too', () => {
    const doc = load('<head><title>Maidstone news</title></head><body><p>Road closed.</p></body>');
    expect(looksRelevant(doc, doc.body)).toBe(true);
  });

  it('never turns away a golden page the exact test accepts', async () => {
    const files = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(40);
    let relevant = 0;
    for (const file of files) {
      // Loaded as the CLI and the accuracy test load them: nothing fetched, nothing run.
      const page = loadHtml(readFileSync(join(PAGES, file), 'utf8'));
      const doc = page.document;
      const exact = hasRelevantContext(spaceJoined(doc));
      if (exact) relevant++;
      if (exact)
        expect(mayHaveRelevantContext(`${doc.title} ${doc.body.textContent}`), file).toBe(true);
      expect(looksRelevant(doc, doc.body), file).toBe(exact);
      await page.close();
    }
    // Most golden pages are about Kent; the rest are the distractor pages.
    expect(relevant).toBeGreaterThan(files.length / 2);
  });

  it('finds every clue the exact test finds, however the words are split across elements', () => {
    const sentences = [
      'Knife crime in Kent is rising.',
      'Thanet council meets tonight.',
      'KMPT answered the request.',
      'Domestic abuse affected 2.4 million people across the UK.',
      'Domestic violence charities in the United Kingdom warn of cuts.',
      'Medway and Tunbridge Wells report the figures.',
    ];
    for (const sentence of sentences) {
      // Every way of cutting the sentence in two, with and without the space kept.
      for (let cut = 1; cut < sentence.length; cut++) {
        const a = sentence.slice(0, cut);
        const b = sentence.slice(cut);
        const doc = load(`<body><p><span>${a}</span><span>${b}</span></p></body>`);
        expect(looksRelevant(doc, doc.body), `${a}|${b}`).toBe(
          hasRelevantContext(spaceJoined(doc)),
        );
      }
    }
  });
});
