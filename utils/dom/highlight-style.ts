/**
 * The reader's "stronger background" highlight style. The default marks come from the
 * manifest's CSS; this adds overriding rules through the document's adopted style sheets
 * (CSSOM, which a page's CSP does not block) and takes them away again on request.
 */
import type { HighlightStyle } from '@/utils/storage/settings';

const STRONG_RULES = `
::highlight(kent-stats-match) { background-color: rgb(0 158 115 / 0.42); }
::highlight(kent-stats-mismatch) { background-color: rgb(213 94 0 / 0.45); }
::highlight(kent-stats-not-held) { background-color: rgb(204 121 167 / 0.45); }
::highlight(kent-stats-unverified) { background-color: rgb(128 128 140 / 0.25); }
kent-stats-mark[data-verdict='match'] { background-color: rgb(0 158 115 / 0.42); }
kent-stats-mark[data-verdict='mismatch'] { background-color: rgb(213 94 0 / 0.45); }
kent-stats-mark[data-verdict='not-held'] { background-color: rgb(204 121 167 / 0.45); }
kent-stats-mark[data-verdict='unverified'] { background-color: rgb(128 128 140 / 0.25); }
`;

export function createHighlightStyle(doc: Document): {
  set(style: HighlightStyle): void;
  remove(): void;
} {
  const win = doc.defaultView;
  let sheet: CSSStyleSheet | null = null;
  const remove = () => {
    if (!sheet) return;
    const current = sheet;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== current);
    sheet = null;
  };
  return {
    set(style) {
      if (style === 'underline' || !win) return remove();
      if (sheet) return;
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(STRONG_RULES);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    remove,
  };
}
