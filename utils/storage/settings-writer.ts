/**
 * Every change to the reader's settings, applied in one place. Storage has no transactions:
 * two options tabs that each read the settings, add a site and write the whole value back
 * lose one of the sites. So a view never writes the settings itself; it sends a change (what
 * to do, not the value it last saw) to the background, whose one writer applies each change
 * to the latest stored value, one at a time, reads the value back and applies the change
 * again if something else wrote in between (another device, through sync). A write the
 * browser refuses (the sync quota) comes back as a message the view shows.
 */
import { HIGHLIGHT_STYLES, normaliseSettings, type Settings } from './settings';
import { normaliseHostname } from '@/utils/storage/hostname';

/** A change to the settings, as plain JSON (it travels as a message). */
export type SettingsChange =
  | { kind: 'pause-site'; host: string }
  | { kind: 'resume-site'; host: string }
  | { kind: 'set'; values: Partial<Omit<Settings, 'pausedSites'>> };

export type SettingsWriteResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** The stored value, as `settingsItem` gives it. */
export interface SettingsStore {
  getValue(): Promise<unknown>;
  setValue(value: Settings): Promise<void>;
}

/** Attempts before a change that keeps being overwritten is reported as not saved. */
const ATTEMPTS = 3;

export function applySettingsChange(settings: Settings, change: SettingsChange): Settings {
  switch (change.kind) {
    case 'pause-site':
      return normaliseSettings({
        ...settings,
        pausedSites: [...settings.pausedSites, change.host],
      });
    case 'resume-site': {
      const host = normaliseHostname(change.host);
      return { ...settings, pausedSites: settings.pausedSites.filter((s) => s !== host) };
    }
    case 'set':
      return normaliseSettings({
        ...settings,
        ...change.values,
        pausedSites: settings.pausedSites,
      });
  }
}

export function isSettingsChange(value: unknown): value is SettingsChange {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (c.kind === 'pause-site' || c.kind === 'resume-site') return typeof c.host === 'string';
  if (c.kind !== 'set' || typeof c.values !== 'object' || c.values === null) return false;
  const v = c.values as Record<string, unknown>;
  return (
    (v.showUnverified === undefined || typeof v.showUnverified === 'boolean') &&
    (v.highlightStyle === undefined ||
      HIGHLIGHT_STYLES.includes(v.highlightStyle as Settings['highlightStyle'])) &&
    (v.reportEmail === undefined || typeof v.reportEmail === 'string')
  );
}

/** The background's one writer: changes are applied in the order they arrive, each in full. */
export function createSettingsWriter(store: SettingsStore) {
  let last: Promise<unknown> = Promise.resolve();
  const write = async (change: SettingsChange): Promise<SettingsWriteResult> => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const next = applySettingsChange(normaliseSettings(await store.getValue()), change);
      try {
        await store.setValue(next);
      } catch (error) {
        return { ok: false, error: writeError(error) };
      }
      // Read back: a write from elsewhere in between (sync from another device) is applied
      // to again rather than overwritten.
      const stored = normaliseSettings(await store.getValue());
      if (sameSettings(applySettingsChange(stored, change), stored))
        return { ok: true, settings: stored };
    }
    return { ok: false, error: 'The settings kept changing elsewhere; try again.' };
  };
  return {
    apply(change: SettingsChange): Promise<SettingsWriteResult> {
      const run = last.then(() => write(change));
      last = run.catch(() => undefined);
      return run.catch((error: unknown) => ({ ok: false as const, error: writeError(error) }));
    },
  };
}

function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the reader is told when the browser refused the write. */
function writeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(text))
    return 'Not saved: the browser’s storage for synced settings is full. Remove a paused site or two and try again.';
  return `Not saved: the browser refused to store the settings (${text}).`;
}
