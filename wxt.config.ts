import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports: every file says what it uses, so the structure reads from the code.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Kent Stats Check',
    description:
      'Highlights statistics about assault and abuse in Kent and Medway and checks them against official figures.',
    permissions: ['storage', 'contextMenus'],
    ...(browser === 'firefox' && {
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
