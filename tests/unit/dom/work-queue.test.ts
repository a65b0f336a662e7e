// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '@/utils/dom/work-queue';

function manualQueue(process: (el: Element) => void, clock: { t: number }, budget = 10, max = 100) {
  const pending: Array<(d: { timeRemaining(): number }) => void> = [];
  const queue = new WorkQueue({
    sliceBudgetMs: budget,
    maxPerSlice: max,
    process: (run) => run.forEach(process),
    schedule: (cb) => pending.push(cb),
    now: () => clock.t,
  });
  const runSlice = () => pending.shift()?.({ timeRemaining: () => 50 });
  return { queue, pending, runSlice };
}

/**
 * A queue whose slices can go on in the same idle period (`soon`) or wait for the next
 * (`idle`); each root costs 4 ms against a 10 ms budget.
 */
function continuingQueue() {
  const clock = { t: 0 };
  const seen: string[] = [];
  const idle: Array<(d: { timeRemaining(): number; didTimeout?: boolean }) => void> = [];
  const soon: Array<() => void> = [];
  const queue = new WorkQueue({
    sliceBudgetMs: 10,
    maxPerSlice: 100,
    process: (run) =>
      run.forEach((el) => {
        seen.push(el.id);
        clock.t += 4;
      }),
    schedule: (cb) => idle.push(cb),
    continueSoon: (cb) => soon.push(cb),
    now: () => clock.t,
  });
  return { clock, seen, idle, soon, queue };
}

describe('WorkQueue', () => {
  it('does no work until an idle slice runs', () => {
    const seen: string[] = [];
    const { queue, pending } = manualQueue((el) => seen.push(el.id), { t: 0 });
    const p = document.createElement('p');
    document.body.append(p);
    queue.add(p);
    expect(seen).toEqual([]);
    expect(pending).toHaveLength(1);
  });

  it('stops a slice before a run that would overrun its budget, and continues in the next', () => {
    const clock = { t: 0 };
    const seen: string[] = [];
    const { queue, runSlice, pending } = manualQueue((el) => {
      seen.push(el.id);
      clock.t += 4; // each root costs 4 ms, against a 10 ms budget
    }, clock);
    for (const id of ['a', 'b', 'c', 'd']) {
      const p = document.createElement('p');
      p.id = id;
      document.body.append(p);
      queue.add(p);
    }
    runSlice();
    // A third run would end the slice at 12 ms.
    expect(seen).toEqual(['a', 'b']);
    expect(pending).toHaveLength(1);
    runSlice();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('always reads the first run of a slice, however long runs have taken', () => {
    const clock = { t: 0 };
    const seen: string[] = [];
    const { queue, runSlice } = manualQueue((el) => {
      seen.push(el.id);
      clock.t += 25;
    }, clock);
    for (const id of ['a', 'b']) {
      const p = document.createElement('p');
      p.id = id;
      document.body.append(p);
      queue.add(p);
    }
    runSlice();
    expect(seen).toEqual(['a']);
    runSlice();
    expect(seen).toEqual(['a', 'b']);
  });

  it('lets a queued ancestor cover its descendants', () => {
    const seen: string[] = [];
    const { queue, runSlice } = manualQueue((el) => seen.push(el.id), { t: 0 });
    const article = document.createElement('article');
    article.id = 'article';
    const p = document.createElement('p');
    p.id = 'p';
    article.append(p);
    document.body.append(article);
    queue.add(p);
    queue.add(article);
    queue.add(p);
    runSlice();
    expect(seen).toEqual(['article']);
  });

  it('skips roots that left the page and does nothing after stop()', () => {
    const seen: string[] = [];
    const { queue, runSlice } = manualQueue((el) => seen.push(el.id), { t: 0 });
    const gone = document.createElement('p');
    gone.id = 'gone';
    queue.add(gone);
    runSlice();
    expect(seen).toEqual([]);
    const p = document.createElement('p');
    document.body.append(p);
    queue.stop();
    queue.add(p);
    expect(queue.size).toBe(0);
  });

  it('reads a page split into runs from a source, one run per unit of work, after queued roots', () => {
    const seen: string[][] = [];
    const pending: Array<(d: { timeRemaining(): number }) => void> = [];
    const queue = new WorkQueue({
      sliceBudgetMs: 10,
      maxPerSlice: 100,
      process: (run) => {
        seen.push(run.map((el) => el.id));
      },
      schedule: (cb) => pending.push(cb),
      now: () => 0,
    });
    const ps = ['a', 'b', 'c', 'd'].map((id) => Object.assign(document.createElement('p'), { id }));
    document.body.replaceChildren(...ps);
    queue.setSource(
      (function* () {
        yield [ps[0]!, ps[1]!];
        yield null; // a pause in the split: no run
        yield [ps[2]!];
      })(),
    );
    queue.add(ps[3]!);
    pending.shift()?.({ timeRemaining: () => 50 });
    expect(seen).toEqual([['d'], ['a', 'b'], ['c']]);
    expect(pending).toHaveLength(0);
  });

  it('goes on in what is left of an idle period, in a task of its own, then waits for the next', () => {
    const { clock, seen, idle, soon, queue } = continuingQueue();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    document.body.replaceChildren(
      ...ids.map((id) => Object.assign(document.createElement('p'), { id })),
    );
    for (const id of ids) queue.add(document.getElementById(id)!);
    // An idle period of 20 ms: a slice of 10 ms, then one more in the 12 ms it has left.
    idle.shift()!({ timeRemaining: () => Math.max(0, 20 - clock.t) });
    expect(seen).toEqual(['a', 'b']);
    expect([idle.length, soon.length]).toEqual([0, 1]);
    soon.shift()!();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    // 4 ms left is not worth a task: the rest waits for the next idle period.
    expect([idle.length, soon.length]).toEqual([1, 0]);
    clock.t = 100;
    idle.shift()!({ timeRemaining: () => 50 });
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('waits for the next idle period when the page used up the rest of this one', () => {
    const { clock, seen, idle, soon, queue } = continuingQueue();
    document.body.replaceChildren(
      ...['a', 'b', 'c'].map((id) => Object.assign(document.createElement('p'), { id })),
    );
    for (const id of ['a', 'b', 'c']) queue.add(document.getElementById(id)!);
    idle.shift()!({ timeRemaining: () => Math.max(0, 30 - clock.t) });
    expect(soon).toHaveLength(1);
    // The page's own task ran first and took the idle time.
    clock.t = 29;
    soon.shift()!();
    expect(seen).toEqual(['a', 'b']);
    expect(idle).toHaveLength(1);
  });

  // A page that rewrites itself on every task never goes idle: its slices come only when the
  // callback's timeout passes, with no idle time left. At 4 ms a slice, every 200 ms, the
  // checker's start-up and first page took 8 s to show a mark (live-figure.html?after=0).
  it('spends its whole budget in a slice the browser forced by timeout, the minimum in a short idle one', () => {
    const { seen, idle, queue } = continuingQueue();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    document.body.replaceChildren(
      ...ids.map((id) => Object.assign(document.createElement('p'), { id })),
    );
    for (const id of ids) queue.add(document.getElementById(id)!);
    idle.shift()!({ timeRemaining: () => 0, didTimeout: true });
    // 10 ms of budget, 4 ms a root: two roots and a third that fits no more.
    expect(seen).toEqual(['a', 'b']);
    // An idle period with 1 ms left is the page's, not a forced turn: the 4 ms minimum.
    idle.shift()!({ timeRemaining: () => 1 });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  // Issue 13: one 120 KB paragraph was one unit of work, and froze the tab in one 58 s task.
  it('reads the rest of a run too big for one slice in later slices, before any other run', () => {
    const clock = { t: 0 };
    const seen: string[] = [];
    const pending: Array<(d: { timeRemaining(): number }) => void> = [];
    const queue = new WorkQueue({
      sliceBudgetMs: 10,
      maxPerSlice: 100,
      process: (run) => {
        const id = run[0]!.id;
        if (id !== 'big') {
          seen.push(id);
          clock.t += 1;
          return;
        }
        // Three parts of 8 ms each: one part fits a slice of 10 ms.
        let part = 0;
        const rest = () => {
          seen.push(`big:${part++}`);
          clock.t += 8;
          return part < 3 ? rest : null;
        };
        return rest();
      },
      schedule: (cb) => pending.push(cb),
      now: () => clock.t,
    });
    document.body.replaceChildren(
      ...['big', 'after'].map((id) => Object.assign(document.createElement('p'), { id })),
    );
    queue.add(document.getElementById('big')!);
    queue.add(document.getElementById('after')!);
    const slices: string[][] = [];
    while (pending.length > 0) {
      const before = seen.length;
      pending.shift()!({ timeRemaining: () => 50 });
      slices.push(seen.slice(before));
    }
    expect(slices).toEqual([['big:0'], ['big:1'], ['big:2'], ['after']]);
  });
});
