import { useSettings } from '@/components/use-settings';
import type { ReportRequest } from '@/utils/messages/background';
import { ReportForm } from './ReportForm';
import './report.css';
import './report-page.css';
import { browser, addReport } from '@/components/extension';

export interface ReportPageProps {
  /** The claim and page from the card; null when the address carries none. */
  request: ReportRequest | null;
}

/**
 * The report form in an extension page of its own. The in-page card only asks for this page:
 * everything a page script could read or drive (the reader's e-mail address, the options
 * link with the extension's id, the save button) lives here, out of the page's reach.
 */
export function ReportPage({ request }: ReportPageProps) {
  const [settings] = useSettings();
  if (!request)
    return (
      <main class="report-page">
        <h1>Report a problem</h1>
        <p role="alert">
          This page opens from a figure’s card: choose “Report a problem…” on the card.
        </p>
      </main>
    );
  return (
    <main class="report-page">
      <h1>Report a problem</h1>
      {settings && (
        <ReportForm
          subject={request.subject}
          page={request.page}
          reportEmail={settings.reportEmail}
          save={addReport}
          optionsUrl={browser.runtime.getURL('/options.html')}
          onDone={() => void closeThisTab()}
        />
      )}
    </main>
  );
}

/** Done or Cancel: the tab goes, back to the article (`window.close` is refused in Firefox). */
async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}
