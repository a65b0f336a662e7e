/**
 * Loads an HTML string into a happy-dom page for the shared DOM layer, with scripts,
 * stylesheets, frames and navigation all switched off: the CLI reads a page, it never runs
 * or fetches anything on its behalf. The HTML goes in through happy-dom's page API, so the
 * page's own document (the one Ranges belong to) holds it.
 */
import { Browser } from 'happy-dom';

export interface LoadedPage {
  document: Document;
  close(): Promise<void>;
}

export function loadHtml(html: string, url?: string): LoadedPage {
  const browser = new Browser({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const page = browser.newPage();
  if (url) page.url = url;
  page.content = html;
  return {
    document: page.mainFrame.document as unknown as Document,
    close: () => browser.close(),
  };
}
