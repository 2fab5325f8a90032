import type { Flag } from '../../model';
import { analyse } from './analysis';
import { antecedent, isReply } from './context';
import { makeFlag } from './flag';
import { LEX } from './lexicons';
import { PRIVATE_THRESHOLD, privateScore } from './privateScore';
import type { Detector } from './types';

/** What a reply keeps of the confidence of the private message it answers. */
const REPLY_FACTOR = 0.8;

/**
 * Obviously private chatter (privé): family, weekend, holidays, birthdays, sport, love, jokes
 * (lexicons/private.json), family as a possessive + relation ("mijn vrouw"), a few emoji, and
 * personal health or legal news outside work (see privateScore.ts). Work vocabulary in the same
 * message makes the chatter a pleasantry: the confidence drops (to at most 0.4) or the flag
 * goes. A short reply without vocabulary of its own ("Balen zeg", "Stuur foto!", "Sterkte!")
 * takes the label of the message it answers (context.ts): privé after a private message,
 * nothing after a work message. The flag is about the whole message: its span is null.
 */
export const privateChatter: Detector = {
  id: 'private',
  category: 'privé',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    const own = privateScore(a, context.policy);
    if (own.confidence >= PRIVATE_THRESHOLD) {
      const shown = own.evidence.slice(0, 4);
      let why = `private chatter: ${shown.join(', ')}${own.evidence.length > 4 ? ', …' : ''}`;
      if (own.work) why += `; but also work vocabulary (${own.work}), so perhaps a pleasantry in a work message`;
      return [makeFlag(message, 'private', 'privé', own.confidence, null, why)];
    }
    // A reply with a process word ("Kom ik op terug", "Ik pak hem op") answers as work.
    if (!isReply(a, context.policy) || a.matches.some((m) => m.lex === LEX.work)) return [];
    const ante = antecedent(context);
    if (!ante) return [];
    const theirs = privateScore(analyse(ante, context.policy), context.policy);
    if (theirs.confidence < PRIVATE_THRESHOLD || theirs.work) return [];
    const confidence = Math.max(PRIVATE_THRESHOLD, theirs.confidence * REPLY_FACTOR);
    const why = `a reply in a private thread: it answers ${ante.id} (${theirs.evidence.slice(0, 3).join(', ')})`;
    return [makeFlag(message, 'private', 'privé', confidence, null, why)];
  },
};
