/**
 * `npm run --silent check -- [--json] <file.html | file.txt | URL | ->`
 *
 * Checks one page with the extension's own DOM layer and engine: HTML is parsed by happy-dom
 * (scripts, styles, frames and navigation off) and read by `extractBlocks`; plain text goes
 * to `analyseText`. With `--json`, standard output is exactly one JSON object (the contract
 * in docs/design.md), each claim's sentence capped at `SENTENCE_CAP` (400) characters around
 * its words, with "…" where it was cut; without, a readable table. Exit 0 when the page was analysed, whatever
 * the verdicts; otherwise one line on standard error and a non-zero exit (2 for usage).
 */
import { dataset } from '../data';
import { extractBlocks } from '../utils/dom/extract';
import { createEngine, type Claim } from '../utils/engine';
import { excerpt } from './excerpt';
import { loadHtml } from './html';
import { CliError, readInput, type Input } from './input';
import { formatTable } from './table';

const USAGE = 'usage: npm run --silent check -- [--json] <file.html | file.txt | URL | ->';
/** Markup that makes an input HTML rather than plain text. */
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml)/i;
const HTML_TAG =
  /<(?:html|head|body|p|div|article|section|main|header|footer|span|h[1-6]|br|a|table|ul|ol|li|title|meta)\b[^>]*>/i;

interface Args {
  json: boolean;
  input: string;
}

function parseArgs(argv: readonly string[]): Args {
  let json = false;
  const inputs: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-'))
      throw new CliError(`unknown option ${arg}; ${USAGE}`, 2);
    else inputs.push(arg);
  }
  if (inputs.length !== 1)
    throw new CliError(
      inputs.length === 0 ? `no page given; ${USAGE}` : `one page at a time; ${USAGE}`,
      2,
    );
  return { json, input: inputs[0]! };
}

export function isHtml(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return HTML_START.test(head) || HTML_TAG.test(head);
}

/**
 * Analyses the page as the content script does: the cheap relevance test on the whole page
 * first, then the engine on its blocks.
 */
async function analyse(input: Input): Promise<Claim[]> {
  const engine = createEngine(dataset);
  if (!isHtml(input.text)) {
    if (!engine.hasRelevantContext(input.text)) return [];
    return engine.analyseText(input.text, input.url ? { url: input.url } : {});
  }
  const page = loadHtml(input.text, input.url);
  try {
    const { blocks, context } = extractBlocks(page.document);
    if (blocks.length === 0 && !context.title)
      throw new CliError(`${input.name} is an empty page: it has no readable text`);
    if (!engine.hasRelevantContext(`${context.title ?? ''}\n${blocks.join('\n')}`)) return [];
    return engine.analyseBlocks(blocks, input.url ? { ...context, url: input.url } : context);
  } finally {
    await page.close();
  }
}

/** The CLI contract's claim: exactly these fields, in this order (the sentence capped). */
function contractClaim(c: Claim) {
  return {
    mention: c.mention,
    value: c.value,
    unit: c.unit,
    sentence: excerpt(c.sentence, c.mention),
    verdict: c.verdict,
    reason: c.reason,
    official: c.official,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const input = await readInput(args.input);
  const claims = await analyse(input).catch((error: unknown) => {
    // Markup nested tens of thousands deep overflows the parser's or the walker's stack:
    // a page that cannot be read, said in one line.
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new CliError(`cannot read ${input.name}: its markup is nested too deeply`);
    throw error;
  });
  const output = args.json
    ? `${JSON.stringify({ claims: claims.map(contractClaim) }, null, 2)}\n`
    : formatTable(claims, input.name, process.stdout.columns || 100);
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(output, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}

function fail(error: unknown): number {
  const message =
    error instanceof CliError
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`check: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader went away: nothing left to say
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(error);
  },
);
