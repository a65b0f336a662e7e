/**
 * The generated pages the browser benchmarks load (`npm run bench:browser`, `npm run
 * bench:stalls`): Kent news articles of any size, pages about something else, and issue 13's
 * hostile shapes.
 */

export const KENT_PARAGRAPHS = [
  'Kent Police recorded more than 100 domestic abuse-related crimes every day in 2021/22, figures show.',
  'Thanet has the highest rate of domestic abuse offences in Kent at 27.6 per 1,000 population.',
  'Sevenoaks averaged 1,709 domestic abuse calls to the force between 2017 and 2021.',
  'The council met on 14 March at County Hall, Maidstone ME14 1XQ, and the meeting ran for three hours.',
  'Gillingham beat Crawley 3-1 on Saturday in front of 5,412 fans at Priestfield.',
  'The trust said 11,485 assaults on staff by patients were reported between 2011 and 2018.',
];
export const OTHER_PARAGRAPHS = [
  'Preheat the oven to 180C and line a 20cm tin with baking paper before you start.',
  'The ferry left Portsmouth at 9.15am with 1,200 passengers and 300 cars on board.',
  'Bake for 35 minutes, then leave to cool in the tin for another 10 minutes.',
  'The orchestra played 3 encores and the concert hall seats 2,300 people.',
];

/** An article of about `kb` KB of `paragraphs` in turn, a section heading every 20; `script` ends its body. */
export function article(
  kb: number,
  paragraphs: string[],
  title: string,
  script = '',
): { html: string; claims: number } {
  const parts: string[] = [];
  let size = 0;
  let claims = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    if (paragraphs === KENT_PARAGRAPHS && [0, 1, 2, 5].includes(i % paragraphs.length)) claims++;
    const p = `<p>${text}</p>\n`;
    parts.push(i % 20 === 0 ? `<h2>Section ${i / 20 + 1}</h2>\n${p}` : p);
    size += p.length;
  }
  return {
    html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${parts.join('')}</main>${script}</body></html>`,
    claims,
  };
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

export const CLAIM_SENTENCE =
  'Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22.';

/** Issue 13's hostile shapes, as the engine's bench builds them, in a page. */
export const HOSTILE: Array<[string, (scale: number) => string]> = [
  [
    'one 120 KB paragraph of 8,000 claims',
    (scale) =>
      `<p>Kent ${Array.from({ length: 8000 * scale }, (_, i) => `${i} assaults`).join(', ')}</p>`,
  ],
  ['one 5 MB text node', (scale) => `<p>${`${CLAIM_SENTENCE} `.repeat(66_000 * scale)}</p>`],
  [
    'a 40 KB run-on sentence',
    (scale) =>
      `<p>Kent Police recorded ${'one in four out of ten in '.repeat(1540 * scale)} domestic abuse crimes a day.</p>`,
  ],
  [
    'a page of 100,000 elements',
    (scale) => `<p>${CLAIM_SENTENCE}</p>${'<p>x</p>'.repeat(100_000 * scale)}`,
  ],
];
