/**
 * The CLI as other tools run it: `tsx cli/check.ts` in a child process, on temporary files.
 * Checks the JSON contract field by field, and that every bad input gives a non-zero exit
 * with exactly one line on standard error and nothing on standard output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test starts a Node process that compiles the CLI's TypeScript: on a busy 2-core machine
// that alone can pass the default 5 s, which says nothing about the CLI.
vi.setConfig({ testTimeout: 30_000 });

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'kent-check-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      tsx,
      ['cli/check.ts', ...args],
      { cwd: root, timeout: 60_000, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const PAGE = `<!doctype html><html><head><title>Domestic abuse in Kent</title>
<meta property="article:published_time" content="2023-07-28"></head>
<body><p>Kent Police recorded more than 100 domestic abuse-related crimes every day in 2021/22.</p>
<p>The rate in Thanet is 26.7 per 1,000 people. Call 0808 168 9276.</p></body></html>`;

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('cli/check.ts --json', () => {
  it('prints exactly one JSON object following the contract', async () => {
    const { code, stdout, stderr } = await run(['--json', file('page.html', PAGE)]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as { claims: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['claims']);
    expect(out.claims).toHaveLength(2);
    const [match, mismatch] = out.claims;
    expect(Object.keys(match!)).toEqual([
      'mention',
      'value',
      'unit',
      'sentence',
      'verdict',
      'reason',
      'official',
    ]);
    expect(match).toMatchObject({
      mention: 'more than 100',
      value: 100,
      unit: 'count',
      sentence:
        'Kent Police recorded more than 100 domestic abuse-related crimes every day in 2021/22.',
      verdict: 'match',
    });
    expect(typeof match!.reason).toBe('string');
    const official = match!.official as Record<string, unknown>;
    expect(Object.keys(official)).toEqual([
      'recordId',
      'value',
      'display',
      'unit',
      'place',
      'period',
      'quote',
      'source',
    ]);
    expect(official).toMatchObject({
      recordId: 'kcc-da-crimes-per-day-2021-22',
      value: 100,
      display: 'over 100',
      unit: 'count',
      place: 'Kent',
      period: '2021/22',
    });
    expect(official.quote).toContain('over 100 domestic abuse related crimes per day');
    expect(Object.keys(official.source as object)).toEqual([
      'id',
      'title',
      'publisher',
      'date',
      'reference',
      'url',
    ]);
    expect(official.source).toMatchObject({
      id: 'kcc-domestic-abuse-strategy-consultation',
      publisher: 'Kent County Council',
    });
    expect(mismatch).toMatchObject({ verdict: 'mismatch', value: 26.7, unit: 'per-1000' });
    expect((mismatch!.official as { recordId: string }).recordId).toBe('kcc-da-rate-thanet');
  });

  it('gives official null for unverified claims', async () => {
    const { code, stdout } = await run([
      '--json',
      file(
        'unverified.txt',
        'Kent Police recorded about 85 domestic abuse crimes a day in 2019/20.\n',
      ),
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { claims: Array<{ verdict: string; official: unknown }> };
    expect(out.claims).toEqual([
      expect.objectContaining({ verdict: 'unverified', official: null }),
    ]);
  });

  it('caps each claim’s sentence at 400 characters around its words, with an ellipsis', async () => {
    // One run-on sentence of about 20 KB with a claim every few words.
    const clauses = Array.from(
      { length: 400 },
      (_, i) => `Kent Police recorded ${100 + i} domestic abuse crimes in Thanet`,
    );
    const { code, stdout } = await run(['--json', '-'], `${clauses.join(', and ')}.\n`);
    expect(code).toBe(0);
    const { claims } = JSON.parse(stdout) as {
      claims: Array<{ mention: string; sentence: string }>;
    };
    expect(claims.length).toBeGreaterThan(100);
    for (const c of claims) {
      // 400 characters and an ellipsis at each cut end, the claim's own words inside.
      expect(c.sentence.length).toBeLessThanOrEqual(402);
      expect(c.sentence).toContain(c.mention);
    }
    // The engine's sentences here run to thousands of characters: the cap is what keeps them short.
    expect(claims.filter((c) => /^…|…$/.test(c.sentence)).length).toBeGreaterThan(
      claims.length / 2,
    );
    // The output grows with the claims, not with claims × sentence.
    expect(stdout.length).toBeLessThan(claims.length * 2_000);
  });

  it('reads plain text, standard input and a URL', async () => {
    const text =
      'Thanet averaged 4,548 domestic abuse calls to Kent Police between 2017 and 2021.\n';
    for (const result of [
      await run(['--json', file('plain.txt', text)]),
      await run(['--json', '-'], text),
    ]) {
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { claims: unknown[] }).claims).toEqual([
        expect.objectContaining({ mention: '4,548', verdict: 'match' }),
      ]);
    }
    const web = await run(['--json', `${origin}/page`]);
    expect(web.code).toBe(0);
    expect((JSON.parse(web.stdout) as { claims: unknown[] }).claims).toHaveLength(2);
  });

  it('analyses broken HTML', async () => {
    const { code, stdout } = await run([
      '--json',
      file(
        'broken.html',
        '<html><body><p>Kent Police recorded over 100 domestic abuse crimes a day in 2021/22<div><p>unclosed',
      ),
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { claims: unknown[] }).claims).toHaveLength(1);
  });

  it('prints an empty claim list for a page with nothing to check', async () => {
    const { code, stdout } = await run([
      '--json',
      file('other.html', '<html><body><p>Lincoln drew 2-2 with Exeter.</p></body></html>'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ claims: [] });
  });
});

describe('cli/check.ts table', () => {
  it('prints a readable table', async () => {
    const { code, stdout } = await run([file('table.html', PAGE)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/VERDICT\s+PAGE FIGURE\s+OFFICIAL FIGURE\s+REASON/);
    expect(stdout).toContain('MATCH');
    expect(stdout).toContain('MISMATCH');
    expect(stdout).toContain('1 match, 1 mismatch');
  });
});

describe('cli/check.ts refuses bad input with one line', () => {
  const expectRefusal = (r: Run, pattern: RegExp, code = 1) => {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  };

  it('a missing file', async () =>
    expectRefusal(
      await run([join(dir, 'nope.html')]),
      /^check: cannot read .*nope\.html: no such file/,
    ));
  it('an unreadable path (a directory)', async () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expectRefusal(
      await run([join(dir, 'folder')]),
      /^check: cannot read .*folder: it is a directory/,
    );
  });
  it('an unreachable URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expectRefusal(
      await run([`http://127.0.0.1:${port}/`]),
      /^check: cannot reach http:\/\/127\.0\.0\.1:\d+\/: /,
    );
  });
  it('a URL that answers with an error', async () =>
    expectRefusal(
      await run([`${origin}/missing`]),
      /^check: cannot fetch .*: the server answered 404/,
    ));
  it('binary input (NUL bytes)', async () =>
    expectRefusal(
      await run([file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]))]),
      /looks like binary data/,
    ));
  it('binary input (control characters)', async () =>
    expectRefusal(
      await run([file('ctrl.bin', Buffer.from('\x01\x02\x03\x04\x05\x06abc\x07\x08'.repeat(50)))]),
      /looks like binary data/,
    ));
  it('an empty file', async () => expectRefusal(await run([file('empty.html', '')]), /is empty/));
  it('an empty page', async () =>
    expectRefusal(
      await run([file('blank.html', '<html><body><script>var a = 1;</script></body></html>')]),
      /is an empty page/,
    ));
  it('a page over 50 MB', async () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 1);
    expectRefusal(await run([big]), /^check: refusing .*big\.html: .* over the 50 MB limit/);
  });
  // Issue 13: `stat` says 0 bytes for a device or a pipe, and /dev/zero grew to 8.8 GB.
  it('a device or pipe that never ends', async () =>
    expectRefusal(await run(['/dev/zero']), /^check: refusing \/dev\/zero: over the 50 MB limit/));
  it('markup nested 20,000 deep', async () =>
    expectRefusal(
      await run([
        file(
          'nested.html',
          `<html><body>${'<div>'.repeat(20_000)}<p>Kent Police recorded 100 crimes.</p>${'</div>'.repeat(20_000)}</body></html>`,
        ),
      ]),
      /^check: cannot read .*nested\.html: its markup is nested too deeply$/m,
    ));
  it('no input, or an unknown option (usage, exit 2)', async () => {
    expectRefusal(await run([]), /^check: no page given; usage:/, 2);
    expectRefusal(await run(['--html', 'x']), /^check: unknown option --html/, 2);
  });
});

describe('cli/check.ts on unlucky pages (issue 13)', () => {
  const claimsOf = (r: Run) => {
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { claims: Array<{ value: unknown; sentence: string }> }).claims;
  };

  it('reads a page that declares utf-16 in ASCII bytes as UTF-8, as a browser does', async () => {
    const page = PAGE.replace('<head>', '<head><meta charset="utf-16">');
    const declared = claimsOf(await run(['--json', file('utf16.html', page)]));
    const plain = claimsOf(await run(['--json', file('plain.html', PAGE)]));
    expect(plain.length).toBeGreaterThan(0);
    expect(declared).toEqual(plain);
  });

  it('never prints a value that is not a finite number', async () => {
    const huge = `1${',000'.repeat(120)}`;
    const claims = claimsOf(
      await run([
        '--json',
        file(
          'huge.txt',
          `Kent Police recorded ${huge} domestic abuse crimes. Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22.`,
        ),
      ]),
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(Number.isFinite(c.value)).toBe(true);
  });

  it('gives each claim of a paragraph that never ends a sentence of bounded length', async () => {
    const list = Array.from({ length: 2000 }, (_, i) => `${i} assaults`).join(', ');
    const claims = claimsOf(
      await run([
        '--json',
        file(
          'list.html',
          `<html><head><title>Kent crime data</title></head><body><p>Kent ${list}</p></body></html>`,
        ),
      ]),
    );
    expect(claims.length).toBeGreaterThan(1900);
    for (const c of claims) expect(c.sentence.length).toBeLessThanOrEqual(600);
  });
});
