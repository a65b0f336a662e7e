/**
 * What a reader sends about a report: the correction request to e-mail or copy (the claim's
 * words and sentence, the verdict shown, the official figure and source, the reader's note;
 * no other page text), and the draft a report form starts from.
 */
import type { Claim } from '@/utils/engine/types';
import { verdictWords, type Verdict } from '@/utils/verdicts';
import { REPORT_LIMITS, type Report, type ReportDraft, type ReportKind } from './schema';

// ---------------------------------------------------------------------------------------
// Correction request

export interface CorrectionRequest {
  subject: string;
  body: string;
}

/** `label: value`, or nothing when the value is empty: the request never shows blank fields. */
function line(label: string, value: string): string[] {
  return value.trim() === '' ? [] : [`${label}: ${value}`];
}

/**
 * The correction request as plain text, the same for "Send" (e-mail) and "Copy as text".
 * It cites everything a reader of the e-mail needs to check the claim without the extension:
 * the page, the page's words and sentence, the verdict shown, the official figure with its
 * place and period, the source (title, publisher, date, reference, URL) and its exact words,
 * and the reader's note. Lines are "\n"; `mailtoUrl` converts them for mail clients.
 */
export function correctionRequest(report: Report): CorrectionRequest {
  const { page, claim, official } = report;
  const where = page.title.trim() || page.url;
  const subject =
    report.kind === 'page'
      ? `Correction request: "${claim.mention}" in "${where}"`
      : `Kent Stats Check got a figure wrong: "${claim.mention}" in "${where}"`;

  const intro =
    report.kind === 'page'
      ? 'I think a figure on this page does not match the official figure it describes.'
      : 'I think Kent Stats Check got this figure wrong (a wrong match, a wrong verdict or a figure it missed).';

  const officialLines = official
    ? [
        ...line(
          'Official figure',
          [official.display, [official.place, official.period].filter((s) => s.trim()).join(', ')]
            .filter((s) => s.trim())
            .join(' — '),
        ),
        ...line('Source', official.source.title),
        ...line('Publisher', official.source.publisher),
        ...line('Date', official.source.date),
        ...line('Reference', official.source.reference),
        ...line('Link', official.source.url),
        ...(official.quote.trim() ? [`The source says: "${official.quote}"`] : []),
      ]
    : ['No official figure was matched to this claim.'];

  const body = [
    'Hello,',
    '',
    intro,
    '',
    ...line('Page', page.title),
    ...line('Address', page.url),
    '',
    `The page says: "${claim.mention}"`,
    ...(claim.sentence.trim() ? [`In the sentence: "${claim.sentence}"`] : []),
    `Kent Stats Check showed: ${verdictWords(report.verdict)}`,
    '',
    ...officialLines,
    ...(report.note.trim() ? ['', 'My note:', report.note] : []),
    '',
    `Reported on ${report.createdAt.slice(0, 10)} with Kent Stats Check.`,
  ].join('\n');

  return { subject, body };
}

/**
 * One plain address, nothing a mail client could read as extra headers or recipients
 * (no "?", "&", ",", spaces). Deliberately narrower than RFC 5322: the options page can
 * use it to reject what `mailtoUrl` would refuse.
 */
const EMAIL =
  /^[A-Za-z0-9._'+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(address: string): boolean {
  return EMAIL.test(address.trim());
}

/**
 * A `mailto:` link that opens the reader's mail client with the request filled in; nothing
 * is sent until they press send there. Subject and body are percent-encoded and line breaks
 * become CRLF, as RFC 6068 asks. Returns '' when the address is not a valid one, so the UI
 * can offer "Copy as text" instead. Some mail clients cut very long links; "Copy as text"
 * is the fallback there too.
 */
export function mailtoUrl(address: string, report: Report): string {
  const to = address.trim();
  if (!isEmailAddress(to)) return '';
  const { subject, body } = correctionRequest(report);
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

// ---------------------------------------------------------------------------------------
// Drafts

/** What a report form starts from: a claim the engine produced (or the reader described). */
export interface DraftInput {
  /** `verdict: null` for a figure the extension missed (the reader typed or selected it). */
  claim: Pick<Claim, 'mention' | 'sentence' | 'official'> & { verdict: Verdict | null };
  page: { url: string; title: string };
  kind: ReportKind;
  note?: string;
}

/** Clips to a limit, marking the cut, so a draft always passes the store's validation. */
function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * Builds a report draft from the engine's claim, copying only the fields the report form
 * shows: the claim's words and sentence (no other page text), the verdict, and the official
 * figure with its source. Fields such as offsets, value and reason stay behind.
 */
export function draftFromClaim(input: DraftInput): ReportDraft {
  const { claim, page, kind } = input;
  const o = claim.official;
  const L = REPORT_LIMITS;
  return {
    kind,
    page: { url: clip(page.url, L.url), title: clip(page.title, L.label) },
    claim: { mention: clip(claim.mention, L.label), sentence: clip(claim.sentence, L.sentence) },
    verdict: claim.verdict,
    official: o
      ? {
          recordId: clip(o.recordId, L.label),
          display: clip(o.display, L.label),
          place: clip(o.place, L.label),
          period: clip(o.period, L.label),
          quote: clip(o.quote, L.quote),
          source: {
            id: clip(o.source.id, L.label),
            title: clip(o.source.title, L.label),
            publisher: clip(o.source.publisher, L.label),
            date: clip(o.source.date, L.label),
            reference: clip(o.source.reference, L.label),
            url: clip(o.source.url, L.url),
          },
        }
      : null,
    note: clip(input.note ?? '', L.note),
  };
}
