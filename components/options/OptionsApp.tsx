import { DATASET_VERSION, dataset } from '@/data';
import { formatDate } from '@/components/format/figure';
import { useSettings } from '@/components/use-settings';
import { SourceDetails } from './SourceDetails';
import { FigureTable } from './FigureTable';
import { PacksSection } from './PacksSection';
import { ReportsList } from './ReportsList';
import { SettingsForm } from './SettingsForm';
import './options.css';

/** Settings, and everything the extension knows, browsable without any page. */
export function OptionsApp() {
  const [settings, update] = useSettings();
  return (
    <main class="options">
      <h1>Kent Stats Check</h1>
      <p class="muted">
        Checks statistics about assault and abuse in Kent and Medway against{' '}
        {dataset.figures.length} official figures from {dataset.sources.length} public documents
        (dataset edition {DATASET_VERSION.edition}, {formatDate(DATASET_VERSION.date)}). Nothing you
        read leaves your browser.
      </p>
      {settings ? (
        <SettingsForm settings={settings} onChange={update} />
      ) : (
        <p aria-busy="true">Loading settings…</p>
      )}
      <ReportsList reportEmail={settings?.reportEmail ?? ''} />
      <PacksSection />
      <FigureTable figures={dataset.figures} sources={dataset.sources} />
      <SourceDetails
        sources={dataset.sources}
        notHeld={dataset.notHeld}
        figures={dataset.figures}
      />
    </main>
  );
}
