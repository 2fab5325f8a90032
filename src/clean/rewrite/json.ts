import type { Message, Redaction } from '../../model';
import { splitEnd, type CleaningPlan, type LineRewriter } from '../lines';
import { cannotPlace, lineEnd, redactedText } from './text';

/**
 * A format whose messages are JSON objects on whole lines (Telegram's result.json, an RSMF
 * manifest, signal-export's data.json lines). `redact` changes the parsed object so that every
 * field holding the message text holds the redacted text instead; it returns false when the
 * object does not hold the text the parser read (then nothing is written).
 */
export type JsonRedactor = (object: Record<string, unknown>, message: Message, redacted: string) => boolean;

/**
 * Rewrites a message's JSON object with its text redacted, keeping the block's indentation, its
 * list separator and its line end. The object is re-serialised, so its own layout may change;
 * the lines around it never do.
 */
export function jsonObjectRewriter(redact: JsonRedactor): LineRewriter {
  return (raw: string[], m: Message, redactions: readonly Redaction[], plan: CleaningPlan) => {
    const block = raw.join('');
    const body = block.trimEnd();
    const separator = body.endsWith(',') ? ',' : '';
    let object: unknown;
    try {
      object = JSON.parse(separator ? body.slice(0, -1) : body);
    } catch {
      throw cannotPlace(m, redactions, 'its lines are not one JSON object');
    }
    if (typeof object !== 'object' || object === null || Array.isArray(object)) throw cannotPlace(m, redactions, 'its lines are not one JSON object');
    if (!redact(object as Record<string, unknown>, m, redactedText(m.text, redactions, plan))) {
      throw cannotPlace(m, redactions, 'its JSON does not hold the text that was reviewed');
    }
    const eol = lineEnd(raw);
    const end = splitEnd(raw[raw.length - 1])[1];
    const base = /^[ \t]*/.exec(raw[0])![0];
    const step = raw.length > 1 ? Math.max(1, /^[ \t]*/.exec(raw[1])![0].length - base.length) : 0;
    const json = step ? JSON.stringify(object, null, step).split('\n').map((l) => base + l).join(eol) : base + JSON.stringify(object);
    return [json + separator + end, ...raw.slice(1).map(() => null)];
  };
}
