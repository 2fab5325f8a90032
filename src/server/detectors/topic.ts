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
  crisis: string[];
  other: string[];
  work: string[];
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
      const prev = standing(neighbourAt(context, -1), context.policy);
      const next = standing(neighbourAt(context, 1), context.policy);
      if (prev?.offTopic || next?.offTopic) confidence += NEIGHBOUR_TOO;
      const why = `crisis relevance ${own.relevance!.toFixed(2)} (${evidence(own)}; neighbours ${score(prev)}, ${score(next)}): not about the crisis?`;
      return [makeFlag(message, 'topic', 'scope', Math.min(MAX, confidence), null, why)];
    }
    const ante = antecedent(context);
    if (!ante) return [];
    const theirs = standing(ante, context.policy)!;
    if (!theirs.offTopic) return [];
    const next = standing(neighbourAt(context, 1), context.policy);
    const why = `crisis relevance ${theirs.relevance!.toFixed(2)} (a short reply to ${ante.id}: ${evidence(theirs)}; next message ${score(next)}): not about the crisis?`;
    return [makeFlag(message, 'topic', 'scope', Math.max(MIN, theirs.confidence - REPLY_LOSS), null, why)];
  },
};

function standing(m: ScanMessage | undefined, policy: Policy): TopicOwn | undefined {
  return m ? topicOwn(analyse(m, policy), policy) : undefined;
}

function score(t: TopicOwn | undefined): string {
  if (!t) return '–';
  if (t.kind === 'private') return 'privé';
  if (t.kind === 'reply') return 'a reply';
  return t.relevance === null ? 'no vocabulary' : t.relevance.toFixed(2);
}

function evidence(t: TopicOwn): string {
  const parts: string[] = [];
  parts.push(t.crisis.length ? `crisis vocabulary ${list(t.crisis)}` : 'no crisis vocabulary');
  if (t.work.length) parts.push(`process words ${list(t.work)}`);
  if (t.other.length) parts.push(`another dossier: ${list(t.other)}`);
  return parts.join('; ');
}

function list(words: string[]): string {
  return words.slice(0, 3).join(', ') + (words.length > 3 ? ', …' : '');
}

const PRIVATE_OWN: TopicOwn = { kind: 'private', relevance: null, crisis: [], other: [], work: [], offTopic: false, confidence: 0 };
const REPLY_OWN: TopicOwn = { kind: 'reply', relevance: null, crisis: [], other: [], work: [], offTopic: false, confidence: 0 };

/** A message's own crisis relevance, memoised on its analysis. */
export function topicOwn(a: TextAnalysis, policy: Policy): TopicOwn {
  if (a.topic) return a.topic as TopicOwn;
  let t: TopicOwn;
  if (privateScore(a, policy).confidence >= PRIVATE_THRESHOLD) t = PRIVATE_OWN;
  else if (isReply(a, policy)) t = REPLY_OWN;
  else t = ownRelevance(a);
  a.topic = t;
  return t;
}

function ownRelevance(a: TextAnalysis): TopicOwn {
  const text = a.text;
  const crisis: string[] = [];
  const other: string[] = [];
  const work: string[] = [];
  const others: LexMatch[] = [];
  for (const m of a.matches) if (m.lex === LEX.unrelated) others.push(m);
  const add = (into: string[], m: LexMatch) => {
    const w = quote(text, m.wordStart, m.wordEnd);
    if (!into.includes(w)) into.push(w);
  };
  for (const m of a.matches) {
    if (m.lex === LEX.unrelated) add(other, m);
    else if (m.lex === LEX.crisis || m.lex === LEX.work) {
      // A word of another dossier's compound is that dossier's ("reorganisatie", "stikstofnotitie").
      if (others.some((o) => o.wordStart < m.wordEnd && m.wordStart < o.wordEnd)) continue;
      add(m.lex === LEX.crisis ? crisis : work, m);
    }
  }
  // A process word that is also a crisis word counts once, as crisis.
  const processOnly = work.filter((w) => !crisis.includes(w));
  const pro = crisis.length + WORK_WEIGHT * processOnly.length;
  const against = other.length;
  const relevance = pro + against === 0 ? null : pro / (pro + against);
  const offTopic = against > 0 && relevance !== null && relevance < OFF_TOPIC;
  let confidence = BASE;
  if (against >= 2) confidence += MORE_DOSSIER_WORDS;
  if (crisis.length > 0) confidence += SOME_CRISIS;
  return { kind: 'message', relevance, crisis, other, work: processOnly, offTopic, confidence };
}

