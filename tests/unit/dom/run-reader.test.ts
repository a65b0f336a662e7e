// @vitest-environment happy-dom
/**
 * What every run of a page is read with: the page's own context (title, first headings,
 * date, the bodies it names), read in steps of its own when the checker looks at the page.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '@/data';
import { createEngine } from '@/utils/engine';
import { FailureLog } from '@/utils/dom/failures';
import { RunReader } from '@/utils/dom/run-reader';

function page(title: string): Document {
  return new DOMParser().parseFromString(
    `<html><head><title>${title}</title><meta name="date" content="2023-07-28"></head>
      <body><h1>Staff assaulted</h1><p>The trust recorded 100 assaults.</p>
      <p>Kent and Medway NHS and Social Care Partnership Trust (KMPT) runs the wards.</p></body></html>`,
    'text/html',
  );
}

describe('RunReader’s page context', () => {
  const engine = createEngine(dataset);

  it('is read in four steps of work of their own, then given with every run', () => {
    const doc = page('Assaults on staff | Kent news');
    const reader = new RunReader(doc, engine, new FailureLog());
    let steps = 0;
    for (let step: (() => unknown) | null = reader.pageSteps(); step; steps++)
      step = step() as (() => unknown) | null;
    expect(steps).toBe(4);
    expect(reader.read([doc.querySelector('p')!])!.context).toMatchObject({
      title: 'Assaults on staff | Kent news',
      headings: expect.arrayContaining(['Staff assaulted']),
      date: '2023-07-28',
      names: { kmpt: true },
    });
  });

  // A paragraph the page adds while the checker starts is read before the steps' turn comes.
  it('is read at once, whole, for a run that comes before its steps', () => {
    const doc = page('Assaults on staff');
    const reader = new RunReader(doc, engine, new FailureLog());
    const first = reader.pageSteps();
    first();
    doc.title = 'Changed';
    // A new look at the page starts its steps again: its context is read afresh.
    reader.pageSteps();
    expect(reader.read([doc.querySelector('p')!])!.context).toMatchObject({
      title: 'Changed',
      date: '2023-07-28',
      names: { kmpt: true },
    });
  });
});
