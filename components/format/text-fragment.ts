/**
 * A `#:~:text=` link that scrolls the source page to the quote, where browsers support it.
 * Long quotes use the start,end form so a small difference in the middle (a table's tabs,
 * a changed word) does not break the link.
 */
export function textFragmentUrl(url: string, quote: string): string {
  if (url === '') return '';
  const words = quote.replace(/\s+/g, ' ').trim().split(' ');
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const base = url.split('#')[0];
  if (words.length <= 8) return `${base}#:~:text=${enc(words.join(' '))}`;
  return `${base}#:~:text=${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
}
