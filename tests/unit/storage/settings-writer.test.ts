import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '@/utils/storage/settings';
import { settingsItem } from '@/utils/storage/settings-item';
import { createSettingsWriter, type SettingsStore } from '@/utils/storage/settings-writer';

/** The settings as every view reads them: the stored value, normalised. */
const loadSettings = async () => normaliseSettings(await settingsItem.getValue());

beforeEach(() => fakeBrowser.reset());

const tick = () => new Promise((ok) => setTimeout(ok, 1));

/** The real stored item, each read a little late, as a busy browser gives it. */
const slowStore: SettingsStore = {
  getValue: async () => {
    const value = await settingsItem.getValue();
    await tick();
    return value;
  },
  setValue: (value) => settingsItem.setValue(value),
};

describe('changes to the settings', () => {
  it('from two options tabs at the same moment both survive', async () => {
    // Each tab's change goes to the background's one writer.
    const writer = createSettingsWriter(slowStore);
    const [a, b] = await Promise.all([
      writer.apply({ kind: 'pause-site', host: 'kentonline.co.uk' }),
      writer.apply({ kind: 'pause-site', host: 'https://www.thanet-news.example/news' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect((await loadSettings()).pausedSites).toEqual(['kentonline.co.uk', 'thanet-news.example']);
  });

  it('are applied again to a value written elsewhere in between, not written over it', async () => {
    // Sync brings another device's paused site just after this write.
    let synced = false;
    const store: SettingsStore = {
      getValue: () => settingsItem.getValue(),
      setValue: async (value) => {
        await settingsItem.setValue(value);
        if (!synced) {
          synced = true;
          await settingsItem.setValue({ ...DEFAULT_SETTINGS, pausedSites: ['medway.example'] });
        }
      },
    };
    const result = await createSettingsWriter(store).apply({
      kind: 'set',
      values: { showUnverified: false },
    });
    expect(result.ok).toBe(true);
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      pausedSites: ['medway.example'],
      showUnverified: false,
    });
  });

  it('that the browser refuses (sync quota full) come back as a message, and nothing is stored', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pausedSites: ['kentonline.co.uk'] });
    const full: SettingsStore = {
      getValue: () => settingsItem.getValue(),
      setValue: () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')),
    };
    const result = await createSettingsWriter(full).apply({
      kind: 'pause-site',
      host: 'a.example',
    });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not saved: .*storage for synced settings is full/),
    });
    expect((await loadSettings()).pausedSites).toEqual(['kentonline.co.uk']);
  });

  it('remove one paused site, keeping any another tab added', async () => {
    const writer = createSettingsWriter(slowStore);
    await writer.apply({ kind: 'pause-site', host: 'a.example' });
    await Promise.all([
      writer.apply({ kind: 'resume-site', host: 'a.example' }),
      writer.apply({ kind: 'pause-site', host: 'b.example' }),
    ]);
    const stored: Settings = normaliseSettings(await settingsItem.getValue());
    expect(stored.pausedSites).toEqual(['b.example']);
  });
});
