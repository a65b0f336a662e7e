/**
 * A task of its own, as soon as the browser gets to it: a message through a private channel,
 * which (unlike `setTimeout(0)`) is never clamped to 4 ms, and which the page cannot see.
 * Closed with `signal`; one callback waits at a time, as the work queue needs.
 */
export function createSoon(
  win: Window & { MessageChannel: typeof MessageChannel },
  signal: AbortSignal,
): (callback: () => void) => void {
  let channel: MessageChannel | null = null;
  let waiting: (() => void) | null = null;
  signal.addEventListener('abort', () => {
    channel?.port1.close();
    channel = null;
    waiting = null;
  });
  return (callback) => {
    if (signal.aborted) return;
    if (!channel) {
      const made = new win.MessageChannel();
      made.port1.onmessage = () => {
        const run = waiting;
        waiting = null;
        run?.();
      };
      channel = made;
    }
    waiting = callback;
    channel.port2.postMessage(null);
  };
}
