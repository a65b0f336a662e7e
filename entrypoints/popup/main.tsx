import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { currentDataset, figureCountsByPack, useAddedPacks } from '@/data';
import { createEngine } from '@/utils/engine';
import { loadAddedPacks } from '@/utils/storage/packs';
import '@/components/theme.css';

/**
 * The popup normally reports on the active tab. `?tab=<id>` binds it to another tab, which is
 * how the popup is opened in a tab of its own (and by the end-to-end tests).
 */
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

// The reader's added packs join the bundled records, so a typed statistic is checked
// against them too and the heading counts them (`loadAddedPacks` never throws).
void loadAddedPacks().then(({ packs }) => {
  useAddedPacks(packs);
  const dataset = currentDataset();
  render(
    <PopupApp
      engine={createEngine(dataset)}
      dataset={dataset}
      packCounts={figureCountsByPack()}
      tabId={tabId}
    />,
    document.getElementById('app')!,
  );
});
