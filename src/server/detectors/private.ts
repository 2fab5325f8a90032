import type { Flag } from '../../model';
import { analyse, hitsOf, overlaps, selectHits } from './analysis';
import { makeFlag, quote } from './flag';
import { LEX, PRIVATE_WEIGHTS } from './lexicons';
import { relationPairs } from './person';
import type { Detector } from './types';

/** Below this the message is not flagged. */
const THRESHOLD = 0.25;
/** What is left of private evidence in a message with one / several work terms, and a cap. */
const ONE_WORK_TERM = 0.45;
const MORE_WORK_TERMS = 0.25;
const WORK_CAP = 0.4;
const MAX = 0.95;

/**
 * Obviously private chatter (privé): family, weekend, holidays, birthdays, sport, love, jokes
 * (lexicons/private.json), family as a possessive + relation ("mijn vrouw"), and a few emoji.
 * Evidence combines as a noisy-or over distinct terms. The relevance check: crisis-work
 * vocabulary (lexicons/work.json) in the same message makes the chatter a pleasantry, so the
 * confidence drops (to at most 0.4) or the flag goes. The flag is about the whole message:
 * its span is null.
 */
export const privateChatter: Detector = {
  id: 'private',
  category: 'privé',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.matches.length === 0 && !a.emoji) return [];
    const text = a.text;
    const nots = hitsOf(a, LEX.privateNot);
    const evidence: { start: number; end: number; weight: number; key: string }[] = [];
    for (const m of selectHits(a, LEX.private)) {
      if (nots.some((n) => overlaps(n, m.wordStart, m.wordEnd))) continue;
      evidence.push({ start: m.wordStart, end: m.wordEnd, weight: m.entry.weight, key: m.entry.term });
    }
    for (const p of relationPairs(a)) {
      if (evidence.some((e) => e.start < p.end && p.start < e.end)) continue;
      evidence.push({ start: p.start, end: p.end, weight: PRIVATE_WEIGHTS.family, key: text.slice(p.start, p.end).toLowerCase() });
    }
    if (a.emoji) for (const e of a.emoji) evidence.push({ start: e.index, end: e.index + e.length, weight: e.weight, key: 'emoji' });
    if (evidence.length === 0) return [];
    evidence.sort((x, y) => x.start - y.start);

    let miss = 1;
    const seen = new Set<string>();
    for (const e of evidence) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      miss *= 1 - e.weight;
    }
    let confidence = Math.min(MAX, 1 - miss);
    const work = hitsOf(a, LEX.work);
    if (work.length > 0) confidence = Math.min(WORK_CAP, confidence * (work.length === 1 ? ONE_WORK_TERM : MORE_WORK_TERMS));
    if (confidence < THRESHOLD) return [];

    const shown = evidence.slice(0, 4).map((e) => quote(text, e.start, e.end));
    let why = `private chatter: ${shown.join(', ')}${evidence.length > 4 ? ', …' : ''}`;
    if (work.length > 0) why += `; but also work vocabulary (${quote(text, work[0].wordStart, work[0].wordEnd)}), so perhaps a pleasantry in a work message`;
    return [makeFlag(message, 'private', 'privé', confidence, null, why)];
  },
};
