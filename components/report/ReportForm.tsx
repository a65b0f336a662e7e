import { useState } from 'preact/hooks';
import { VERDICT_LABELS } from '@/utils/verdicts';
import type { Official, Verdict } from '@/utils/engine';
import {
  correctionRequest,
  draftFromClaim,
  isEmailAddress,
  mailtoUrl,
} from '@/utils/reports/correction-request';
import { ReportStoreError } from '@/utils/reports/errors';
import { type Report, type ReportDraft, type ReportKind } from '@/utils/reports/schema';

/** The claim a report is about, exactly as the reader saw it. */
export interface ReportSubject {
  mention: string;
  sentence: string;
  /** `null` for a figure the extension did not mark (checked by selection or typing). */
  verdict: Verdict | null;
  official: Official | null;
}

export interface ReportFormProps {
  subject: ReportSubject;
  page: { url: string; title: string };
  /** Where correction requests go; empty until the reader sets it in the options. */
  reportEmail: string;
  save(draft: ReportDraft): Promise<Report>;
  onDone(): void;
  /** The options page, where the address is set and reports are listed. */
  optionsUrl: string;
}

/**
 * Report a mismatch: the reader sees everything the report will hold before it is saved,
 * and the whole correction request before anything is sent. Saving keeps it in the browser;
 * sending only opens the reader's own e-mail program with the text prepared.
 */
export function ReportForm({
  subject,
  page,
  reportEmail,
  save,
  onDone,
  optionsUrl,
}: ReportFormProps) {
  const [kind, setKind] = useState<ReportKind>(
    subject.verdict === 'mismatch' ? 'page' : 'extension',
  );
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  if (saved) {
    const request = correctionRequest(saved);
    const mailto = mailtoUrl(reportEmail, saved);
    const text = `${request.subject}\n\n${request.body}`;
    return (
      <div class="report">
        <p class="report__saved" role="status">
          Report saved in this browser. Nothing has been sent.
        </p>
        <p class="report__label">The correction request, as it would be sent:</p>
        <textarea
          class="report__preview"
          readOnly
          rows={8}
          aria-label="Correction request"
          value={text}
        />
        <p class="report__actions">
          {mailto ? (
            <a class="report__button" href={mailto} target="_blank" rel="noopener">
              Send by e-mail to {reportEmail}…
            </a>
          ) : (
            <span class="report__hint">
              To send it by e-mail, set the address in the{' '}
              <a href={optionsUrl} target="_blank" rel="noopener">
                options
              </a>
              .
            </span>
          )}{' '}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(text).then(
                () => setCopied(true),
                () =>
                  setError('The browser did not allow copying; select the text above and copy it.'),
              )
            }
          >
            {copied ? 'Copied' : 'Copy as text'}
          </button>{' '}
          <button type="button" onClick={onDone}>
            Done
          </button>
        </p>
        {error && (
          <p class="report__error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setSaved(await save(draftFromClaim({ claim: subject, page, kind, note })));
    } catch (err) {
      setError(
        err instanceof ReportStoreError
          ? err.message
          : 'The report could not be saved. Nothing was lost; try again.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="report" onSubmit={(e) => void submit(e)} aria-label="Report a problem">
      <p class="report__label">Report about</p>
      <dl class="report__facts">
        <dt>Page</dt>
        <dd>{page.title || page.url}</dd>
        <dt>The page says</dt>
        <dd>
          <strong>{subject.mention}</strong> — “{subject.sentence}”
        </dd>
        <dt>Verdict shown</dt>
        <dd>
          {subject.verdict
            ? VERDICT_LABELS[subject.verdict].singular
            : 'Not marked by the extension'}
        </dd>
        {subject.official && (
          <>
            <dt>Official figure</dt>
            <dd>
              {subject.official.display} ({subject.official.source.publisher}
              {subject.official.source.reference && `, ${subject.official.source.reference}`})
            </dd>
          </>
        )}
      </dl>
      <fieldset class="report__kind">
        <legend>What is wrong?</legend>
        <label>
          <input
            type="radio"
            name="kind"
            checked={kind === 'page'}
            onChange={() => setKind('page')}
          />{' '}
          The page: its figure differs from the official one
        </label>
        <label>
          <input
            type="radio"
            name="kind"
            checked={kind === 'extension'}
            onChange={() => setKind('extension')}
          />{' '}
          The extension: wrong match, wrong verdict, or a figure it missed
        </label>
      </fieldset>
      <label class="report__note">
        Note (optional)
        <textarea
          rows={3}
          value={note}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {!isEmailAddress(reportEmail) && (
        <p class="report__hint">
          Reports are kept in this browser; you choose later whether to send one.
        </p>
      )}
      {error && (
        <p class="report__error" role="alert">
          {error}
        </p>
      )}
      <p class="report__actions">
        <button type="submit" disabled={busy}>
          Save report
        </button>{' '}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
