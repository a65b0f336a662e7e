/**
 * Attribution: who the page says a figure comes from. It decides `not-held` (a figure
 * credited to Kent County Council, which says it does not hold it) and keeps sources from
 * being read as places ("according to Kent's draft strategy" is not a figure about Kent).
 */

export type SourceBody = 'kcc' | 'other';

export interface Attribution {
  start: number;
  end: number;
  body: SourceBody;
}

/** Kent County Council as the source of figures. "council" alone is resolved by the page. */
const KCC_NAME = String.raw`(?:Kent County Council|KCC|the county council|county council|the council|council)`;
const KCC_SOURCE = new RegExp(
  String.raw`\b${KCC_NAME}(?:'s|’s)?\s+(?:own\s+)?(?:figures|data|statistics|records|numbers)\b|\baccording to (?:the )?(?:same )?${KCC_NAME}(?:'s|’s)?(?:\s+(?:own\s+)?(?:figures|data))?|\b(?:figures|data) from ${KCC_NAME}\b|\b${KCC_NAME}\s+(?:said|says|told)\b`,
  'gi',
);
/** Sources that are not KCC: unions, surveys, schools, police statements, campaigners. */
const OTHER_SOURCE =
  /\b(?:union|NASUWT|NEU|National Education Union|GMB|Unison|RCN|Royal College of Nursing|survey(?:ed)?|poll|the schools|schools themselves|secondary schools shows|Kent Police said|police said|the force said|charity|campaign group|Office for National Statistics|ONS|Crime Survey)\b/gi;

/** Phrases that cite a document or body: a place inside them is a source, not a scope. */
export const SOURCE_PLACE_AFTER =
  /^(?:'s|’s)?\s+(?:[\p{L}-]+\s+){0,3}?(?:figures|data|statistics|strategy|report|answer|FOI|records|numbers|analysis|evidence|survey)\b/iu;
export const SOURCE_PLACE_BEFORE =
  /\b(?:according to|figures from|data from)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** Attributions in `text`; `councilIsKcc` says whether a bare "council" means KCC on this page. */
export function scanAttributions(text: string, councilIsKcc: boolean): Attribution[] {
  const out: Attribution[] = [];
  KCC_SOURCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KCC_SOURCE.exec(text)) !== null) {
    const named = /Kent County Council|KCC|county council/i.test(m[0]);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      body: named || councilIsKcc ? 'kcc' : 'other',
    });
  }
  OTHER_SOURCE.lastIndex = 0;
  while ((m = OTHER_SOURCE.exec(text)) !== null) {
    if (out.some((a) => a.start <= m!.index && m!.index < a.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, body: 'other' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The body a number at `pos` is credited to: the nearest attribution before it in the
 * sentence, else the nearest after it ("…86 times last year, according to the schools").
 */
export function attributionFor(
  attributions: readonly Attribution[],
  pos: number,
): SourceBody | null {
  let before: Attribution | null = null;
  let after: Attribution | null = null;
  for (const a of attributions) {
    if (a.start < pos) before = a;
    else if (!after) after = a;
  }
  return (before ?? after)?.body ?? null;
}
