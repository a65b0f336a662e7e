import { useMemo, useState } from 'preact/hooks';
import { DATASET_VERSION, dataset } from '@/data';
import type { AddedPack } from '@/data/added';
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
  // The figures and sources browsable below: the bundled ones, then those of packs the reader added.
  const [added, setAdded] = useState<readonly AddedPack[]>([]);
  const all = useMemo(
    () => ({
      figures: [...dataset.figures, ...added.flatMap((p) => p.dataset.figures)],
      sources: [...dataset.sources, ...added.flatMap((p) => p.dataset.sources)],
      notHeld: [...dataset.notHeld, ...added.flatMap((p) => p.dataset.notHeld)],
    }),
    [added],
  );
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
      <PacksSection onPacks={setAdded} />
      <FigureTable figures={all.figures} sources={all.sources} />
      <SourceDetails sources={all.sources} notHeld={all.notHeld} figures={all.figures} />
    </main>
  );
}
