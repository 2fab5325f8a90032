import type { Flag, FlagCategory, Span } from '../../model';
import type { ScanMessage } from './types';

/**
 * Builds a flag. Its id is the message's id (as in tags, redactions and dismissals: the
 * server groups flags by it); rule and span tell a message's flags apart. Confidence is
 * clamped to [0, 1] and rounded to two decimals: figures a reviewer can compare.
 */
export function makeFlag(
  message: ScanMessage,
  rule: string,
  category: FlagCategory,
  confidence: number,
  span: Span | null,
  explanation: string,
): Flag {
  const c = confidence < 0 ? 0 : confidence > 1 ? 1 : Math.round(confidence * 100) / 100;
  return {
    id: message.id,
    category,
    rule,
    confidence: c,
    span,
    explanation,
  };
}

/** `"word"` as written in the message. */
export function quote(text: string, start: number, end: number): string {
  return `"${text.slice(start, end)}"`;
}
