/**
 * Character classes read by character code, for the readers that scan a text by hand rather
 * than with a pattern (number starts, sentence starts, line ends, a heading's length): one
 * definition of each, the same as the pattern class it stands for.
 */

const SPACE = /\s/;

/** `\d`. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `[A-Za-z]`. */
export function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

/** `\s`: ASCII spaces by code; the Unicode ones ('\u00a0', '\u2009'…) are all above 127. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
}

/**
 * Where the line or table cell holding `from` ends: the first line break or tab from `from`
 * on, else `limit`. A number's words never run across one (the next row or cell).
 */
export function lineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 9) return i;
  }
  return limit;
}
