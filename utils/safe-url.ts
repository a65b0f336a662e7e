/**
 * An address from outside the extension (a report's page, imported from a file anyone could
 * write) as a link target: http(s) only. A `javascript:` or `data:` address shown as a link in
 * an extension page would run with the extension's rights when clicked; it is shown as text.
 */
export function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
