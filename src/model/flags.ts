import { z } from 'zod';
import { Tag } from './review';

/** A removal category, or `info` for notices that suggest no removal (uncertain order, say). */
export const FlagCategory = z.enum(['privé', 'AVG', 'scope', 'info']);
export type FlagCategory = z.infer<typeof FlagCategory>;

/** Offsets into the message's `text`, end exclusive. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() });
export type Span = z.infer<typeof Span>;

/**
 * What a detector suggests about one message, with its evidence. Detection suggests; the
 * reviewer decides. The same message and policy always give the same flags.
 */
export const Flag = z.object({
  /** The flagged message's id; a message's flags differ by rule and span. */
  id: z.string(),
  category: FlagCategory,
  /** Rule id, e.g. `bsn`, `health`, `period`; the diagnostic's code. */
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  span: Span.nullable(),
  /** Names the evidence: "BSN 111222333 passes the 11-test". */
  explanation: z.string(),
});
export type Flag = z.infer<typeof Flag>;

/** Identifier rules whose unresolved flags block saving a cleaned export. */
export const IDENTIFIER_RULES = ['bsn', 'iban', 'phone', 'email', 'address'] as const;

export function isRemovalCategory(c: FlagCategory): c is Tag {
  return c !== 'info';
}

/** The rule of flags raised by a second reviewer's disputed spot check. */
export const DISPUTE_RULE = 'dispute';

/** The `source` of every diagnostic the language server publishes. */
export const DIAGNOSTIC_SOURCE = 'chatreview';

/**
 * Whether the reviewer has dealt with a flag: any tag or `keep` on its message resolves all of
 * its flags; a redaction resolves the flags whose span it covers.
 */
export function isFlagResolved(
  flag: Pick<Flag, 'span' | 'rule'>,
  tag: string,
  redactions: readonly { start: number; end: number }[],
): boolean {
  // A dispute is about the decision itself: only a new spot-check verdict settles it.
  if (flag.rule === DISPUTE_RULE) return false;
  if (tag !== '') return true;
  const span = flag.span;
  return span !== null && redactions.some((r) => r.start <= span.start && r.end >= span.end);
}
