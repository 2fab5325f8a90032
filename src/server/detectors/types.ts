import type { Flag, MessageKind, Policy, Precision } from '../../model';

/** What detectors see of a message: enough to judge it, from a parse or a review line alike. */
export interface ScanMessage {
  id: string;
  /** Local `YYYY-MM-DDTHH:MM:SS`. */
  timestamp: string;
  precision: Precision;
  sender: string | null;
  kind: MessageKind;
  /** The message text; spans index it. */
  text: string;
  /** Set when the date is a stand-in (screenshots that show none): no rule may judge by it. */
  meta?: { dateUnknown?: boolean };
}

/** The neighbourhood of a message, for rules that need it (same-minute runs, topic context). */
export interface DetectorContext {
  policy: Policy;
  previous: ScanMessage | undefined;
  next: ScanMessage | undefined;
  /**
   * The conversation around the message, when the caller has it (`scanConversation` does):
   * `messages[index]` is the message. Rules that read context (topic, privé replies, names of
   * participants) look up to three messages either way; without a window they see only
   * `previous` and `next`.
   */
  window?: { messages: readonly ScanMessage[]; index: number };
  /**
   * The conversation's participants (`participantKeys`), when the caller knows them: their
   * names in a message are colleagues of the chat, not private individuals to flag.
   */
  participants?: ReadonlySet<string>;
}

/** One rule: a small pure function. A new rule is one file plus one registry line. */
export interface Detector {
  /** The rule id: the diagnostic code and the `rule` of tags it suggests. */
  id: string;
  category: Flag['category'];
  detect(message: ScanMessage, context: DetectorContext): Flag[];
}
