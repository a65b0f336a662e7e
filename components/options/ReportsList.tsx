import { useEffect, useRef, useState } from 'preact/hooks';
import { VERDICT_LABELS } from '@/utils/verdicts';
import { formatDate } from '@/components/format/figure';
import { httpUrl } from '@/utils/safe-url';
import { correctionRequest, mailtoUrl } from '@/utils/reports/correction-request';
import { reportsToCsv, reportsToJson } from '@/utils/reports/files';
import { ReportStoreError } from '@/utils/reports/errors';
import { REPORT_KIND_LABELS, type RecoveryNotice, type Report } from '@/utils/reports/schema';
import {
  REPORTS_PAGE_SIZE,
  deleteReports,
  dismissRecovery,
  listReports,
  loadStatus,
  reconcileReports,
  updateNote,
  watchReports,
  exportAll,
  importReports,
} from '@/components/extension';

export interface ReportsListProps {
  reportEmail: string;
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Every saved report, a page at a time so 10,000 of them still open at once: read, edit the
 * note, delete one or several, export all as CSV or JSON, import an export back.
 */
export function ReportsList({ reportEmail }: ReportsListProps) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ reports: Report[]; total: number } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const [recovered, setRecovered] = useState<RecoveryNotice | undefined>();
  const [version, setVersion] = useState(0);

  const reconciled = useRef(false);

  useEffect(() => {
    void loadStatus().then((s) => setRecovered(s.recovered));
    return watchReports(() => setVersion((v) => v + 1));
  }, []);

  useEffect(() => {
    let live = true;
    listReports({ offset: page * REPORTS_PAGE_SIZE, limit: REPORTS_PAGE_SIZE }).then(
      (result) => {
        if (!live) return;
        if (result.reports.length === 0 && page > 0) setPage(page - 1);
        else setData(result);
        // Reading this page of reports may have found one damaged and set it aside: its
        // notice shows now, on this opening, not only on the next.
        void loadStatus().then((status) => live && setRecovered(status.recovered));
      },
      (err: unknown) => setMessage(err instanceof Error ? err.message : String(err)),
    );
    if (!reconciled.current) {
      reconciled.current = true;
      // Once per opening, queued after the first list so the list shows at once: a report
      // another tab stored but left out of the index is then listed (its write of the index
      // refreshes the list through `watchReports`). It lists every key (measured at 10,000
      // reports: a few hundred ms in Chromium, see the closing note of issue 13).
      reconcileReports().catch((err: unknown) =>
        setMessage(err instanceof Error ? err.message : String(err)),
      );
    }
    return () => {
      live = false;
    };
  }, [page, version]);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
      setVersion((v) => v + 1);
    } catch (err) {
      setMessage(
        err instanceof ReportStoreError ? err.message : `Something went wrong: ${String(err)}`,
      );
    }
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / REPORTS_PAGE_SIZE)) : 1;
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <section aria-labelledby="reports-heading" id="reports">
      <h2 id="reports-heading">Reports{data ? ` (${data.total})` : ''}</h2>
      {recovered && (
        <div class="notice" role="alert">
          <p>
            Some saved reports could not be read ({recovered.reason}). They were kept aside under “
            {recovered.backupKey}” and new reports save as usual.
          </p>
          <button
            type="button"
            onClick={() => void dismissRecovery().then(() => setRecovered(undefined))}
          >
            Understood
          </button>
        </div>
      )}
      <div class="toolbar">
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              download(
                `kent-stats-reports-${stamp}.csv`,
                'text/csv',
                reportsToCsv(await exportAll()),
              );
              return 'Exported as CSV.';
            })
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              download(
                `kent-stats-reports-${stamp}.json`,
                'application/json',
                reportsToJson(await exportAll()),
              );
              return 'Exported as JSON.';
            })
          }
        >
          Export JSON
        </button>
        <label class="file-button">
          Import JSON…
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              void act(async () => {
                const r = await importReports(await file.text());
                return `Imported ${r.added} ${r.added === 1 ? 'report' : 'reports'}; ${r.skipped} already here; ${r.invalid} not readable.`;
              });
            }}
          />
        </label>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() =>
            void act(async () => {
              const n = await deleteReports([...selected]);
              setSelected(new Set());
              return `Deleted ${n} ${n === 1 ? 'report' : 'reports'}.`;
            })
          }
        >
          Delete selected ({selected.size})
        </button>
      </div>
      <p role="status" class="muted">
        {message}
      </p>
      {data && data.total === 0 && (
        <p class="muted">No reports yet. Use “Report a problem…” on a highlighted figure’s card.</p>
      )}
      {data && data.reports.length > 0 && (
        <ul class="reports">
          {data.reports.map((r) => (
            <ReportItem
              key={r.id}
              report={r}
              reportEmail={reportEmail}
              selected={selected.has(r.id)}
              onSelect={(on) => {
                const next = new Set(selected);
                if (on) next.add(r.id);
                else next.delete(r.id);
                setSelected(next);
              }}
              onSaveNote={(note) => act(async () => (await updateNote(r.id, note), 'Note saved.'))}
              onDelete={() => act(async () => (await deleteReports([r.id]), 'Report deleted.'))}
            />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label="Report pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}

interface ReportItemProps {
  report: Report;
  reportEmail: string;
  selected: boolean;
  onSelect(on: boolean): void;
  onSaveNote(note: string): Promise<void>;
  onDelete(): Promise<void>;
}

function ReportItem({
  report: r,
  reportEmail,
  selected,
  onSelect,
  onSaveNote,
  onDelete,
}: ReportItemProps) {
  const [note, setNote] = useState(r.note);
  const pageHref = httpUrl(r.page.url);
  const mailto = mailtoUrl(reportEmail, r);
  const request = correctionRequest(r);
  return (
    <li class="report-item">
      <label class="report-item__select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect((e.target as HTMLInputElement).checked)}
        />
        <span class="visually-hidden">Select report on {r.claim.mention}</span>
      </label>
      <div class="report-item__body">
        <p>
          <strong>{r.claim.mention}</strong> · {REPORT_KIND_LABELS[r.kind]} ·{' '}
          {r.verdict ? VERDICT_LABELS[r.verdict].singular : 'Not marked by the extension'} ·{' '}
          <span class="muted">{formatDate(r.createdAt.slice(0, 10))}</span>
        </p>
        <p class="muted">
          {pageHref ? (
            <a href={pageHref} target="_blank" rel="noopener noreferrer">
              {r.page.title || r.page.url}
            </a>
          ) : (
            // Not a web address (an imported file can hold anything): text, never a link.
            <span class="report-item__address">
              {r.page.title ? `${r.page.title} (${r.page.url})` : r.page.url}
            </span>
          )}
        </p>
        <details>
          <summary>Details and correction request</summary>
          <p>“{r.claim.sentence}”</p>
          {r.official && (
            <p>
              Official: {r.official.display} ({r.official.source.publisher}
              {r.official.source.reference && `, ${r.official.source.reference}`})
            </p>
          )}
          <textarea
            readOnly
            rows={6}
            aria-label="Correction request"
            value={`${request.subject}\n\n${request.body}`}
          />
          <p>
            {mailto ? (
              <a href={mailto}>Send by e-mail to {reportEmail}…</a>
            ) : (
              <span class="muted">Set an e-mail address above to send correction requests.</span>
            )}
          </p>
        </details>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSaveNote(note);
          }}
        >
          <label>
            Note{' '}
            <input
              type="text"
              value={note}
              onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit" disabled={note === r.note}>
            Save note
          </button>{' '}
          <button type="button" onClick={() => void onDelete()}>
            Delete
          </button>
        </form>
      </div>
    </li>
  );
}
