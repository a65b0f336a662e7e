/**
 * `npm run architecture`: the house plan as rules, checked with dependency-cruiser over every
 * module the extension, the CLI and the data tools are built from. `npm run lint` runs it and
 * tests/unit/architecture.test.ts holds it. Each rule says in its comment what broke, or
 * would, without it.
 */
import { resolve } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_API = 'node_modules/(wxt|@wxt-dev|webextension-polyfill)/';

export const RULES: IForbiddenRuleType[] = [
  {
    name: 'no-circular',
    severity: 'error',
    comment:
      'A cycle makes load order decide behaviour and hides which module owns what: two modules that need each other are one module, or share a third.',
    from: {},
    to: { circular: true },
  },
  {
    name: 'engine-is-pure',
    severity: 'error',
    comment:
      'The content script, the popup, the CLI and the tests run the same engine: it reads text and the dataset, never the DOM layer, the UI, storage, Node or the extension API.',
    from: { path: '^utils/engine/' },
    to: { pathNot: ['^utils/engine/', '^data/schema\\.ts$', 'node_modules/fuse\\.js/'] },
  },
  {
    name: 'components-reach-the-extension-through-one-place',
    severity: 'error',
    comment:
      'Components take data through props; storage, messages and the extension API are reached only through components/extension.ts, so a view renders in a test with that one module faked. Types and pure helpers (report shapes and words, the settings shape) may be imported directly.',
    from: { path: '^components/', pathNot: '^components/extension\\.ts$' },
    to: {
      path: [
        EXTENSION_API,
        '^utils/reports/(area|store|recovery|transfer)\\.ts$',
        '^utils/storage/(settings-item|settings-writer|packs|add-pack)\\.ts$',
        '^utils/messages/(send|background-checks|content-checks)\\.ts$',
      ],
      dependencyTypesNot: ['type-only'],
    },
  },
  {
    name: 'page-side-has-no-ui',
    severity: 'error',
    comment:
      'utils/dom/ reads and marks the page; the Preact UI is wired to it beside the checker entry point, so the page side is tested without a UI and the UI without a page.',
    from: { path: '^utils/dom/' },
    to: { path: ['^components/', 'node_modules/preact/', EXTENSION_API] },
  },
  {
    name: 'entrypoints-are-leaves',
    severity: 'error',
    comment:
      'An entry point is what WXT builds; code two entry points share lives in utils/ or components/.',
    from: { pathNot: '^entrypoints/' },
    to: { path: '^entrypoints/' },
  },
  {
    name: 'browser-code-has-no-node',
    severity: 'error',
    comment:
      'Code that runs in the browser cannot import Node built-ins: it breaks the build, or bundles a shim that fails at run time.',
    from: { path: '^(utils|components|entrypoints)/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'only-the-cli-imports-the-cli',
    severity: 'error',
    comment: 'cli/ is Node only: the extension and the dataset never import it.',
    from: { path: '^(utils|components|entrypoints|data)/' },
    to: { path: '^cli/' },
  },
];

export interface ArchitectureReport {
  ok: boolean;
  /** dependency-cruiser's own report: one line per violation, then its summary. */
  text: string;
}

export async function checkArchitecture(): Promise<ArchitectureReport> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruise(
      ['entrypoints', 'components', 'utils', 'data', 'cli'],
      {
        validate: true,
        ruleSet: { forbidden: RULES },
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(\\.wxt|\\.output)/' },
        // Type-only imports count: a type from the DOM layer in the engine is a dependency too.
        tsPreCompilationDeps: true,
        outputType: 'err',
      },
      {
        extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
        // WXT's `@/` path carries no baseUrl, which dependency-cruiser's tsconfig support
        // needs (sverweij/dependency-cruiser#818): the alias is given to the resolver here.
        alias: { '@': ROOT },
        exportsFields: ['exports'],
        conditionNames: ['import', 'module', 'browser', 'default', 'types'],
        mainFields: ['module', 'main', 'types'],
      },
    );
    return { ok: result.exitCode === 0, text: String(result.output) };
  } finally {
    process.chdir(cwd);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await checkArchitecture();
  process.stdout.write(report.text);
  process.exitCode = report.ok ? 0 : 1;
}
