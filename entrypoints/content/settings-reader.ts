/**
 * The loader's view of the reader's settings: read and watched straight from `storage.sync`,
 * because the typed storage item (`settings-item.ts`) brings a storage library and a migration
 * check that every page would pay for. The checker, once loaded, uses the item as the other
 * views do.
 */
import { browser } from 'wxt/browser';
import {
  normaliseSettings,
  SETTINGS_AREA,
  SETTINGS_KEY,
  type Settings,
} from '@/utils/storage/settings';

export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage[SETTINGS_AREA].get(SETTINGS_KEY);
    return normaliseSettings(stored[SETTINGS_KEY]);
  } catch {
    // Storage unavailable (the extension was just updated): run with the defaults.
    return normaliseSettings(undefined);
  }
}

/** Calls `onChange` with the new settings whenever they change; returns the unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === SETTINGS_AREA && change) onChange(normaliseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
