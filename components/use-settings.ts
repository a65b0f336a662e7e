import { useEffect, useState } from 'preact/hooks';
import { normaliseSettings, type Settings } from '@/utils/storage/settings';
import type { SettingsChange } from '@/utils/storage/settings-writer';
import { sendToBackground, settingsItem } from '@/components/extension';

/** A change the browser did not store; its message says why, for the reader. */
export class SettingsWriteError extends Error {}

/**
 * The reader's settings, live: every view that shows them follows changes made elsewhere
 * (another tab's options page, the popup's pause button). A change goes to the background's
 * one writer, so two tabs changing the settings at once both keep their change; the view
 * shows it once stored (through the watch), never before, and a refused write rejects with
 * a `SettingsWriteError` the view shows.
 */
export function useSettings(): [Settings | null, (change: SettingsChange) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void settingsItem.getValue().then((v) => live && setSettings(normaliseSettings(v)));
    const unwatch = settingsItem.watch((v) => setSettings(normaliseSettings(v)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = async (change: SettingsChange) => {
    const result = await sendToBackground('update-settings', change).catch(
      (error: unknown) =>
        ({
          ok: false,
          error: `Not saved: the extension did not answer (${String(error)}).`,
        }) as const,
    );
    if (!result.ok) throw new SettingsWriteError(result.error);
    setSettings(result.settings);
  };
  return [settings, update];
}
