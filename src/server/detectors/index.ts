import type { Flag, Policy } from '../../model';
import { address } from './address';
import { always } from './always';
import { bsn } from './bsn';
import { bulkPii } from './bulkPii';
import { criminal } from './criminal';
import { dob } from './dob';
import { email, mailKind } from './email';
import { health } from './health';
import { iban } from './iban';
import { personName } from './name';
import { period } from './period';
import { phone } from './phone';
import { plate } from './plate';
import { privateChatter } from './private';
import { sameMinute } from './sameMinute';
import { topic } from './topic';
import { RADIUS } from './context';
import type { Detector, DetectorContext, ScanMessage } from './types';

export type { Detector, DetectorContext, ScanMessage } from './types';
export { RADIUS } from './context';
export { participantKeys } from './name';

/** Every rule, one line each. Flags come out in this order, then by span start. */
export const DetectorRegistry: readonly Detector[] = [
  bsn,
  iban,
  phone,
  email,
  address,
  dob,
  plate,
  personName,
  health,
  criminal,
  bulkPii,
  privateChatter,
  topic,
  period,
  always,
  sameMinute,
];

interface PolicyPlan {
  detectors: Detector[];
  /** Rules whose flags the policy re-categorises or thresholds. */
  adjusted: ReadonlyMap<string, { category: Flag['category'] | undefined; minConfidence: number }>;
  /** Lower-case names, and the same with only letters (for e-mail local parts). */
  names: { plain: string; letters: string; words: string; initialSurname: string }[];
}

const plans = new WeakMap<Policy, PolicyPlan>();

const NON_LETTERS = /[^\p{L}]/gu;
const WHITESPACE = /\s+/g;

/** What a policy switches off and exempts, worked out once per policy object. */
function plan(policy: Policy): PolicyPlan {
  let p = plans.get(policy);
  if (!p) {
    const rules = Object.entries(policy.rules);
    const disabled = new Set(rules.filter(([, r]) => r && !r.enabled).map(([id]) => id));
    const adjusted = new Map<string, { category: Flag['category'] | undefined; minConfidence: number }>();
    for (const [id, r] of rules) if (r && (r.category || r.minConfidence > 0)) adjusted.set(id, { category: r.category, minConfidence: r.minConfidence });
    p = {
      detectors: DetectorRegistry.filter((d) => !disabled.has(d.id)),
      adjusted,
      names: policy.neverFlag
        .map((n) => n.trim().toLowerCase())
        .filter((n) => n.length > 0)
        .map((plain) => {
          const parts = plain.split(WHITESPACE);
          // "Frank Heemskerk": f.heemskerk@…, "Lieke van Bommel": l.vanbommel@…
          const initialSurname = parts.length > 1 ? (parts[0][0] + parts.slice(1).join('')).replace(NON_LETTERS, '') : '';
          return { plain, letters: plain.replace(NON_LETTERS, ''), words: ` ${parts.join(' ')} `, initialSurname };
        }),
    };
    plans.set(policy, p);
  }
  return p;
}

/**
 * Names of public officials acting in their role are never flagged: a flag whose span holds
 * such a name (or an e-mail address whose local part spells it, in full or as initial and
 * surname: f.heemskerk@…) is dropped. A name flag whose span is part of a listed name is
 * dropped too: "Hugo" alone, when "Hugo de Jonge" is listed, most likely means the official (a
 * reviewer who knows better tags it by hand), while "Hugo de Vries" is another person and stays.
 */
function exempt(message: ScanMessage, flag: Flag, names: PolicyPlan['names']): boolean {
  if (!flag.span) return false;
  const spanText = message.text.slice(flag.span.start, flag.span.end).toLowerCase().replace(WHITESPACE, ' ');
  for (const n of names) {
    if (spanText.includes(n.plain)) return true;
    if (flag.rule === 'name' && n.words.includes(` ${spanText} `)) return true;
    // An official's address spelt with their name is their role's, unless it is at a private mail
    // provider: that one is private, whoever it belongs to.
    if (flag.rule === 'email' && n.letters.length > 0 && mailKind(spanText.slice(spanText.indexOf('@') + 1)) !== 'private') {
      const local = spanText.slice(0, spanText.indexOf('@')).replace(NON_LETTERS, '');
      if (local === n.letters || (n.initialSurname !== '' && local === n.initialSurname)) return true;
    }
  }
  return false;
}

/** All flags for one message: registry order, then span start (null spans first). */
export function scanMessage(message: ScanMessage, context: DetectorContext): Flag[] {
  const p = plan(context.policy);
  let out: Flag[] | null = null;
  for (const d of p.detectors) {
    const flags = d.detect(message, context);
    if (flags.length === 0) continue;
    if (flags.length > 1) sortBySpan(flags);
    if (out) for (const f of flags) out.push(f);
    else out = flags; // a detector's result is its own fresh array
  }
  if (!out) return [];
  if (p.names.length > 0) out = out.filter((f) => !exempt(message, f, p.names));
  if (p.adjusted.size > 0) out = adjust(out, p.adjusted);
  return out;
}

/** The policy's per-rule category and confidence threshold. */
function adjust(flags: Flag[], adjusted: PolicyPlan['adjusted']): Flag[] {
  const out: Flag[] = [];
  for (const f of flags) {
    const a = adjusted.get(f.rule);
    if (!a) out.push(f);
    else if (f.confidence >= a.minConfidence) out.push(a.category && f.category !== 'info' ? { ...f, category: a.category } : f);
  }
  return out;
}

function sortBySpan(flags: Flag[]): void {
  for (let i = 1; i < flags.length; i++) {
    if (spanStart(flags[i - 1]) > spanStart(flags[i])) {
      flags.sort((x, y) => spanStart(x) - spanStart(y));
      return;
    }
  }
}

function spanStart(f: Flag): number {
  return f.span ? f.span.start : -1;
}

/**
 * The context of `messages[index]` in a conversation held in memory: its neighbours and the
 * window, as `scanConversation` gives it. For callers that scan message by message (a page at
 * a time, in the background) and want the same flags as a whole scan.
 */
export function contextAt(messages: readonly ScanMessage[], index: number, policy: Policy, participants?: ReadonlySet<string>): DetectorContext {
  return { policy, previous: messages[index - 1], next: messages[index + 1], window: { messages, index }, participants };
}

/**
 * Flags for a conversation in message order. Each message sees its neighbours: `previous`,
 * `next` and a window of the conversation (rules look three messages either way). One pass:
 * each message is analysed once, its neighbours' analyses come from the analysis memo.
 */
export function scanConversation(messages: readonly ScanMessage[], policy: Policy, participants?: ReadonlySet<string>): Flag[] {
  const out: Flag[] = [];
  const window = { messages, index: 0 };
  const context: DetectorContext = { policy, previous: undefined, next: undefined, window, participants };
  for (let i = 0; i < messages.length; i++) {
    context.previous = i > 0 ? messages[i - 1] : undefined;
    context.next = i + 1 < messages.length ? messages[i + 1] : undefined;
    window.index = i;
    const flags = scanMessage(messages[i], context);
    for (const f of flags) out.push(f);
  }
  return out;
}

/**
 * Scans a conversation as it streams in (the CLI): each message once `RADIUS` more have arrived,
 * or at the end, so it sees the same window as in `scanConversation` and gets the same flags,
 * in bounded memory.
 */
export class ConversationScanner {
  private readonly messages: ScanMessage[] = [];
  /** Index in `messages` of the first message not yet scanned. */
  private at = 0;

  constructor(private readonly policy: Policy, private readonly participants?: ReadonlySet<string>) {}

  /** Takes the next message; returns the flags of the messages that became ready. */
  push(message: ScanMessage): Flag[] {
    this.messages.push(message);
    return this.scan(RADIUS);
  }

  /** The flags of the messages still waiting for their look-ahead. */
  end(): Flag[] {
    return this.scan(0);
  }

  private scan(lookAhead: number): Flag[] {
    const out: Flag[] = [];
    while (this.at < this.messages.length - lookAhead) {
      for (const f of scanMessage(this.messages[this.at], contextAt(this.messages, this.at, this.policy, this.participants))) out.push(f);
      this.at++;
    }
    // Keep RADIUS messages of look-behind; drop the rest now and then (not on every message).
    const drop = this.at - RADIUS;
    if (drop >= 256) {
      this.messages.splice(0, drop);
      this.at -= drop;
    }
    return out;
  }
}
