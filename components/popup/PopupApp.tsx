import { useEffect, useState } from 'preact/hooks';
import { DATASET_VERSION, type PackCount } from '@/data';
import type { Dataset } from '@/data/schema';
import type { Engine } from '@/utils/engine';
import { ReportForm } from '@/components/report/ReportForm';
import { useSettings } from '@/components/use-settings';
import { type ClaimSummary, type PageStatus } from '@/utils/messages/content';
import { CheckForm } from './CheckForm';
import { ClaimList } from './ClaimList';
import { PauseToggle } from './PauseToggle';
import { SourceList } from './SourceList';
import '@/components/report/report.css';
import './popup.css';
import {
  browser,
  sendToTab,
  addReport,
  countReports,
  watchReportCount,
} from '@/components/extension';

export interface PopupAppProps {
  engine: Engine;
  dataset: Dataset;
  /** Official figures by pack (bundled, then the reader's), for the heading. */
  packCounts: readonly PackCount[];
  /** The tab to report on; the active tab when absent. */
  tabId?: number;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; tabId: number; status: PageStatus };

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function PopupApp({ engine, dataset, packCounts, tabId }: PopupAppProps) {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [refresh, setRefresh] = useState(0);
  const [reporting, setReporting] = useState<ClaimSummary | null>(null);
  const [reportCount, setReportCount] = useState<number | null>(null);
  const [settings] = useSettings();
  const optionsUrl = browser.runtime.getURL('/options.html');

  useEffect(() => {
    void countReports().then(setReportCount, () => setReportCount(null));
    return watchReportCount(setReportCount);
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const id = tabId ?? (await activeTabId());
      if (id === undefined) return setPage({ kind: 'unavailable' });
      try {
        const status = await sendToTab(id, 'get-page-status', null);
        if (live) setPage({ kind: 'ready', tabId: id, status });
      } catch {
        // No content script answers on browser pages, extension stores and file views.
        if (live) setPage({ kind: 'unavailable' });
      }
    })();
    return () => {
      live = false;
    };
  }, [tabId, refresh]);

  const openClaim = async (id: string) => {
    if (page.kind !== 'ready') return;
    await sendToTab(page.tabId, 'open-claim', { id }).catch(() => false);
    // As a real popup it would cover the card; opened in a tab (tabId given) it stays.
    if (tabId === undefined) window.close();
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Kent Stats Check</h1>
        <p class="popup__tagline">
          Assault and abuse statistics for Kent and Medway, checked against {dataset.figures.length}{' '}
          official figures: {packCountsText(packCounts)}.
        </p>
      </header>
      <section aria-labelledby="page-heading">
        <h2 id="page-heading">This page</h2>
        {page.kind === 'loading' && <p aria-busy="true">Checking this page…</p>}
        {page.kind === 'unavailable' && (
          <p class="popup__notice">
            Kent Stats Check can’t run on this page. Browsers keep extensions off their own pages
            and extension stores; open a news article to check it.
          </p>
        )}
        {page.kind === 'ready' && (
          <>
            {page.status.paused ? null : !page.status.relevant ? (
              <p class="popup__notice">
                Nothing to check: this page says nothing about assault or abuse in Kent or Medway.
              </p>
            ) : reporting ? (
              <ReportForm
                subject={reporting}
                page={{ url: page.status.url, title: page.status.title }}
                reportEmail={settings?.reportEmail ?? ''}
                save={addReport}
                optionsUrl={optionsUrl}
                onDone={() => setReporting(null)}
              />
            ) : (
              <ClaimList
                claims={page.status.claims}
                counts={page.status.counts}
                onOpen={(id) => void openClaim(id)}
                onReport={setReporting}
              />
            )}
            <PauseToggle
              url={page.status.url}
              onChange={() => setTimeout(() => setRefresh((n) => n + 1), 300)}
            />
          </>
        )}
      </section>
      <CheckForm engine={engine} />
      <SourceList sources={dataset.sources} version={DATASET_VERSION} />
      <footer class="popup__footer">
        <a href={optionsUrl} target="_blank" rel="noopener">
          Settings and all official figures
        </a>
        {reportCount !== null && (
          <>
            {' · '}
            <a href={`${optionsUrl}#reports`} target="_blank" rel="noopener" class="popup__reports">
              {reportCount} {reportCount === 1 ? 'report' : 'reports'} saved
            </a>
          </>
        )}
      </footer>
    </main>
  );
}

/** "38 from Kent and Medway seed documents, 3 from a pack you added: Lighthouse FOI". */
export function packCountsText(counts: readonly PackCount[]): string {
  return counts
    .map((c) => `${c.figures} from ${c.added ? 'a pack you added: ' : ''}${c.title}`)
    .join(', ');
}
