/**
 * The reader's settings, typed and versioned in `storage.sync` so they follow the reader
 * between their browsers. Every view reads them through `settingsItem` and watches it, so a
 * change applies at once to open tabs.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, SETTINGS_AREA, SETTINGS_KEY, type Settings } from './settings';

export const settingsItem = storage.defineItem<Settings>(`${SETTINGS_AREA}:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
