import type { Policy } from '../../model';
import { analyse, type TextAnalysis } from './analysis';
import { C_DIGIT, CHAR_CLASS } from './chars';
import { LEX } from './lexicons';
import { PRIVATE_THRESHOLD, privateScore } from './privateScore';
import type { DetectorContext, ScanMessage } from './types';

/** How far rules look around a message: three messages either way. */
export const RADIUS = 3;

/**
 * The message `offset` places from the current one (-3..3), or undefined: from the window when
 * the caller gave one, else `previous` (-1) and `next` (+1) only.
 */
export function neighbourAt(context: DetectorContext, offset: number): ScanMessage | undefined {
  const w = context.window;
  if (w) {
    const i = w.index + offset;
    return offset !== 0 && offset >= -RADIUS && offset <= RADIUS && i >= 0 && i < w.messages.length ? w.messages[i] : undefined;
  }
  return offset === -1 ? context.previous : offset === 1 ? context.next : undefined;
}


/** Replies are short: at most this many words, or this many with a reaction word ("wat leuk", "sterkte"). */
const REPLY_WORDS = 5;
const REACTION_WORDS = 10;

/**
 * Whether a message is a reply that takes its label from the thread it answers: short ("ok,
 * doe ik", "👍", "Balen zeg", "Sorry, zag het nu pas"), or a reaction ("Laat maar weten als we
 * iets kunnen doen"), and without vocabulary of its own — no crisis or other-dossier word (a
 * process word only in a short one: "Akkoord", "Zit in overleg"), no privé evidence of its own,
 * no number, no e-mail address.
 */
export function isReply(a: TextAnalysis, policy: Policy): boolean {
  if (a.reply === undefined) a.reply = reply(a, policy);
  return a.reply;
}

function reply(a: TextAnalysis, policy: Policy): boolean {
  const text = a.text;
  if (text.length > 90 || a.digits > 0 || a.firstAt >= 0) return false;
  const words = wordCount(text, REACTION_WORDS + 1);
  if (words > REACTION_WORDS) return false;
  let reaction = false;
  let work = false;
  for (const m of a.matches) {
    const lex = m.lex;
    if (lex === LEX.crisis || lex === LEX.unrelated) return false;
    if (lex === LEX.work) work = true;
    else if (lex === LEX.private && m.entry.group === 'reaction') reaction = true;
  }
  if (words > REPLY_WORDS && (!reaction || work)) return false;
  return privateScore(a, policy).confidence < PRIVATE_THRESHOLD;
}

/** Words in `text`, counting no further than `max`. */
function wordCount(text: string, max: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = CHAR_CLASS[text.charCodeAt(i)] >= C_DIGIT;
    if (w && !inWord && ++words >= max) return words;
    inWord = w;
  }
  return words;
}

/**
 * The message a reply answers: the nearest earlier message within reach that is no reply
 * itself ("Sterkte!" after "Balen zeg" after the news both answer), or undefined.
 */
export function antecedent(context: DetectorContext): ScanMessage | undefined {
  for (let k = -1; k >= -RADIUS; k--) {
    const n = neighbourAt(context, k);
    if (!n) return undefined;
    if (!isReply(analyse(n, context.policy), context.policy)) return n;
  }
  return undefined;
}
