import { describe, expect, it } from 'vitest';
import { createSoon } from '@/utils/dom/soon';

const win = { MessageChannel } as unknown as Window & { MessageChannel: typeof MessageChannel };
const tick = () => new Promise((ok) => setTimeout(ok, 20));

describe('createSoon', () => {
  it('runs the callback in a later task, not before the current one ends', async () => {
    const stop = new AbortController();
    const soon = createSoon(win, stop.signal);
    const seen: string[] = [];
    soon(() => seen.push('soon'));
    seen.push('now');
    await tick();
    expect(seen).toEqual(['now', 'soon']);
    stop.abort();
  });

  it('runs nothing once its signal has aborted', async () => {
    const stop = new AbortController();
    const soon = createSoon(win, stop.signal);
    const seen: string[] = [];
    soon(() => seen.push('before abort'));
    stop.abort();
    soon(() => seen.push('after abort'));
    await tick();
    expect(seen).toEqual([]);
  });
});
