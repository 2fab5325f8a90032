import type { Flag, Policy } from '../../model';
import { analyse, type LexMatch, type TextAnalysis } from './analysis';
import { antecedent, isReply, neighbourAt } from './context';
import { makeFlag, quote } from './flag';
import { LEX } from './lexicons';
import { PRIVATE_THRESHOLD, privateScore } from './privateScore';
import type { Detector, ScanMessage } from './types';

/** A message is off topic below this relevance, and only with another dossier's vocabulary. */
const OFF_TOPIC = 0.34;
/** What one process word ("notitie", "overleg", "stuk") counts for next to a crisis word. */
const WORK_WEIGHT = 0.25;
const BASE = 0.45;
const MORE_DOSSIER_WORDS = 0.1;
const SOME_CRISIS = -0.1;
const NEIGHBOUR_TOO = 0.05;
const REPLY_LOSS = 0.1;
const MIN = 0.3;
const MAX = 0.65;

/** A message's own standing, computed once per analysis. */
interface TopicOwn {
  kind: 'private' | 'reply' | 'message';
  /** Crisis relevance 0..1, or null when the message has no vocabulary either way. */
  relevance: number | null;
  text: string;
  /** The words for and against, one per pattern. */
  crisis: LexMatch[];
  other: LexMatch[];
  work: LexMatch[];
  offTopic: boolean;
  confidence: number;
}

/**
 * Crisis relevance (scope): whether a message is about the crisis or its work processes, with
 * its neighbours as context. Each message gets a relevance from its own words: crisis
 * vocabulary (work.json `crisis`: the virus, testing, vaccination, measures) and process
 * vocabulary (`terms`) for, another dossier's vocabulary (`unrelated`: stikstof, a renovation,
 * a reorganisation, P&O) against: relevance = for / (for + against), a process word counting a
 * quarter. Only a message with another dossier's vocabulary and relevance below 0.34 is flagged
 * "not about the crisis?": a work message with no keyword ("Stuk ligt bij de SG") is on topic.
 * A short reply ("ok, doe ik", "👍", "Prima") takes the standing of the message it answers
 * (context.ts): off topic after a stikstof message, on topic after a Kamerbrief. Messages with
 * privé evidence are the privé rule's: never flagged here. The explanation gives the score, the
 * words and the neighbours' scores; confidence 0.3–0.65.
 */
export const topic: Detector = {
  id: 'topic',
  category: 'scope',
  detect(message, context): Flag[] {
    if (message.kind !== 'message' && message.kind !== 'media') return [];
    const a = analyse(message, context.policy);
    const own = topicOwn(a, context.policy);
    if (own.kind === 'private') return [];
    if (own.kind === 'message') {
      if (!own.offTopic) return [];
      let confidence = own.confidence;
      const before = neighbourAt(context, -1);
      const after = neighbourAt(context, 1);
      const prev = standing(before, context.policy);
      const next = standing(after, context.policy);
      if (prev?.offTopic || next?.offTopic) confidence += NEIGHBOUR_TOO;
      const why = `crisis relevance ${own.relevance!.toFixed(2)} (${evidence(own)}; neighbours: previous ${score(before, prev, context.policy)}, next ${score(after, next, context.policy)}): not about the crisis?`;
      return [makeFlag(message, 'topic', 'scope', Math.min(MAX, confidence), null, why)];
    }
    const ante = antecedent(context);
    if (!ante) return [];
    const theirs = standing(ante, context.policy)!;
    if (!theirs.offTopic) return [];
    const after = neighbourAt(context, 1);
    const why = `crisis relevance ${theirs.relevance!.toFixed(2)} (a short reply to ${ante.id}: ${evidence(theirs)}; next message ${score(after, standing(after, context.policy), context.policy)}): not about the crisis?`;
    return [makeFlag(message, 'topic', 'scope', Math.max(MIN, theirs.confidence - REPLY_LOSS), null, why)];
  },
};

function standing(m: ScanMessage | undefined, policy: Policy): TopicOwn | undefined {
  return m ? topicOwn(analyse(m, policy), policy) : undefined;
}

function score(m: ScanMessage | undefined, t: TopicOwn | undefined, policy: Policy): string {
  if (!m || !t) return '–';
  if (t.kind === 'private' || privateScore(analyse(m, policy), policy).confidence >= PRIVATE_THRESHOLD) return 'privé';
  if (t.kind === 'reply') return 'a reply';
  return t.relevance === null ? 'no vocabulary' : t.relevance.toFixed(2);
}

function evidence(t: TopicOwn): string {
  const parts: string[] = [];
  parts.push(t.crisis.length ? `crisis vocabulary ${list(t.text, t.crisis)}` : 'no crisis vocabulary');
  if (t.work.length) parts.push(`process words ${list(t.text, t.work)}`);
  if (t.other.length) parts.push(`another dossier: ${list(t.text, t.other)}`);
  return parts.join('; ');
}

function list(text: string, words: LexMatch[]): string {
  return words.slice(0, 3).map((m) => quote(text, m.wordStart, m.wordEnd)).join(', ') + (words.length > 3 ? ', …' : '');
}

const NONE: LexMatch[] = [];
const PRIVATE_OWN: TopicOwn = { kind: 'private', relevance: null, text: '', crisis: NONE, other: NONE, work: NONE, offTopic: false, confidence: 0 };
const REPLY_OWN: TopicOwn = { kind: 'reply', relevance: null, text: '', crisis: NONE, other: NONE, work: NONE, offTopic: false, confidence: 0 };

/** A message's own crisis relevance, memoised on its analysis. */
export function topicOwn(a: TextAnalysis, policy: Policy): TopicOwn {
  if (a.topic) return a.topic as TopicOwn;
  let t: TopicOwn;
  if (a.text.length > 90 && !a.matches.some((m) => m.lex === LEX.unrelated)) t = ownRelevance(a); // no reply, never off topic
  else if (privateScore(a, policy).confidence >= PRIVATE_THRESHOLD) t = PRIVATE_OWN;
  else if (isReply(a, policy)) t = REPLY_OWN;
  else t = ownRelevance(a);
  a.topic = t;
  return t;
}

const ON_TOPIC: TopicOwn = { kind: 'message', relevance: 1, text: '', crisis: NONE, other: NONE, work: NONE, offTopic: false, confidence: 0 };
const NO_VOCABULARY: TopicOwn = { kind: 'message', relevance: null, text: '', crisis: NONE, other: NONE, work: NONE, offTopic: false, confidence: 0 };

function ownRelevance(a: TextAnalysis): TopicOwn {
  // Without another dossier's words a message is on topic (or has no vocabulary): no lists needed.
  let pro = false;
  let against = false;
  for (const m of a.matches) {
    if (m.lex === LEX.unrelated) against = true;
    else if (m.lex === LEX.crisis || m.lex === LEX.work) pro = true;
  }
  if (!against) return pro ? ON_TOPIC : NO_VOCABULARY;
  return weighed(a);
}

function weighed(a: TextAnalysis): TopicOwn {
  const text = a.text;
  let crisis: LexMatch[] = NONE;
  let other: LexMatch[] = NONE;
  let work: LexMatch[] = NONE;
  // One per word and one per written form: "overleg" matched by "overleg*" and "*overleg" counts once, so does "corona … corona".
  const seen = (list: LexMatch[], m: LexMatch) =>
    list.some((x) => x.wordStart === m.wordStart || (x.wordEnd - x.wordStart === m.wordEnd - m.wordStart && text.slice(x.wordStart, x.wordEnd).toLowerCase() === text.slice(m.wordStart, m.wordEnd).toLowerCase()));
  for (const m of a.matches) {
    if (m.lex === LEX.unrelated && !seen(other, m)) (other === NONE ? (other = []) : other).push(m);
  }
  for (const m of a.matches) {
    const lex = m.lex;
    if (lex !== LEX.crisis && lex !== LEX.work) continue;
    // A word of another dossier's compound is that dossier's ("reorganisatie", "stikstofnotitie").
    if (other.some((o) => o.wordStart < m.wordEnd && m.wordStart < o.wordEnd)) continue;
    if (lex === LEX.crisis) {
      if (!seen(crisis, m)) (crisis === NONE ? (crisis = []) : crisis).push(m);
    } else if (!seen(work, m)) (work === NONE ? (work = []) : work).push(m);
  }
  // A process word that is also a crisis word ("OMT") counts once, as crisis.
  if (crisis.length > 0 && work.length > 0) work = work.filter((w) => !crisis.some((c) => c.wordStart === w.wordStart));
  const pro = crisis.length + WORK_WEIGHT * work.length;
  const against = other.length;
  const relevance = pro + against === 0 ? null : pro / (pro + against);
  const offTopic = against > 0 && relevance !== null && relevance < OFF_TOPIC;
  let confidence = BASE;
  if (against >= 2) confidence += MORE_DOSSIER_WORDS;
  if (crisis.length > 0) confidence += SOME_CRISIS;
  return { kind: 'message', relevance, text: a.text, crisis, other, work, offTopic, confidence };
}
