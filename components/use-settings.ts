import { useEffect, useState } from 'preact/hooks';
import { normaliseSettings, type Settings } from '@/utils/storage/settings';
import { settingsItem } from '@/utils/storage/settings-item';

/**
 * The reader's settings, live: every view that shows them follows changes made elsewhere
 * (another tab's options page, the popup's pause button).
 */
export function useSettings(): [Settings | null, (change: Partial<Settings>) => Promise<void>] {
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
  const update = async (change: Partial<Settings>) => {
    const current = normaliseSettings(await settingsItem.getValue());
    const next = normaliseSettings({ ...current, ...change });
    setSettings(next);
    await settingsItem.setValue(next);
  };
  return [settings, update];
}
