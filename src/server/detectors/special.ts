import type { Flag, FlagCategory } from '../../model';
import { analyse, hitsOf, overlaps, selectHits } from './analysis';
import { compoundEndAt, compoundStartAt } from './chars';
import { makeFlag, quote } from './flag';
import { LEX } from './lexicons';
import { personCue } from './person';
import type { ScanMessage } from './types';

export interface SpecialCategory {
  rule: string;
  category: FlagCategory;
  /** Word list and its cancelling list. */
  lex: number;
  notLex: number;
  /** For explanations: "health", "criminal record". */
  label: string;
}

/** How much a person cue adds, and what is left of a strong term in a work message. */
const CUE_BOOST = 0.3;
const WORK_FACTOR = 0.5;

/**
 * Special-category words (health, criminal) with a cheap role/work check:
 * - a 'not' phrase over the hit, or a work term in the same compound ("ziekenhuiscapaciteit",
 *   "IC-bedden", "aangiftebereidheid"), cancels it: that is the work's vocabulary;
 * - `cued` terms (COVID words, "aangehouden") count only when the message is about a person;
 * - a person cue ("je moeder", "ik ben", "ze ligt") raises confidence by 0.3;
 * - without one, in a message with work vocabulary only strong terms remain, at half weight.
 */
export function detectSpecial(message: ScanMessage, spec: SpecialCategory): Flag[] {
  const a = analyse(message);
  if (a.matches.length === 0) return [];
  const hits = selectHits(a, spec.lex);
  if (hits.length === 0) return [];
  const text = a.text;
  const nots = hitsOf(a, spec.notLex);
  const work = hitsOf(a, LEX.work);
  const cue = personCue(a);
  const flags: Flag[] = [];
  for (const m of hits) {
    if (nots.length > 0 && nots.some((n) => overlaps(n, m.wordStart, m.wordEnd))) continue;
    if (work.length > 0) {
      const cs = compoundStartAt(text, m.wordStart);
      const ce = compoundEndAt(text, m.wordEnd);
      if (work.some((w) => overlaps(w, cs, ce))) continue;
    }
    const group = m.entry.group;
    const term = quote(text, m.wordStart, m.wordEnd);
    let confidence: number;
    let why: string;
    if (cue) {
      confidence = Math.min(0.95, m.entry.weight + CUE_BOOST);
      why = `${term} (${spec.label}) about a person (${quote(text, cue.start, cue.end)})`;
    } else if (group === 'cued') {
      continue;
    } else if (work.length > 0) {
      if (group !== 'strong') continue;
      const w = work.find((x) => !overlaps(x, m.wordStart, m.wordEnd)) ?? work[0];
      confidence = m.entry.weight * WORK_FACTOR;
      why = `${term} (${spec.label}) in a work message (${quote(text, w.wordStart, w.wordEnd)}): check whether it is about a person`;
    } else {
      confidence = m.entry.weight;
      why = `${term} (${spec.label})`;
    }
    flags.push(makeFlag(message, spec.rule, spec.category, confidence, { start: m.wordStart, end: m.wordEnd }, why));
  }
  return flags;
}
