import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Claim } from '@/utils/engine/types';
import {
  correctionRequest,
  draftFromClaim,
  isEmailAddress,
  mailtoUrl,
} from '@/utils/reports/correction-request';
import { csvCell, reportsToCsv, reportsToJson } from '@/utils/reports/files';
import { EXPORT_FORMAT, EXPORT_VERSION, REPORT_LIMITS } from '@/utils/reports/schema';
import { addReport } from '@/utils/reports/store';
import { exportAll, importReports } from '@/utils/reports/transfer';
import { type Report } from '@/utils/reports/schema';
import { sampleReport } from './helpers';

/** Splits RFC 4180 text into records of fields (a small reference parser for the tests). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('CSV', () => {
  it('has a header row and one CRLF-terminated row per report', () => {
    const csv = reportsToCsv([sampleReport(1), sampleReport(2)]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Page URL');
    expect(rows[1]).toContain('1 crimes');
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('20,600')).toBe('"20,600"');
    expect(csvCell('the "official" figure')).toBe('"the ""official"" figure"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('round-trips awkward text through a CSV parser', () => {
    const note = 'He said "over 100, a day"\r\nthen, later:\n"nearly 27"';
    const report = sampleReport(1, { note });
    const [, row] = parseCsv(reportsToCsv([report]));
    expect(row).toContain(note);
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'guards a cell starting with a formula character: %j',
    (value) => {
      const cell = csvCell(value);
      const [[parsed]] = parseCsv(`${cell}\r\n`) as [[string]];
      expect(parsed).toBe(`'${value}`);
    },
  );

  it('guards formulas inside report fields, not only in single cells', () => {
    const report = sampleReport(1, { note: '=cmd|" /C calc"!A0' });
    const [, row] = parseCsv(reportsToCsv([report]));
    expect(row).toContain(`'=cmd|" /C calc"!A0`);
    expect(row).not.toContain('=cmd|" /C calc"!A0');
  });

  it('writes empty cells for a report without an official figure', () => {
    const [header, row] = parseCsv(
      reportsToCsv([sampleReport(1, { official: null, verdict: null })]),
    );
    expect(row![header!.indexOf('Official figure')]).toBe('');
    expect(row![header!.indexOf('Verdict shown')]).toBe('');
  });
});

describe('JSON', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('wraps the reports with format, version and export time, pretty-printed', () => {
    const json = reportsToJson([sampleReport(1)], new Date(Date.UTC(2025, 1, 3)));
    expect(json).toContain('\n  "format": ');
    expect(JSON.parse(json)).toEqual({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: '2025-02-03T00:00:00.000Z',
      reports: [sampleReport(1)],
    });
  });

  it('round-trips through importReports', async () => {
    const reports = [sampleReport(3), sampleReport(2, { official: null, verdict: null })];
    expect(await importReports(reportsToJson(reports))).toMatchObject({ added: 2, invalid: 0 });
    expect(await exportAll()).toEqual(reports);
  });
});

const report: Report = sampleReport(7, {
  page: {
    url: 'https://news.example/a?b=1&c=2#frag',
    title: 'Abuse figures: "shocking" rise & fall',
  },
  claim: { mention: 'more than 100', sentence: 'Kent Police logged more than 100 crimes a day.' },
  note: 'Line one\nLine two, with 100% sure & ?odd=chars #here',
});

describe('correction request', () => {
  it('cites the page, the claim, the verdict, the official figure, the source and the note', () => {
    const { subject, body } = correctionRequest(report);
    const o = report.official!;
    expect(subject).toContain('more than 100');
    expect(subject).toContain(report.page.title);
    for (const cited of [
      report.page.title,
      report.page.url,
      report.claim.mention,
      report.claim.sentence,
      'Differs from the official figure',
      o.display,
      o.place,
      o.period,
      o.source.title,
      o.source.publisher,
      o.source.date,
      o.source.reference,
      o.source.url,
      o.quote,
      report.note,
      report.createdAt.slice(0, 10),
    ]) {
      expect(body).toContain(cited);
    }
  });

  it('says whose mistake it is', () => {
    expect(correctionRequest({ ...report, kind: 'page' }).body).toMatch(/figure on this page/);
    expect(correctionRequest({ ...report, kind: 'extension' }).subject).toMatch(
      /Kent Stats Check got a figure wrong/,
    );
  });

  it('says so when no official figure was shown, and shows no empty fields', () => {
    const { body } = correctionRequest({ ...report, official: null, verdict: null, note: '' });
    expect(body).toContain('No official figure was matched');
    expect(body).toContain('missed this figure');
    expect(body).not.toContain('My note');
    expect(body).not.toMatch(/: $/m);
  });
});

describe('mailto', () => {
  function parts(url: string) {
    const match = /^mailto:([^?]+)\?subject=([^&]*)&body=([^&]*)$/.exec(url);
    expect(match).not.toBeNull();
    return {
      to: match![1]!,
      subject: decodeURIComponent(match![2]!),
      body: decodeURIComponent(match![3]!),
    };
  }

  it('encodes subject and body so they decode back exactly (CRLF line breaks)', () => {
    const url = mailtoUrl(' corrections@news.example ', report);
    const { to, subject, body } = parts(url);
    const request = correctionRequest(report);
    expect(to).toBe('corrections@news.example');
    expect(subject).toBe(request.subject);
    expect(body).toBe(request.body.replaceAll('\n', '\r\n'));
    expect(url).not.toMatch(/[\s"<>]/);
  });

  it('keeps &, ?, #, % and non-ASCII inside the encoded parts', () => {
    const odd = { ...report, note: 'a&b=c?d#e%f £5 — “quoted”' };
    const { body } = parts(mailtoUrl('a@b.co', odd));
    expect(body).toContain('a&b=c?d#e%f £5 — “quoted”');
  });

  it.each([
    '',
    '   ',
    'not-an-address',
    'a@b',
    'a@b.com?bcc=x@y.com',
    'a@b.com,c@d.com',
    'a b@c.com',
  ])('returns "" without a single valid address: %j', (address) => {
    expect(isEmailAddress(address)).toBe(false);
    expect(mailtoUrl(address, report)).toBe('');
  });
});

describe('draftFromClaim', () => {
  const claim: Claim = {
    blockIndex: 2,
    start: 10,
    end: 23,
    numberStart: 20,
    numberEnd: 23,
    mention: 'more than 100',
    value: 100,
    unit: 'count',
    timeBase: 'day',
    sentence: 'Kent Police logged more than 100 crimes a day.',
    place: 'kent',
    period: '2021/22',
    verdict: 'match',
    reason: 'Agrees.',
    recordId: 'r1',
    notHeldId: null,
    official: {
      recordId: 'r1',
      value: 100,
      display: 'over 100',
      unit: 'count',
      place: 'Kent',
      period: '2021/22',
      quote: 'over 100 domestic abuse-related crimes a day',
      source: {
        id: 's1',
        title: 'Report',
        publisher: 'Kent Police',
        date: '2022',
        reference: 'FOI 1',
        url: 'https://example.org/r',
      },
    },
  };

  it('copies only the fields the form shows, and the store accepts it', async () => {
    fakeBrowser.reset();
    const draft = draftFromClaim({
      claim,
      page: { url: 'https://news.example/x', title: 'X' },
      kind: 'page',
      note: ' my note ',
    });
    expect(draft).toEqual({
      kind: 'page',
      page: { url: 'https://news.example/x', title: 'X' },
      claim: { mention: 'more than 100', sentence: claim.sentence },
      verdict: 'match',
      official: {
        recordId: 'r1',
        display: 'over 100',
        place: 'Kent',
        period: '2021/22',
        quote: claim.official!.quote,
        source: claim.official!.source,
      },
      note: 'my note',
    });
    expect(await addReport(draft)).toMatchObject(draft);
  });

  it('clips an overlong sentence so the draft still saves', async () => {
    fakeBrowser.reset();
    const long = { ...claim, sentence: 'word '.repeat(2000), official: null };
    const draft = draftFromClaim({ claim: long, page: { url: '', title: '' }, kind: 'extension' });
    expect(draft.claim.sentence).toHaveLength(REPORT_LIMITS.sentence);
    expect(draft.claim.sentence.endsWith('…')).toBe(true);
    expect(draft.note).toBe('');
    await expect(addReport(draft)).resolves.toMatchObject({ kind: 'extension' });
  });
});
