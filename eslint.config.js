// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Review lessons turned into rules. The extension runs inside other people's pages and
 * promises never to send anything anywhere, so the two rules that matter most are here:
 * page text is rendered by Preact only, and extension code makes no network request.
 */
const noHtmlInjection = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Page text must be rendered by Preact, never assigned as HTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Page text must be rendered by Preact, never inserted as HTML.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'document.write rewrites the page.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Page text must be rendered by Preact as text, never as HTML.',
  },
];
const noNetwork = [
  { name: 'fetch', message: 'The extension makes no network request of its own.' },
  { name: 'XMLHttpRequest', message: 'The extension makes no network request of its own.' },
  { name: 'WebSocket', message: 'The extension makes no network request of its own.' },
  { name: 'EventSource', message: 'The extension makes no network request of its own.' },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', 'test-results/', 'tests/fixtures/**/*.html'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Code that ships in the extension.
    files: ['entrypoints/**', 'components/**', 'utils/**', 'data/**'],
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlInjection],
      'no-restricted-globals': ['error', ...noNetwork],
      'no-restricted-properties': [
        'error',
        {
          object: 'navigator',
          property: 'sendBeacon',
          message: 'The extension makes no network request of its own.',
        },
        {
          object: 'window',
          property: 'fetch',
          message: 'The extension makes no network request of its own.',
        },
        {
          object: 'globalThis',
          property: 'fetch',
          message: 'The extension makes no network request of its own.',
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Focused or skipped tests must not land.
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip'].map((property) => ({
            object,
            property,
            message: 'Do not leave focused or skipped tests.',
          })),
        ),
      ],
    },
  },
);
