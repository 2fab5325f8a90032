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
}

/** The neighbourhood of a message, for rules that need it (same-minute runs, topic context). */
export interface DetectorContext {
  policy: Policy;
  previous: ScanMessage | undefined;
  next: ScanMessage | undefined;
}

/** One rule: a small pure function. A new rule is one file plus one registry line. */
export interface Detector {
  /** The rule id: the diagnostic code and the `rule` of tags it suggests. */
  id: string;
  category: Flag['category'];
  detect(message: ScanMessage, context: DetectorContext): Flag[];
}
