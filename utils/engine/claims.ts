/**
 * From a claim draft (what the page says) to a claim (what the dataset says about it): the
 * last filters on what is a claim (about assault or abuse, about a covered place), then the
 * verdict, then the public `Claim` shape.
 */
import { valueInterval } from './bands';
import { bit } from './concepts';
import { mayBeClaim, type ClaimDraft } from './context';
import type { DatasetIndex } from './dataset-index';
import type { ClaimConcepts } from './match';
import { officialOf } from './official';
import { isLocal } from './places';
import type { Claim, TimeBase } from './types';
import { decide, type Subject } from './verdict';

/** Turns a draft into a claim, or null when the number is not a claim after all. */
export function claimOf(
  draft: ClaimDraft,
  block: string,
  index: DatasetIndex,
  cache: Map<string, Map<number, number>>,
  pageDate: string | null,
): Claim | null {
  const m = draft.mention;
  // A number too large for a double (361 digits) reads as Infinity: that is no statistic.
  if (!Number.isFinite(m.value)) return null;
  if (!draft.topical || !mayBeClaim(m)) return null;
  const place = draft.place;
  if (!place || (!isLocal(place.id) && place.id !== 'uk')) return null;
  const anaphoric = m.anaphoric || m.counted === 'bare' || m.counted === 'anaphoric';
  const concepts: ClaimConcepts = {
    near: draft.near,
    own: draft.own,
    context: draft.context,
    change: m.change,
  };
  // A bare number takes its measure from the text before it, so context words rank measures too.
  const words = anaphoric
    ? [m.nounPhrase, draft.sentence.text, contextWords(draft)]
    : [m.nounPhrase, draft.sentence.text];
  const mention = block.slice(m.start, m.end);
  const subject: Subject = {
    mention,
    value: m.value,
    interval: valueInterval(m.value, m.halfUnit, m.qualifier),
    unit: draft.unit,
    timeBase: draft.timeBase,
    place: place.id,
    weakPlace: place.strength === 'context',
    period: draft.period,
    concepts,
    attribution: draft.attribution,
    words,
    periodFixed: draft.periodFixed,
    counted: draft.counted,
    restrictions: draft.restrictions,
    producers: draft.producers,
    change: m.change,
    pageDate,
  };
  const decision = decide(subject, index, cache);
  if (!decision) return null;
  const timeBase: TimeBase = draft.timeBase === 'week' ? '' : draft.timeBase;
  return {
    blockIndex: draft.blockIndex,
    start: m.start,
    end: m.end,
    numberStart: m.numberStart,
    numberEnd: m.numberEnd,
    mention,
    value: m.value,
    unit: draft.unit,
    timeBase,
    sentence: draft.sentence.text,
    place: place.id,
    period: draft.period?.label ?? null,
    verdict: decision.verdict,
    reason: decision.reason,
    recordId: decision.record?.figure.id ?? null,
    notHeldId: decision.notHeld?.statement.id ?? null,
    official:
      decision.record && (decision.verdict === 'match' || decision.verdict === 'mismatch')
        ? officialOf(decision.record)
        : null,
  };
}

/** Concept names carried from context, as words fuse can rank measures with. */
function contextWords(draft: ClaimDraft): string {
  const words: string[] = [];
  const add = (id: string, word: string) => {
    if ((draft.context & bit(id)) !== 0n) words.push(word);
  };
  add('domestic', 'domestic abuse');
  add('coercive', 'coercive controlling behaviour');
  add('sexual', 'sexual');
  add('referral', 'referrals');
  add('crime', 'crimes');
  add('call', 'calls');
  add('incident', 'incidents');
  add('patient-on-patient', 'patient-on-patient');
  add('staff', 'staff');
  add('child', 'children');
  return words.join(' ');
}
