import type { Policy } from '../../model';
import { hitsOf, overlaps, type TextAnalysis } from './analysis';
import { quote } from './flag';
import { CRIMINAL_SPEC, HEALTH_SPEC } from './specs';
import { LEX, PRIVATE_WEIGHTS } from './lexicons';
import { relationPairs } from './person';
import { specialFindings } from './special';

/** Below this a message is not privé on its own; with work vocabulary it takes a little more. */
export const PRIVATE_THRESHOLD = 0.25;
const AT_WORK_THRESHOLD = 0.3;
/** What is left of private evidence in a message with one / several work terms, and a cap. */
const ONE_WORK_TERM = 0.45;
const MORE_WORK_TERMS = 0.25;
const WORK_CAP = 0.4;
const MAX = 0.95;
/** News about someone's health or a brush with the law, outside work: evidence of a private message. */
const PERSONAL_NEWS = 0.35;

export interface PrivateScore {
  /** The message's own privé confidence, after the work check. */
  confidence: number;
  /** The evidence, as quoted words. */
  evidence: string[];
  /** The first work (or other-dossier) term, quoted, if any. */
  work: string | null;
}

interface Evidence {
  start: number;
  end: number;
  weight: number;
  key: string;
}

/**
 * A message's own privé evidence, computed once per analysis: privé words (lexicons/private.json;
 * not the `reaction` group, which only marks replies), family as a possessive + relation ("mijn
 * vrouw"), a few emoji, and news about someone's health or a run-in with the law when the message
 * has no work vocabulary. Evidence combines as a noisy-or over distinct terms; a word of a date of
 * birth ("geboren op 12-03-1980") is no evidence. Work vocabulary (process words, another
 * dossier's, and crisis words that are no mention themselves) makes the chatter a pleasantry:
 * the confidence drops to at most 0.4, and below 0.3 it goes.
 */
export function privateScore(a: TextAnalysis, policy: Policy): PrivateScore {
  if (a.privateScore) return a.privateScore as PrivateScore;
  const s = compute(a, policy);
  a.privateScore = s;
  return s;
}

const NONE: PrivateScore = { confidence: 0, evidence: [], work: null };

function compute(a: TextAnalysis, _policy: Policy): PrivateScore {
  if (a.matches.length === 0 && !a.emoji) return NONE;
  // Most messages have no privé word, no relation and no mention at all: done in one look.
  let words = false;
  let mentions = false;
  let anyWork = false;
  for (const m of a.matches) {
    const lex = m.lex;
    if ((lex === LEX.private && m.entry.group !== 'reaction') || lex === LEX.relation) words = true;
    else if (lex === LEX.health || lex === LEX.criminal) mentions = true;
    else if (lex === LEX.work || lex === LEX.unrelated) anyWork = true;
  }
  if (!words && !a.emoji && (!mentions || anyWork)) return NONE;
  const text = a.text;
  const nots = hitsOf(a, LEX.privateNot);
  const evidence: Evidence[] = [];
  // "geboren op 12-03-1980": a date of birth, no birth announcement.
  const births = a.digits >= 4 ? hitsOf(a, LEX.birth) : [];
  let until = -1;
  for (const m of a.matches) {
    if (m.lex !== LEX.private || m.entry.group === 'reaction' || m.wordStart < until) continue;
    until = m.wordEnd;
    if (nots.some((n) => overlaps(n, m.wordStart, m.wordEnd))) continue;
    if (births.length > 0 && births.some((b) => overlaps(b, m.wordStart, m.wordEnd))) continue;
    evidence.push({ start: m.wordStart, end: m.wordEnd, weight: m.entry.weight, key: m.entry.term });
  }
  for (const p of relationPairs(a)) {
    if (evidence.some((e) => e.start < p.end && p.start < e.end)) continue;
    evidence.push({ start: p.start, end: p.end, weight: PRIVATE_WEIGHTS.family, key: text.slice(p.start, p.end).toLowerCase() });
  }
  if (a.emoji) for (const e of a.emoji) evidence.push({ start: e.index, end: e.index + e.length, weight: e.weight, key: 'emoji' });
  // Work vocabulary: process words, another dossier's words, and crisis words that are no
  // health or criminal mention themselves ("cluster", "prikstraat"; not "corona" in "ik heb corona").
  let work = 0;
  let firstWork: { wordStart: number; wordEnd: number } | null = null;
  let workUntil = -1;
  for (const m of a.matches) {
    if (m.lex !== LEX.work && m.lex !== LEX.unrelated && m.lex !== LEX.crisis) continue;
    if (m.wordStart < workUntil) continue; // one word counts once ("OMT" is process and crisis vocabulary)
    if (m.lex === LEX.crisis && a.matches.some((h) => (h.lex === LEX.health || h.lex === LEX.criminal) && overlaps(h, m.wordStart, m.wordEnd))) continue;
    work++;
    workUntil = m.wordEnd;
    firstWork ??= m;
  }
  if (work === 0 && mentions) {
    for (const spec of [HEALTH_SPEC, CRIMINAL_SPEC]) {
      for (const f of specialFindings(a, spec)) {
        if (!f.cue && f.hit.entry.group !== 'strong') continue;
        if (evidence.some((e) => e.start < f.hit.wordEnd && f.hit.wordStart < e.end)) continue;
        evidence.push({ start: f.hit.wordStart, end: f.hit.wordEnd, weight: PERSONAL_NEWS, key: spec.rule });
      }
    }
  }
  if (evidence.length === 0) return NONE;
  evidence.sort((x, y) => x.start - y.start);

  let miss = 1;
  const seen = new Set<string>();
  for (const e of evidence) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    miss *= 1 - e.weight;
  }
  let confidence = Math.min(MAX, 1 - miss);
  if (work > 0) {
    confidence = Math.min(WORK_CAP, confidence * (work === 1 ? ONE_WORK_TERM : MORE_WORK_TERMS));
    if (confidence < AT_WORK_THRESHOLD) confidence = 0;
  }
  return {
    confidence,
    evidence: evidence.map((e) => quote(text, e.start, e.end)),
    work: firstWork ? quote(text, firstWork.wordStart, firstWork.wordEnd) : null,
  };
}
