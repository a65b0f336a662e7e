import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isPaused, normaliseSettings } from '@/utils/storage/settings';
import { settingsItem } from '@/utils/storage/settings-item';
import { normaliseHostname } from '@/utils/storage/hostname';

/** The settings as every view reads them: the stored value, normalised. */
const loadSettings = async () => normaliseSettings(await settingsItem.getValue());

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('start from the defaults: runs everywhere, shows unverified claims', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('survive a damaged stored value, keeping the fields that are well formed', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        pausedSites: ['www.KentOnline.co.uk', 42, ''],
        showUnverified: 'no',
        highlightStyle: 'neon',
        reportEmail: ' desk@example.org ',
      },
    });
    expect(await loadSettings()).toEqual({
      pausedSites: ['kentonline.co.uk'],
      showUnverified: true,
      highlightStyle: 'underline',
      reportEmail: 'desk@example.org',
    });
    expect(normaliseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('pause a whole site, with or without www', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pausedSites: ['kentonline.co.uk'] });
    const settings = await loadSettings();
    expect(isPaused(settings, 'www.kentonline.co.uk')).toBe(true);
    expect(isPaused(settings, 'kentonline.co.uk')).toBe(true);
    expect(isPaused(settings, 'thanet-news.example')).toBe(false);
  });
});

describe('normaliseHostname', () => {
  it.each([
    ['kentonline.co.uk', 'kentonline.co.uk'],
    ['https://www.KentOnline.co.uk/news/item?x=1', 'kentonline.co.uk'],
    ['  www.thanet.gov.uk ', 'thanet.gov.uk'],
    ['not a site', ''],
    ['', ''],
    ['localhost', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseHostname(input)).toBe(expected);
  });
});
