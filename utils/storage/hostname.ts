/**
 * The hostname a reader means when they type a site ("kentonline.co.uk",
 * "https://www.kentonline.co.uk/news"): lower case, without "www.". Empty when it is not one.
 */
export function normaliseHostname(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return '';
  let host: string;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return '';
  }
  host = host.replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : '';
}
