import type { Message, Redaction } from '../../model';
import { InputError } from '../../model/errors';
import type { CleaningPlan } from '../lines';

/** A message text with each redacted span replaced by its marker (spans do not overlap). */
export function redactedText(text: string, redactions: readonly Redaction[], plan: CleaningPlan): string {
  let out = '';
  let at = 0;
  for (const r of [...redactions].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, r.start) + plan.marker(r.tag);
    at = r.end;
  }
  return out + text.slice(at);
}

/** The error for a redaction whose text the export does not hold where the message is. */
export function cannotPlace(m: Message, redactions: readonly Redaction[], why: string): InputError {
  const spans = redactions.map((r) => `${r.start}–${r.end}`).join(', ');
  return new InputError(`cannot place the redaction ${spans} of ${m.id} in the export (line ${m.source.line}): ${why}; it was not changed`);
}

/** The line end a block of raw lines uses. */
export function lineEnd(raw: readonly string[]): string {
  return /\r\n|\r|\n/.exec(raw[0])?.[0] ?? '\n';
}
