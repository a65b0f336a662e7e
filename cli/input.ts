/**
 * Reads the CLI's one input — a file, a URL or standard input — into text, refusing what is
 * not a page: missing or unreadable files, unreachable URLs, binary data, empty input, and
 * anything over the size limit. Every refusal is a `CliError` whose message is one line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Pages larger than this are refused: no news article is, and the CLI holds it all in memory. */
export const MAX_BYTES = 50 * 1024 * 1024;
/** How long a URL may take to answer and send its page. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Share of control characters above which input is treated as binary. */
const BINARY_CONTROL_RATIO = 0.1;
const SNIFF_BYTES = 64 * 1024;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Input {
  /** What the user named, for messages ("page.html", "-", a URL). */
  name: string;
  text: string;
  /** The page's address when it came from the web. */
  url?: string;
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export async function readInput(arg: string): Promise<Input> {
  if (arg === '-')
    return { name: 'standard input', text: decode(await readStdin(), 'standard input') };
  if (/^https?:\/\//i.test(arg))
    return { name: arg, text: decode(await fetchPage(arg), arg), url: arg };
  return { name: arg, text: decode(await readLocal(arg), arg) };
}

async function readLocal(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`cannot read ${path}: it is a directory`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${reasonOf(error)}`);
  }
  if (size > MAX_BYTES)
    throw new CliError(`refusing ${path}: ${MB(size)} is over the ${MB(MAX_BYTES)} limit`);
  // Read up to the limit whatever `stat` said: a device (/dev/zero), a named pipe or a
  // process substitution reports a size of 0 and may never end.
  try {
    return await readCapped(createReadStream(path), path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${reasonOf(error)}`);
  }
}

/** The bytes of a stream, refused as soon as they pass MAX_BYTES. */
async function readCapped(stream: AsyncIterable<unknown> & { destroy?(): void }, name: string) {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > MAX_BYTES) {
      stream.destroy?.();
      throw new CliError(`refusing ${name}: over the ${MB(MAX_BYTES)} limit`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function readStdin(): Promise<Buffer> {
  return readCapped(process.stdin, 'standard input');
}

async function fetchPage(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new CliError(
      `cannot reach ${url}: ${timedOut ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : reasonOf(error)}`,
    );
  }
  if (!response.ok)
    throw new CliError(
      `cannot fetch ${url}: the server answered ${response.status} ${response.statusText}`.trim(),
    );
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_BYTES)
    throw new CliError(`refusing ${url}: ${MB(declared)} is over the ${MB(MAX_BYTES)} limit`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BYTES) {
        await reader.cancel();
        throw new CliError(`refusing ${url}: over the ${MB(MAX_BYTES)} limit`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${url}: ${reasonOf(error)}`);
  }
  return Buffer.concat(chunks);
}

/**
 * Bytes to text: UTF-16 by its byte-order mark, a declared HTML charset when the runtime
 * knows it, else UTF-8. Binary data (NUL bytes, mostly control characters) is refused.
 */
export function decode(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new CliError(`${name} is empty: there is no page to check`);
  const bom16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  let text: string;
  if (bom16) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  } else {
    if (looksBinary(bytes))
      throw new CliError(`${name} looks like binary data, not a web page or text`);
    text = new TextDecoder(declaredCharset(bytes) ?? 'utf-8').decode(bytes);
  }
  if (text.trim() === '') throw new CliError(`${name} is empty: there is no page to check`);
  return text;
}

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample)
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control += 1;
  return sample.length > 0 && control / sample.length > BINARY_CONTROL_RATIO;
}

function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (!m || m[1] === undefined) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(m[1]).encoding;
  } catch {
    return null;
  }
  // As a browser reads it (HTML's "get an encoding" for a meta declaration): a page cannot
  // declare itself UTF-16 in bytes that are ASCII, so UTF-16 there means UTF-8.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

function reasonOf(error: unknown): string {
  type Coded = { code?: unknown; cause?: Coded; errors?: Coded[] };
  const e = error as Coded | undefined;
  const code = e?.code ?? e?.cause?.code ?? e?.cause?.errors?.[0]?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
      return 'the connection was reset';
    default: {
      // fetch wraps the real reason ("bad port", a TLS failure) in its cause.
      const inner = e?.cause instanceof Error ? e.cause : error;
      const message = inner instanceof Error ? inner.message : String(inner);
      return message.split('\n')[0] ?? 'unknown error';
    }
  }
}
