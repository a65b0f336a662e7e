/**
 * A claim's sentence as the `--json` output gives it: whole up to `SENTENCE_CAP` characters,
 * otherwise the stretch around the claim's words with an ellipsis where it was cut. Each claim
 * carried its whole sentence, so 40 KB of run-on text with claims throughout printed 124 MB
 * of JSON; capped, the output grows with the number of claims only.
 */
export const SENTENCE_CAP = 400;
const ELLIPSIS = '…';

export function excerpt(sentence: string, mention: string, cap = SENTENCE_CAP): string {
  if (sentence.length <= cap) return sentence;
  const at = Math.max(0, sentence.indexOf(mention));
  // The mention in the middle of the window, the window inside the sentence.
  const start = Math.min(
    Math.max(0, at - Math.floor((cap - mention.length) / 2)),
    sentence.length - cap,
  );
  const end = start + cap;
  return `${start > 0 ? ELLIPSIS : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? ELLIPSIS : ''}`;
}
