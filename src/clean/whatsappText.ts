import type { Message, Redaction } from '../model';
import { InputError } from '../model/errors';
import { bodyColumn, readMessageLines } from '../parsers/whatsapp';
import type { Grammar, HeaderLayout } from '../parsers/whatsapp/header';
import { splitEnd, type LineFormat } from './lines';
import { cannotPlace } from './rewrite/text';
import { redactPlaced, type Placement } from './rewrite/verbatim';

const BOM = '\uFEFF';

/** Where a WhatsApp message's text stands: its last lines, the first after the header and author. */
function placement(raw: string[], m: Message, grammar: Grammar, redactions: readonly Redaction[]): Placement {
  const textLines = m.text.split('\n');
  const shift = raw.length - textLines.length;
  if (shift < 0) throw cannotPlace(m, redactions, 'its text is not in its lines as read');
  return textLines.map((t, k) => {
    const j = k + shift;
    // A UTF-8 BOM sits before the header of line 1: skip it to find where the body starts.
    const bom = j === 0 && raw[0].startsWith(BOM) ? 1 : 0;
    const from = j === 0 ? bom + (bodyColumn(splitEnd(raw[0])[0].slice(bom), grammar) ?? 0) : 0;
    const column = splitEnd(raw[j])[0].indexOf(t, from);
    if (column < 0) throw cannotPlace(m, redactions, 'its text is not in its lines as read');
    return { line: j, column };
  });
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
      const cleaned = redactPlaced(raw, message, placement(raw, message, layout.grammar, redactions), redactions, plan);
      checkReadsAsBefore(cleaned, message, layout, redactions);
      return cleaned;
    },
  };
}
