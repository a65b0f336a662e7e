import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { dataset } from '@/data';
import { createEngine } from '@/utils/engine';
import '@/components/theme.css';

/**
 * The popup normally reports on the active tab. `?tab=<id>` binds it to another tab, which is
 * how the popup is opened in a tab of its own (and by the end-to-end tests).
 */
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

render(
  <PopupApp engine={createEngine(dataset)} dataset={dataset} tabId={tabId} />,
  document.getElementById('app')!,
);
