import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedPage } from '../../../cli/html';
import {
  blockOffsetOf,
  extractBlocks,
  leafSegments,
  leafText,
  rangeFor,
  type TextSegment,
} from '../../../utils/dom/extract';

let page: LoadedPage | null = null;

function load(html: string): Document {
  page = loadHtml(html);
  return page.document;
}

afterEach(async () => {
  await page?.close();
  page = null;
});

/** Every character of a block must come from its text node at the mapped offset. */
function expectExactMap(block: string, segments: readonly TextSegment[]): void {
  for (const s of segments) {
    for (let k = s.start; k < s.end; k += 1) {
      const fromNode = s.node.data[s.nodeOffset + (k - s.start)] ?? '';
      const want = block[k] ?? '';
      // Whitespace is collapsed to one space, so any whitespace in the node stands for it.
      const same = /\s/.test(want) ? /\s/.test(fromNode) : fromNode === want;
      expect(same, `character ${k}: ${JSON.stringify(want)} from ${JSON.stringify(fromNode)}`).toBe(
        true,
      );
    }
  }
  const covered = segments.reduce((n, s) => n + (s.end - s.start), 0);
  expect(covered).toBe(block.length);
}

describe('extractBlocks', () => {
  it('keeps text split across inline elements in one block', () => {
    const doc = load(
      '<body><p>Thanet: <strong>27.6</strong> per <a href="#">1,000</a>\n   people.</p><p>Next <em>block</em></p></body>',
    );
    const { blocks } = extractBlocks(doc);
    expect(blocks).toEqual(['Thanet: 27.6 per 1,000 people.', 'Next block']);
  });

  it('joins digits split across inline elements without a space', () => {
    const doc = load('<body><p>Rate: <b>27</b><i>.6</i> per 1,000</p></body>');
    expect(extractBlocks(doc).blocks).toEqual(['Rate: 27.6 per 1,000']);
  });

  it('makes a block of each block-level element, and of a div’s own text', () => {
    const doc = load(
      '<body><div>Intro text <p>Paragraph</p> more text</div><ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>1</td></tr></table><h2>Head</h2><blockquote>Quote</blockquote><figure><figcaption>Caption</figcaption></figure></body>',
    );
    expect(extractBlocks(doc).blocks).toEqual([
      'Intro text',
      'Paragraph',
      'more text',
      'One',
      'Two',
      'A',
      '1',
      'Head',
      'Quote',
      'Caption',
    ]);
  });

  it('treats <br> as a space', () => {
    const doc = load('<body><p>line one<br>line two</p></body>');
    expect(extractBlocks(doc).blocks).toEqual(['line one line two']);
  });

  it('skips code, form fields and hidden parts, but not a page element carrying the UI marker', () => {
    const doc = load(`<body>
      <p>Kept 1</p>
      <script>var x = 100;</script><style>.a{}</style><noscript>no 2</noscript><template><p>tpl 3</p></template>
      <textarea>ta 4</textarea><input value="5"><select><option>opt 6</option></select>
      <div contenteditable="true">edit 7</div><code>code 8</code><pre>pre 9</pre><svg><text>svg 10</text></svg>
      <p hidden>hidden 11</p><p aria-hidden="true">aria 12</p><div data-kent-stats-ui><p>Marked 13</p></div>
      <p style="display: none">styled 14</p>
      <p>Kept 15</p>
    </body>`);
    // Issue 13: the extension's marker attribute on a page's article hid it from the checker.
    expect(extractBlocks(doc).blocks).toEqual(['Kept 1', 'Marked 13', 'Kept 15']);
  });

  it('skips elements the caller asks it to', () => {
    const doc = load('<body><p class="mine">own 1</p><p>page 2</p></body>');
    expect(extractBlocks(doc, { skip: (el) => el.classList.contains('mine') }).blocks).toEqual([
      'page 2',
    ]);
  });

  it('maps every block character back to its text node exactly, through folded whitespace', () => {
    const doc = load(
      '<body><p>  Kent   Police <span>recorded\n\n over</span>   <b>100</b>\tcrimes <a>a   day</a>.  </p></body>',
    );
    const { blocks, segments } = extractBlocks(doc);
    expect(blocks).toEqual(['Kent Police recorded over 100 crimes a day.']);
    expectExactMap(blocks[0]!, segments[0]!);
  });

  it('folds no-break and other Unicode spaces like a space, word runs keeping their exact map', () => {
    const doc = load(
      '<body><p>Thanet\u00a0had 27.6\u2009per\u00a0\u00a01,000 <i>rate</i>\u3000in\u00a0<b>2021/22</b></p></body>',
    );
    const { blocks, segments } = extractBlocks(doc);
    expect(blocks).toEqual(['Thanet had 27.6 per 1,000 rate in 2021/22']);
    expectExactMap(blocks[0]!, segments[0]!);
    // One segment per stretch of a text node: a run of words is not cut up character by character.
    expect(segments[0]!.length).toBe(5);
  });

  it('reads a paragraph with no elements inside as the walk does, and maps it only when asked', () => {
    // Text nodes and comments made by hand: every kind of whitespace, at either end, between
    // nodes, empty nodes, and text that needs no folding at all.
    const pieces = [
      '',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u2009',
      'Kent',
      '27.6',
      'per 1,000',
      'a  b',
      ' x ',
    ];
    const doc = load('<body></body>');
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const p = doc.createElement('p');
      for (let k = next(5); k >= 0; k -= 1) {
        if (next(6) === 0) p.appendChild(doc.createComment('note'));
        else
          p.appendChild(
            doc.createTextNode(pieces[next(pieces.length)]! + pieces[next(pieces.length)]!),
          );
      }
      doc.body.appendChild(p);
      const walked = extractBlocks(p, { rootOnly: true });
      const text = leafText(p);
      expect(text, JSON.stringify(p.innerHTML)).toBe(walked.blocks[0] ?? '');
      if (text) expect(leafSegments(p, text)).toEqual(walked.segments[0]);
      p.remove();
    }
  });

  it('makes no map for a paragraph that no longer reads as it did', () => {
    const doc = load('<body><p>Kent Police recorded 100 crimes a day.</p></body>');
    const p = doc.querySelector('p')!;
    const text = leafText(p)!;
    // A leaf too long for the caller's limit is left to the walk.
    expect(leafText(p, 20)).toBeNull();
    p.firstChild!.textContent = 'Kent Police recorded 1,000 crimes a day.';
    expect(leafSegments(p, text)).toBeNull();
  });

  it('builds a Range over a span of a block, across elements', () => {
    const doc = load(
      '<body><p>The rate is <strong>27.6</strong> per <a href="#">1,000</a> people.</p></body>',
    );
    const { blocks, segments } = extractBlocks(doc);
    const block = blocks[0]!;
    const start = block.indexOf('27.6');
    const end = block.indexOf(' people');
    const range = rangeFor(segments[0]!, start, end, doc);
    expect(range?.toString()).toBe('27.6 per 1,000');
    expect(range?.startContainer.parentElement?.tagName).toBe('STRONG');
    expect(range?.endContainer.parentElement?.tagName).toBe('A');
    expect(rangeFor(segments[0]!, 5, 5, doc)).toBeNull();
  });

  it('finds the block offset of every position in the text it reads, the inverse of rangeFor', () => {
    const doc = load(
      '<p>Thanet   had <strong>27.6</strong>\n   per <a href="#">1,000</a> people.</p>',
    );
    const { blocks, segments } = extractBlocks(doc);
    const block = blocks[0]!;
    // Every character of the block, found from where its range starts and ends.
    for (let k = 0; k < block.length; k++) {
      const range = rangeFor(segments[0]!, k, k + 1, doc)!;
      expect(blockOffsetOf(segments[0]!, range.startContainer, range.startOffset)).toBe(k);
      expect(blockOffsetOf(segments[0]!, range.endContainer, range.endOffset)).toBe(k + 1);
    }
    // A position inside folded whitespace gives the text next to it; one outside, nothing.
    const first = doc.querySelector('p')!.firstChild!;
    expect(blockOffsetOf(segments[0]!, first, 8)).toBe(block.indexOf('had'));
    expect(blockOffsetOf(segments[0]!, doc.querySelector('p')!, 0)).toBeNull();
  });

  it('reads an element subtree as well as a document', () => {
    const doc = load(
      '<body><p>Outside 1</p><section id="s"><p>Inside 2</p><p>Inside 3</p></section></body>',
    );
    expect(extractBlocks(doc.getElementById('s')!).blocks).toEqual(['Inside 2', 'Inside 3']);
  });

  it('reads the page context: title, headings and date', () => {
    const doc = load(`<html><head><title>Thanet tops county | Chronicle</title>
      <meta property="article:published_time" content="2023-07-28T09:00:00Z"></head>
      <body><h1>Thanet tops county</h1><p>Text</p><h2>Why <em>Thanet</em></h2><h3 hidden>Hidden</h3></body></html>`);
    const { context } = extractBlocks(doc, { contextOnly: true });
    expect(context).toMatchObject({
      title: 'Thanet tops county | Chronicle',
      headings: ['Thanet tops county', 'Why Thanet'],
      date: '2023-07-28',
    });
    expect(extractBlocks(doc, { contextOnly: true }).blocks).toEqual([]);
  });

  it.each([
    [
      '<time datetime>',
      '<body><p>By X · <time datetime="2018-05-17T10:00">May 17</time></p></body>',
      '2018-05-17',
    ],
    [
      'meta name=date',
      '<head><meta name="date" content="2020-02-12"></head><body><p>x</p></body>',
      '2020-02-12',
    ],
    [
      'JSON-LD',
      '<head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-09-24T06:00"}]}</script></head><body><p>x</p></body>',
      '2025-09-24',
    ],
    [
      'the most trusted metadata, wherever it stands',
      '<head><meta name="date" content="2020-02-12"><meta property="article:published_time" content="2023-07-28"></head><body><p>x</p></body>',
      '2023-07-28',
    ],
    [
      'the next metadata when the first is no date',
      '<head><meta property="article:published_time" content="soon"><meta property="article:published_time" content="2019-01-01"><meta name="date" content="2020-02-12"></head><body><p>x</p></body>',
      '2020-02-12',
    ],
    [
      'a dated byline',
      '<body><p class="article-byline">By X, 15 October 2020</p><p>On 3 March 2019 the council met.</p></body>',
      '2020-10-15',
    ],
    [
      'JSON-LD before a <time> and a byline that come first in the page',
      '<body><p class="byline">1 May 2017</p><time datetime="2018-05-17">May 17</time><script type="application/ld+json">{"datePublished":"2025-09-24"}</script></body>',
      '2025-09-24',
    ],
    [
      'a <time> before a byline that comes first in the page',
      '<body><p class="byline">1 May 2017</p><time datetime="2018-05-17">May 17</time></body>',
      '2018-05-17',
    ],
    [
      'the first eight bylines only',
      `<body>${'<p class="byline">By X</p>'.repeat(8)}<p class="byline">1 May 2017</p></body>`,
      undefined,
    ],
    ['nothing', '<body><p>x</p></body>', undefined],
  ])('finds the publication date from %s', (_label, html, date) => {
    expect(extractBlocks(load(html)).context.date).toBe(date);
  });

  // Issue 13: a JSON-LD array of 300,000 items overflowed the stack, and the checker never started.
  it('reads a page whose JSON-LD is a huge array, and takes the date from the next item', () => {
    const huge = `[${Array(300_000).fill(0).join(',')}]`;
    const doc = load(
      `<head><script type="application/ld+json">${huge}</script><script type="application/ld+json">{"datePublished":"2023-07-28"}</script></head><body><p>Kent Police recorded 100 crimes.</p></body>`,
    );
    const { blocks, context } = extractBlocks(doc);
    expect(blocks).toEqual(['Kent Police recorded 100 crimes.']);
    expect(context.date).toBe('2023-07-28');
  });

  it('reads only the first headings the caller keeps, hidden ones not counted', () => {
    const doc = load(
      '<body><h1>One</h1><h2 hidden>Hidden</h2><h2>Two</h2><h2>Three</h2><p>Text</p></body>',
    );
    expect(extractBlocks(doc, { contextOnly: true, maxHeadings: 2 }).context.headings).toEqual([
      'One',
      'Two',
    ]);
  });

  it('falls back to the first h1 for a page without a title', () => {
    expect(extractBlocks(load('<body><h1>Headline here</h1></body>')).context.title).toBe(
      'Headline here',
    );
  });
});
