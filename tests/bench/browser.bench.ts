/**
 * `npm run bench:browser`: what the extension costs a reader's browser, against what other
 * code costs on the same pages in the same browser. Absolute times do not travel between
 * machines; ratios measured in one run do. Each page is loaded in headless Chromium:
 * - without anything (the page's own cost, subtracted from every other mode);
 * - `floor`: a page script that walks every text node and runs one number regex;
 * - `highlight`: the floor, plus a CSS Custom Highlight range registered for every number;
 * - `mark.js`: mark.js (a dev dependency, injected into the page, never into the extension)
 *   wrapping every number in a `<mark>`;
 * - with the built extension.
 * Pages: generated articles of 50 KB, 500 KB and 5 MB (all five modes); the 50 KB article
 * with a script that keeps the page from ever being idle; a 100 KB page with no Kent content,
 * alone and with a live ticker; and issue 13's hostile shapes at half and full size (one 120 KB paragraph of 8,000 short claims, a 5 MB single text node of claim
 * sentences, a 40 KB run-on sentence, a page of 100,000 elements).
 * Reports medians over several loads: the script time each mode adds to the page, the
 * extension's as a ratio of the others'; the time to the page read through; the longest
 * task; and, from traced loads, the most extension time in one task, by the clock and in
 * the renderer's CPU time (the clock also counts the time a loaded machine gave other
 * processes; the run prints the machine's load). Targets: the extension adds at most
 * mark.js's script time on the 500 KB and 5 MB articles; no task of the extension's over
 * 50 ms of CPU on any page; on the hostile pages, doubling the input at most doubles the
 * extension's time (growth ≤ 2.2×, a little room for noise). On the long pages, once read, the
 * page's own script then changes the page 1,000 times, timed in the page: with the extension
 * those changes may cost at most 1.5× what they cost with a bare MutationObserver watching
 * the page as the extension's does (the browser makes a record per change for any observer;
 * the claims the extension holds must cost the page nothing). The page that is never idle may
 * take at most 10× as long as the same page quiet to be read through.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { chromiumPath, extensionDir, extensionFlags, HEADLESS_FLAGS } from '../e2e/harness';
import { checkedClaims, isolatedWorld, waitForTimingMarks } from '../e2e/isolated-world';
import {
  CHECKED_MARK as CHECKED,
  DRAWN_MARK as DRAWN,
  IDLE_MARK as IDLE,
} from '@/utils/dom/timing-marks';
import { article, HOSTILE, KENT_PARAGRAPHS, OTHER_PARAGRAPHS, page } from './pages';
import { printTable } from './table';
import { attributeTasks, type TaskAttribution, type TraceEvent } from './trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_EXTENSION=<dir> measures another build (an earlier one, for a before and after). */
const EXTENSION = process.env.BENCH_EXTENSION ?? extensionDir;
/** The longest task the extension may cause, on any page. */
const TASK_BUDGET_MS = 50;
/** Doubling a hostile page may at most double the extension's time (a little room for noise). */
const GROWTH_LIMIT = 2.2;
/**
 * The page's own changes with the extension may cost at most this much more than with a bare
 * observer watching as the extension's does: nothing the extension holds may add to them.
 */
const CHANGES_LIMIT = 1.5;
/**
 * A page that is never idle may take at most this many times as long to be read through as the
 * same page quiet: the checker then works only in the turns its idle callbacks' timeout forces,
 * and must still use them (at 4 ms a turn it took 26 times as long).
 */
const BUSY_LIMIT = 10;
/** Extra loads recorded with Chromium's tracing, for attributing tasks to the extension. */
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);
/**
 * BENCH_TRACES=<dir> keeps each traced load's events there (Chromium's trace format), to look
 * at what made a worst task long: the table gives only its length.
 */
const TRACES_DIR = process.env.BENCH_TRACES;

/**
 * A page that never stops changing, as live blogs and tickers do: a clock rewritten every
 * 100 ms and a paragraph added every 250 ms. On a page with no Kent content, this measures
 * what the loader's watch for later content costs.
 */
const TICKER = `<script>
let n = 0;
const clock = document.createElement('p');
document.body.prepend(clock);
setInterval(() => { clock.textContent = 'Updated ' + new Date().toISOString(); }, 100);
setInterval(() => {
  const p = document.createElement('p');
  p.textContent = 'Live: the ferry left Portsmouth with ' + n++ + ' cars on board.';
  document.querySelector('main').append(p);
}, 250);
</script>`;

/**
 * A page that is never idle: its script rewrites a clock on every task, from load for two
 * minutes, as a live blog's or an advert's script can. The browser then runs the extension's
 * idle callbacks only when their timeout passes, with no idle time left in them.
 */
const BUSY = `<script>
const clock = document.createElement('p');
document.body.prepend(clock);
const channel = new MessageChannel();
let n = 0;
let stopAt = 0;
channel.port1.onmessage = () => {
  clock.textContent = 'Updated ' + n++ + ' times';
  if (performance.now() < stopAt) channel.port2.postMessage(0);
};
addEventListener('load', () => {
  stopAt = performance.now() + 120000;
  channel.port2.postMessage(0);
});
</script>`;

/**
 * The page's own script changing the page, once it has been read: a clock's text rewritten
 * and an element added and removed, 1,000 times, timed by the page. Run in the page's world,
 * so the time is the page's: the extension's observer sees the changes only afterwards.
 * `observed`: with a bare MutationObserver of the page's own watching as the extension's
 * does, the reference (the browser makes a record per change for every such observer).
 */
const pageChanges = (observed: boolean) => `(() => {
  const clock = document.createElement('p');
  document.body.prepend(clock);
  const main = document.querySelector('main');
  const observer = new MutationObserver(() => {});
  if (${observed}) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    clock.textContent = 'Updated ' + i;
    const aside = document.createElement('aside');
    main.append(aside);
    aside.remove();
  }
  const ms = performance.now() - t0;
  observer.disconnect();
  clock.remove();
  return ms;
})()`;

/** What every baseline looks for: numbers, by one regex (the engine's bench uses the same). */
const NUMBER_SOURCE = String.raw`\d[\d,.]*`;

/**
 * Page scripts for the baselines, run once the page has loaded (as the extension's work
 * starts after load too); each sets the User Timing mark `bench:done` when finished.
 */
const FLOOR = `addEventListener('load', () => setTimeout(() => {
  const t0 = performance.now();
  const re = new RegExp(${JSON.stringify(NUMBER_SOURCE)}, 'g');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    re.lastIndex = 0;
    while (re.exec(t.data)) n++;
  }
  performance.mark('bench:done', { detail: { n, ms: performance.now() - t0 } });
}, 0));`;
const HIGHLIGHT = `addEventListener('load', () => setTimeout(() => {
  const t0 = performance.now();
  const re = new RegExp(${JSON.stringify(NUMBER_SOURCE)}, 'g');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(bench-number) { background: #fd0; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    re.lastIndex = 0;
    for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
      const r = new Range();
      r.setStart(t, m.index);
      r.setEnd(t, m.index + m[0].length);
      highlight.add(r);
    }
  }
  CSS.highlights.set('bench-number', highlight);
  performance.mark('bench:done', { detail: { n: highlight.size, ms: performance.now() - t0 } });
}, 0));`;
const MARK_JS_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'),
  'utf8',
);
const MARK_JS = `${MARK_JS_SOURCE}
addEventListener('load', () => setTimeout(() => {
  const t0 = performance.now();
  new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(NUMBER_SOURCE)}, 'g'), {
    done: (n) => performance.mark('bench:done', { detail: { n, ms: performance.now() - t0 } }),
  });
}, 0));`;

type Mode = 'without' | 'floor' | 'highlight' | 'mark.js' | 'with';
const BASELINES: Record<Exclude<Mode, 'without' | 'with'>, string> = {
  floor: FLOOR,
  highlight: HIGHLIGHT,
  'mark.js': MARK_JS,
};

interface Sample {
  /** A baseline's own work, timed in the page around it (ms). */
  workMs: number | null;
  toHighlights: number | null;
  /** From the idle moment the loader found the page worth checking to the page read through. */
  fromIdle: number | null;
  /**
   * From that idle moment to the last time marks were drawn: on long pages, where only the
   * marks near the viewport are drawn, the reader's highlights are complete by then.
   */
  drawnFromIdle: number | null;
  /** Claims found, to compare with the claims the generator wrote. */
  found: number;
  /** Marks registered when it finished (long pages register only those near the viewport). */
  drawn: number;
  longestTask: number;
  scriptMs: number;
  taskMs: number;
  /** Only on traced loads: the page's tasks attributed to the extension. */
  attribution: TaskAttribution | null;
  /** The page's own 1,000 changes after the read (`pageChanges`), on pages that make them. */
  changesMs: number | null;
  /** Without the extension: the same changes watched by a bare observer of the page's. */
  observedMs: number | null;
  /**
   * Script time from just before the changes to a second after: the extension's follow-up
   * (the changes themselves, run through the driver, are not counted in the page's metrics).
   */
  afterChangesMs: number | null;
}

async function launch(
  withExtension: boolean,
): Promise<{ context: BrowserContext; extensionId: string | null; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kent-stats-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...(withExtension ? extensionFlags(EXTENSION) : ['--disable-extensions']),
      ...HEADLESS_FLAGS,
    ],
  });
  let extensionId: string | null = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function measure(
  context: BrowserContext,
  url: string,
  spec: { claims: number; checked: boolean; changes?: boolean },
  /** Null for the loads without the extension. */
  extensionId: string | null,
  /** A baseline's page script, for loads without the extension. */
  baseline: string | null = null,
  traced = false,
): Promise<Sample> {
  const withExtension = extensionId !== null;
  const expectedClaims = spec.claims;
  const page = await context.newPage();
  if (baseline) await page.addInitScript(baseline);
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number; __loadAt: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    addEventListener('load', () => (w.__loadAt = performance.now()));
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The checker's timing marks live in its own world, out of the page's sight.
  const world = withExtension ? await isolatedWorld(page, cdp) : null;
  const trace = traced ? await startTrace(cdp) : null;
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let toHighlights: number | null = null;
  let fromIdle: number | null = null;
  let found = 0;
  let drawn = 0;
  let workMs: number | null = null;
  if (baseline) {
    const done = await page.waitForFunction(
      () => {
        const [mark] = performance.getEntriesByName('bench:done') as PerformanceMark[];
        return mark ? (mark.detail as { ms: number }).ms : false;
      },
      null,
      { polling: 100, timeout: 300_000 },
    );
    workMs = (await done.jsonValue()) as number;
  } else if (world && spec.checked) {
    // The checker sets a timing mark when it has read the page through (on long pages only
    // the marks near the viewport are registered, so counting them would not do). Polled on
    // a timer: a frame every 16 ms would cut the page's idle periods short, and the extension
    // works in idle time. The times come from the marks themselves, so the polling interval
    // does not blur them.
    const marks = await waitForTimingMarks(
      world,
      (m) => m[CHECKED] !== undefined && checkedClaims(m) >= expectedClaims,
      {
        timeout: 300_000,
        interval: 100,
      },
    );
    const checked = marks[CHECKED]!;
    const idle = marks[IDLE];
    const onPage = await page.evaluate(() => ({
      loadAt: (window as unknown as { __loadAt: number }).__loadAt,
      drawn: [
        'kent-stats-match',
        'kent-stats-mismatch',
        'kent-stats-unverified',
        'kent-stats-not-held',
      ]
        .map((x) => CSS.highlights.get(x)?.size ?? 0)
        .reduce((a, b) => a + b, 0),
    }));
    toHighlights = checked.startTime - onPage.loadAt;
    fromIdle = idle ? checked.startTime - idle.startTime : null;
    found = checkedClaims(marks);
    drawn = onPage.drawn;
  } else {
    // Let the extension (if any) run its idle-time start and cheap test.
    await page.waitForTimeout(2500);
  }
  await page.waitForTimeout(300);
  const longestTask = await page.evaluate(
    () => (window as unknown as { __longest: number }).__longest,
  );
  const marks = world ? await world.timingMarks() : {};
  const [idleAt, drawnAt] = [marks[IDLE], marks[DRAWN]];
  const drawnFromIdle = idleAt && drawnAt ? drawnAt.startTime - idleAt.startTime : null;
  const metric = await metricsOf(cdp);
  const events = trace ? await trace.stop() : null;
  // After every other reading, so its task is in none of them.
  const changes = spec.changes === true && !traced && !baseline;
  const scriptNow = async () => (await metricsOf(cdp))('ScriptDuration');
  const scriptBefore = changes ? await scriptNow() : 0;
  const changesMs = changes ? ((await page.evaluate(pageChanges(false))) as number) : null;
  // What follows the changes: the extension's observer, its look at the changed blocks.
  if (changes) await page.waitForTimeout(1000);
  const afterChangesMs = changesMs === null ? null : (await scriptNow()) - scriptBefore;
  const observedMs =
    changes && !withExtension ? ((await page.evaluate(pageChanges(true))) as number) : null;
  if (events && TRACES_DIR) {
    mkdirSync(TRACES_DIR, { recursive: true });
    const name = `${new URL(url).pathname.replace(/\W+/g, '-')}-${Date.now()}.json`;
    writeFileSync(join(TRACES_DIR, name), JSON.stringify(events));
  }
  const attribution = events
    ? attributeTasks(events, `chrome-extension://${extensionId}/`, [
        // The generated pages observe nothing themselves: every intersection computed is
        // for the extension's IntersectionObserver (which windows the marks on long pages).
        'IntersectionObserverController::computeIntersections',
      ])
    : null;
  await page.close();
  return {
    workMs,
    toHighlights,
    fromIdle,
    drawnFromIdle,
    attribution,
    found,
    drawn,
    longestTask,
    scriptMs: metric('ScriptDuration'),
    taskMs: metric('TaskDuration'),
    changesMs,
    afterChangesMs,
    observedMs,
  };
}

/** The page's performance metrics now, a lookup of each in ms. */
async function metricsOf(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
}

/** Records a trace of the page's main thread; `stop` returns its events. */
async function startTrace(cdp: CDPSession): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};

interface PageSpec {
  name: string;
  file: string;
  html: string;
  /** Claims the generator wrote (the load waits for at least as many). */
  claims: number;
  /** The extension reads this page through (it names Kent): the load waits for that. */
  checked: boolean;
  /** Also load the page with every baseline (the articles). */
  baselines: boolean;
  /** Once read, the page changes itself 1,000 times (`pageChanges`), timed without and with. */
  changes?: boolean;
  /** The page is never idle (`BUSY`); this names the same page quiet, to compare with. */
  busyOf?: string;
  /** Hostile pages come in pairs, half and full size, for the growth ratio. */
  shape?: string;
  scale?: number;
}

function pages(): PageSpec[] {
  const kent = (kb: number, file: string): PageSpec => ({
    name: `${kb >= 1000 ? `${kb / 1000} MB` : `${kb} KB`} article`,
    file,
    ...article(kb, KENT_PARAGRAPHS, 'Domestic abuse in Kent'),
    checked: true,
    baselines: true,
    changes: kb >= 500,
  });
  const out: PageSpec[] = [
    kent(50, 'a50.html'),
    kent(500, 'a500.html'),
    kent(5000, 'a5000.html'),
    {
      name: '50 KB article, never idle',
      file: 'a50-busy.html',
      ...article(50, KENT_PARAGRAPHS, 'Domestic abuse in Kent', BUSY),
      checked: true,
      baselines: false,
      busyOf: '50 KB article',
    },
    {
      name: '100 KB, no Kent content',
      file: 'other.html',
      ...article(100, OTHER_PARAGRAPHS, 'Weekend recipes'),
      checked: false,
      baselines: false,
    },
    {
      // A Kent news page about anything but assault or abuse: most of what a reader of local
      // news opens. It names Kent, so the extension starts and reads it, and finds nothing.
      name: '100 KB, Kent, nothing on assault or abuse',
      file: 'kent-other.html',
      ...article(100, OTHER_PARAGRAPHS, 'What’s on in Kent this weekend'),
      checked: true,
      baselines: false,
    },
    {
      name: '100 KB, no Kent, live ticker',
      file: 'ticker.html',
      ...article(100, OTHER_PARAGRAPHS, 'Weekend recipes', TICKER),
      checked: false,
      baselines: false,
    },
  ];
  HOSTILE.forEach(([shape, make], i) => {
    for (const scale of [0.5, 1])
      out.push({
        name: `${shape}${scale === 1 ? '' : ' (half)'}`,
        file: `hostile-${i}-${scale}.html`,
        html: page('Kent', make(scale)),
        claims: 0,
        checked: true,
        baselines: false,
        shape,
        scale,
        changes: i === 1 && scale === 1,
      });
  });
  return out;
}

interface Measured {
  spec: PageSpec;
  samples: Partial<Record<Mode, Sample[]>>;
  traced: TaskAttribution[];
}

async function measurePage(spec: PageSpec, origin: string): Promise<Measured> {
  const url = `${origin}/${spec.file}`;
  const samples: Partial<Record<Mode, Sample[]>> = {};
  const traced: TaskAttribution[] = [];
  const modes: Mode[] = spec.baselines
    ? ['without', 'floor', 'highlight', 'mark.js', 'with']
    : ['without', 'with'];
  // Each mode in a browser of its own, started once: the baselines share the one without.
  for (const mode of modes) {
    const browser = await launch(mode === 'with');
    const baseline = mode === 'without' || mode === 'with' ? null : BASELINES[mode];
    const list: Sample[] = [];
    for (let i = 0; i < RUNS; i++)
      list.push(await measure(browser.context, url, spec, browser.extensionId, baseline));
    samples[mode] = list;
    // Tracing slows the page down, so traced loads are extra and only used for attribution.
    if (browser.extensionId) {
      for (let i = 0; i < TRACE_RUNS; i++) {
        const sample = await measure(browser.context, url, spec, browser.extensionId, null, true);
        if (sample.attribution) traced.push(sample.attribution);
      }
    }
    await browser.close();
  }
  return { spec, samples, traced };
}

/** Script time a mode adds to the page: its median minus the median without anything. */
function added(m: Measured, mode: Mode, key: 'scriptMs' | 'taskMs' = 'scriptMs'): number {
  const base = median((m.samples.without ?? []).map((s) => s[key]));
  return median((m.samples[mode] ?? []).map((s) => s[key])) - base;
}

/** A baseline's own work, timed in the page: precise where a few ms are lost in the noise. */
function work(m: Measured, mode: Mode): number {
  return median((m.samples[mode] ?? []).map((s) => s.workMs ?? NaN));
}

/** The most extension time in one task over the traced loads (NaN without traced loads). */
function worstSlice(m: Measured, key: 'wall' | 'cpu' = 'wall'): number {
  if (m.traced.length === 0) return NaN;
  return Math.max(
    ...m.traced.map((a) => (key === 'wall' ? a.longestExtensionSlice : a.longestExtensionSliceCpu)),
  );
}

/** The machine's load (1-minute average) per core: above 1, other processes took turns with the browser. */
function loadPerCore(): number {
  return loadavg()[0]! / availableParallelism();
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kent-stats-bench-pages-'));
  mkdirSync(dir, { recursive: true });
  const all = pages();
  for (const p of all) writeFileSync(join(dir, p.file), p.html);
  const server = createServer((req, res) => {
    const found = all.find((p) => req.url === `/${p.file}`);
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(found.html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // BENCH_ONLY=<words> measures only the pages whose name contains them.
  const only = process.env.BENCH_ONLY;
  const measured: Measured[] = [];
  const loads = [loadPerCore()];
  for (const p of all.filter((x) => !only || x.name.includes(only))) {
    const m = await measurePage(p, origin);
    measured.push(m);
    console.error(
      `measured ${p.name}: ` +
        (p.busyOf ? '' : `extension adds ${added(m, 'with').toFixed(1)} ms of script, `) +
        (p.baselines ? `mark.js ${work(m, 'mark.js').toFixed(1)} ms; ` : '') +
        `most extension ms in one task ${worstSlice(m).toFixed(1)} (CPU ${worstSlice(m, 'cpu').toFixed(1)})`,
    );
    loads.push(loadPerCore());
  }
  server.close();
  rmSync(dir, { recursive: true, force: true });

  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  const compared = measured.filter((m) => m.spec.baselines);
  if (compared.length > 0) {
    console.log(
      `Medians of ${RUNS} loads in one headless Chromium: each baseline's work timed in the page (and, for mark.js, the script time it adds to the page); the script time the extension adds (its start-up included), as a ratio of each baseline's work`,
    );
    printTable(
      [
        'page',
        'floor ms',
        'highlight ms',
        'mark.js ms (script ms added)',
        'extension script ms added',
        'ext ÷ floor',
        'ext ÷ highlight',
        'ext ÷ mark.js',
        'target ≤ 1× mark.js',
        'longest task ms (mark.js)',
        'longest task ms (extension)',
      ],
      compared.map((m) => {
        const ext = added(m, 'with');
        const mark = work(m, 'mark.js');
        const targeted = m.spec.name !== '50 KB article';
        return [
          m.spec.name,
          work(m, 'floor').toFixed(1),
          work(m, 'highlight').toFixed(1),
          `${mark.toFixed(1)} (${added(m, 'mark.js').toFixed(1)})`,
          ext.toFixed(1),
          ratio(ext, work(m, 'floor')),
          ratio(ext, work(m, 'highlight')),
          ratio(ext, mark),
          targeted ? verdict(ext <= mark) : 'information',
          median((m.samples['mark.js'] ?? []).map((s) => s.longestTask)).toFixed(0),
          median((m.samples.with ?? []).map((s) => s.longestTask)).toFixed(0),
        ];
      }),
    );
    console.log('');
  }

  console.log(`The extension on every page, medians of ${RUNS} loads (${EXTENSION})`);
  printTable(
    [
      'page',
      'claims',
      'load→page read ms',
      'idle→page read ms',
      'longest task ms (without)',
      'longest task ms (with)',
      'script ms added',
      'main-thread ms added',
      `most extension ms in one task (worst of ${TRACE_RUNS} traced): clock`,
      'CPU',
      'long tasks caused by the extension',
      `target ≤ ${TASK_BUDGET_MS} ms (CPU)`,
    ],
    measured.map((m) => {
      const w = m.samples.with ?? [];
      const wo = m.samples.without ?? [];
      const slice = worstSlice(m);
      const cpu = worstSlice(m, 'cpu');
      const read = (f: (s: Sample) => number | null) =>
        m.spec.checked ? median(w.map((s) => f(s) ?? NaN)).toFixed(0) : '–';
      return [
        m.spec.name,
        m.spec.checked ? `${median(w.map((s) => s.found))} / ${m.spec.claims || '–'}` : '–',
        read((s) => s.toHighlights),
        read((s) => s.fromIdle),
        median(wo.map((s) => s.longestTask)).toFixed(0),
        median(w.map((s) => s.longestTask)).toFixed(0),
        // A page that is never idle runs its own script for as long as a load is watched: the
        // difference says how long the watch was, not what the extension cost.
        m.spec.busyOf ? '–' : added(m, 'with').toFixed(1),
        m.spec.busyOf ? '–' : added(m, 'with', 'taskMs').toFixed(1),
        Number.isNaN(slice) ? '–' : slice.toFixed(1),
        Number.isNaN(cpu) ? '–' : cpu.toFixed(1),
        m.traced.length === 0
          ? '–'
          : String(Math.max(...m.traced.map((a) => a.longTasksByExtension))),
        Number.isNaN(cpu) ? '–' : verdict(cpu <= TASK_BUDGET_MS),
      ];
    }),
  );
  // A task's clock time holds the time the OS gave other processes: on a loaded machine the
  // CPU column is the extension's own cost, and the clock column only agrees with it when
  // the machine is quiet.
  console.log(
    `\nMachine load per core (1-minute average) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (above 1, tasks' clock times include waiting for a CPU).`,
  );

  const changed = measured.filter((m) => m.spec.changes);
  if (changed.length > 0) {
    console.log(
      `\nThe page's own 1,000 changes once read (a clock's text, an element added and removed), timed by the page, medians of ${RUNS} loads`,
    );
    printTable(
      [
        'page',
        'claims held',
        'ms without',
        'ms with a bare observer',
        'ms with the extension',
        'extension ÷ bare observer',
        `target ≤ ${CHANGES_LIMIT}×`,
        'script ms in the second after (without / with)',
      ],
      changed.map((m) => {
        const ms = (mode: Mode, key: 'changesMs' | 'observedMs' | 'afterChangesMs' = 'changesMs') =>
          median((m.samples[mode] ?? []).map((s) => s[key] ?? NaN));
        const [plain, observed, ext] = [ms('without'), ms('without', 'observedMs'), ms('with')];
        return [
          m.spec.name,
          String(median((m.samples.with ?? []).map((s) => s.found))),
          plain.toFixed(1),
          observed.toFixed(1),
          ext.toFixed(1),
          ratio(ext, observed),
          verdict(ext <= CHANGES_LIMIT * observed),
          `${ms('without', 'afterChangesMs').toFixed(1)} / ${ms('with', 'afterChangesMs').toFixed(1)}`,
        ];
      }),
    );
  }

  const busyRows = measured.flatMap((m) => {
    const quiet = measured.find((q) => q.spec.name === m.spec.busyOf);
    if (!quiet) return [];
    const fromIdle = (x: Measured) => median((x.samples.with ?? []).map((s) => s.fromIdle ?? NaN));
    const [busy, calm] = [fromIdle(m), fromIdle(quiet)];
    return [
      [
        m.spec.name,
        calm.toFixed(0),
        busy.toFixed(0),
        ratio(busy, calm),
        verdict(busy <= BUSY_LIMIT * calm),
      ],
    ];
  });
  if (busyRows.length > 0) {
    console.log(
      `\nA page that is never idle: from the loader's idle moment to the page read through, medians of ${RUNS} loads`,
    );
    printTable(
      [
        'page',
        'ms, page quiet',
        'ms, page never idle',
        'never idle ÷ quiet',
        `target ≤ ${BUSY_LIMIT}×`,
      ],
      busyRows,
    );
  }

  const growthRows: string[][] = [];
  for (const [shape] of HOSTILE) {
    const half = measured.find((m) => m.spec.shape === shape && m.spec.scale === 0.5);
    const full = measured.find((m) => m.spec.shape === shape && m.spec.scale === 1);
    if (!half || !full) continue;
    const a = added(half, 'with');
    const b = added(full, 'with');
    const growth = b / Math.max(a, 0.1);
    growthRows.push([
      shape,
      `${a.toFixed(0)} → ${b.toFixed(0)}`,
      `${growth.toFixed(2)}×`,
      verdict(growth <= GROWTH_LIMIT),
    ]);
  }
  if (growthRows.length > 0) {
    console.log('\nHostile pages, half → full size: the script time the extension adds');
    printTable(['shape', 'script ms added', 'growth', `target ≤ ${GROWTH_LIMIT}×`], growthRows);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
