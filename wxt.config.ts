import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import bundledPackFile from './data/bundled-packs.json';
import type { BundledPack } from './data/bundled';
import figures from './data/figures.json';
import notHeld from './data/not-held.json';
import sources from './data/sources.json';
import { FIGURE_KEYS, NOT_HELD_KEYS, SOURCE_KEYS, canonicalRecords } from './data/canonical';
import { validateDataset } from './data/integrity';

const bundledPacks = bundledPackFile as BundledPack[];

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports: every file says what it uses, so the structure reads from the code.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size either store asks for, drawn from one SVG at build time: 16 and 32 for the
  // toolbar (and 2x screens), 48 and 96 for the add-ons pages, 64 and 128 for the listings.
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    sizes: [128, 96, 64, 48, 32, 16],
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script's loader runs on every page, so it goes without the promise
    // polyfill: it uses the browser's own promise APIs (MV3 Chrome, Firefox) and answers
    // messages through `sendResponse`. It also finds the extension API object only on first
    // use (see `utils/loader/lazy-browser.ts`). Every other part keeps webextension-polyfill.
    // And its context announces nothing to the page (see `utils/loader/quiet-context.ts`).
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias;
      if (!entrypoints.some((e) => e.name === 'content') || !alias || Array.isArray(alias)) return;
      (alias as Record<string, string>)['wxt/browser'] = fileURLToPath(
        new URL('./utils/loader/lazy-browser.ts', import.meta.url),
      );
      (alias as Record<string, string>)['wxt/utils/content-script-context'] = fileURLToPath(
        new URL('./utils/loader/quiet-context.ts', import.meta.url),
      );
    },
    // The bundle trusts the dataset (it skips validation at run time), so no build may ship
    // an invalid one: each error names the file, the record and the field.
    'build:before': () => {
      // The seed records and every bundled pack's (data/bundled-packs.json), together.
      const { errors } = validateDataset({
        sources: canonicalRecords(
          [...sources, ...bundledPacks.flatMap((p) => p.sources)],
          SOURCE_KEYS,
        ),
        figures: canonicalRecords(
          [...figures, ...bundledPacks.flatMap((p) => p.figures)],
          FIGURE_KEYS,
        ),
        notHeld: canonicalRecords(
          [...notHeld, ...bundledPacks.flatMap((p) => p.notHeld)],
          NOT_HELD_KEYS,
        ),
      });
      if (errors.length > 0) throw new Error(`The dataset is invalid:\n${errors.join('\n')}`);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Kent Stats Check',
    description:
      'Highlights statistics about assault and abuse in Kent and Medway and checks them against official figures.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // The loader imports the checker from the page's context, so the checker must be
    // web-accessible. A dynamic URL (Chrome) keeps pages from probing for the extension.
    web_accessible_resources: [
      {
        resources: ['checker.js'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    ...(browser === 'firefox' && {
      // Firefox tucks a new extension's button into its extensions menu, where its badge
      // cannot be seen: put it on the toolbar (the reader can still move it).
      browser_action: { default_area: 'navbar' },
      browser_specific_settings: {
        gecko: {
          id: 'kent-stats-check@example.org',
          // Firefox asks every extension to declare what it collects: nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
