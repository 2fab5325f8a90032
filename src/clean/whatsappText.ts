import type { Message, Redaction } from '../model';
import { InputError } from '../model/errors';
import { bodyColumn, readMessageLines } from '../parsers/whatsapp';
import type { Grammar, HeaderLayout } from '../parsers/whatsapp/header';
import { splitEnd, type CleaningPlan, type LineFormat } from './lines';

const BOM = '\uFEFF';

/**
 * Blacks out a message's redacted spans in its raw lines. Offsets index the message text; each
 * piece is located in the raw line and checked to read exactly the redacted text, so a span is
 * either replaced where it stands or the cleaning stops: never a silent miss. A span across line
 * breaks becomes one marker and takes the breaks with it: the lines it touches join into one, so
 * no rest of a line can start a line of its own (and read as a message header).
 * Returns the cleaned lines by raw line; null for a line joined into the one before.
 */
function redactLines(raw: string[], m: Message, grammar: Grammar, redactions: readonly Redaction[], plan: CleaningPlan): (string | null)[] {
  const parts: ([string, string] | null)[] = raw.map(splitEnd);
  const textLines = m.text.split('\n');
  const shift = raw.length - textLines.length;
  const fail = (r: Redaction) => new InputError(`cannot place the redaction ${r.start}–${r.end} of ${m.id} in the export (line ${m.source.line}); it was not changed`);
  if (shift < 0) throw fail(redactions[0]);
  const lineStarts: number[] = [];
  let offset = 0;
  for (const t of textLines) {
    lineStarts.push(offset);
    offset += t.length + 1;
  }
  // Where each text line stands in its raw line.
  const columns = textLines.map((t, k) => {
    const j = k + shift;
    // A UTF-8 BOM sits before the header of line 1: skip it to find where the body starts.
    const bom = j === 0 && raw[0].startsWith(BOM) ? 1 : 0;
    const from = j === 0 ? bom + (bodyColumn(splitEnd(raw[0])[0].slice(bom), grammar) ?? 0) : 0;
    return splitEnd(raw[j])[0].indexOf(t, from);
  });
  /** The text line holding an offset, and the offset within it (a span end may sit at a line's end). */
  const locate = (at: number): [number, number] => {
    let k = textLines.length - 1;
    while (lineStarts[k] > at) k--;
    return [k, at - lineStarts[k]];
  };
  // Last span first, so the offsets of the earlier ones still hold.
  for (const r of [...redactions].sort((x, y) => y.start - x.start)) {
    const [k1, a] = locate(r.start);
    const [k2, b] = locate(r.end);
    for (let k = k1; k <= k2; k++) {
      const from = k === k1 ? a : 0;
      const to = k === k2 ? b : textLines[k].length;
      const line = parts[k + shift];
      if (columns[k] < 0 || !line || line[0].slice(columns[k] + from, columns[k] + to) !== textLines[k].slice(from, to)) throw fail(r);
    }
    if (r.end <= r.start) throw fail(r);
    const [head] = parts[k1 + shift]!;
    const [tail, end] = parts[k2 + shift]!;
    parts[k1 + shift] = [head.slice(0, columns[k1] + a) + plan.marker(r.tag) + tail.slice(columns[k2] + b), end];
    for (let k = k1 + 1; k <= k2; k++) parts[k + shift] = null;
  }
  return parts.map((p) => (p ? p[0] + p[1] : null));
}

/**
 * A redacted message must still read as itself: one message, same time, sender and kind. A
 * marker may not, say, turn an event line into a message from a made-up sender.
 */
function checkReadsAsBefore(cleaned: (string | null)[], m: Message, layout: HeaderLayout, redactions: readonly Redaction[]): void {
  const lines = cleaned.filter((l): l is string => l !== null).map((l, i) => splitEnd(i === 0 && l.startsWith(BOM) ? l.slice(1) : l)[0]);
  let again: Message[] = [];
  try {
    again = readMessageLines(lines, layout);
  } catch {
    // Unreadable is not the same message either.
  }
  const same = again.length === 1 && again[0].sender === m.sender && again[0].kind === m.kind && again[0].timestamp === m.timestamp;
  if (!same) {
    const spans = redactions.map((r) => `${r.start}–${r.end}`).join(', ');
    const kind = again[0]?.kind;
    const reads = again.length !== 1 ? `${again.length} messages`
      : `${kind === 'message' ? 'a message' : kind === 'system' ? 'an event' : `a ${kind} message`}${again[0].sender ? ` from ${JSON.stringify(again[0].sender)}` : ''}`;
    throw new InputError(`the redaction ${spans} of ${m.id} would make its line read as ${reads}; redact a wider span or tag the message instead`);
  }
}

/** WhatsApp's chat text, cleaned line by line with the file's header layout. */
export function whatsappLines(layout: HeaderLayout): LineFormat {
  return {
    rewrite(raw, message, redactions, plan) {
      const cleaned = redactLines(raw, message, layout.grammar, redactions, plan);
      checkReadsAsBefore(cleaned, message, layout, redactions);
      return cleaned;
    },
  };
}
