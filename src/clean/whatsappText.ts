import { messageId, type Message, type Redaction, type TagEntry } from '../model';
import { InputError } from '../model/errors';
import { bodyColumn, readMessageLines } from '../parsers/whatsapp';
import type { Grammar, HeaderLayout } from '../parsers/whatsapp/header';
import type { UnifiedDiffWriter } from './unifiedDiff';

const BOM = '\uFEFF';

/** Where each message sits in the chat text, by position (message i has id `messageId(i + 1)`). */
export interface MessageLines {
  first: readonly number[];
  count: readonly number[];
}

export interface CleaningPlan {
  /** The full messages the plan touches (removed or redacted), by id. */
  messages: ReadonlyMap<string, Message>;
  removed: ReadonlyMap<string, TagEntry>;
  redactions: ReadonlyMap<string, readonly Redaction[]>;
  marker(tag: TagEntry['tag']): string;
  signal?: AbortSignal;
  /** The hunk heading for a change: tag, rule, reviewer, time. */
  reason(entry: { tag: string; rule?: string; by: string; at: string }): string;
}

function splitEnd(line: string): [string, string] {
  const m = /(\r\n|\r|\n)$/.exec(line);
  return m ? [line.slice(0, m.index), m[1]] : [line, ''];
}

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

/**
 * Cleans a WhatsApp chat text as it streams: every line of a removed message goes, redacted
 * spans become markers, everything else passes through byte for byte. The diff is written from
 * the same decisions, in the same pass.
 */
export async function cleanWhatsAppText(
  lines: AsyncIterable<string[]>,
  positions: MessageLines,
  layout: HeaderLayout,
  plan: CleaningPlan,
  write: (text: string) => void | Promise<void>,
  diff: UnifiedDiffWriter,
): Promise<void> {
  let lineNo = 0;
  let next = 0;
  let pending: { index: number; lines: string[] } | null = null;
  let out: string[] = [];
  const flush = async () => {
    if (out.length) await write(out.join(''));
    out = [];
  };
  // A UTF-8 BOM belongs to the file, not to line 1: when line 1 goes, the next kept line takes it.
  let bom: { reason: string } | null = null;
  const keep = (line: string) => {
    if (bom) {
      diff.change(line, BOM + line, bom.reason);
      out.push(BOM + line);
      bom = null;
    } else {
      diff.same(line);
      out.push(line);
    }
  };
  const finish = (index: number, raw: string[]) => {
    const id = messageId(index + 1);
    const removal = plan.removed.get(id);
    if (removal) {
      if (raw[0].startsWith(BOM)) bom = { reason: plan.reason(removal) };
      for (const line of raw) diff.change(line, null, plan.reason(removal));
      return;
    }
    const redactions = plan.redactions.get(id);
    if (!redactions?.length) {
      for (const line of raw) keep(line);
      return;
    }
    const message = plan.messages.get(id)!;
    const cleaned = redactLines(raw, message, layout.grammar, redactions, plan);
    checkReadsAsBefore(cleaned, message, layout, redactions);
    for (let i = 0; i < raw.length; i++) {
      const line = cleaned[i];
      if (line === raw[i]) keep(raw[i]);
      else if (line === null) diff.change(raw[i], null, plan.reason(redactions[0]));
      else {
        const replacement = bom ? BOM + line : line;
        bom = null;
        diff.change(raw[i], replacement, plan.reason(redactions[0]));
        out.push(replacement);
      }
    }
  };
  for await (const batch of lines) {
    for (const line of batch) {
      lineNo++;
      if (pending) {
        pending.lines.push(line);
      } else if (next < positions.first.length && positions.first[next] === lineNo) {
        pending = { index: next++, lines: [line] };
      } else {
        // Lines that belong to no message (blank lines before the first one) stay.
        keep(line);
        continue;
      }
      if (pending.lines.length === positions.count[pending.index]) {
        finish(pending.index, pending.lines);
        pending = null;
      }
    }
    await flush();
  }
  if (pending) finish(pending.index, pending.lines);
  // Every line went: the file keeps its BOM all the same.
  const lastBom = bom as { reason: string } | null;
  if (lastBom) {
    diff.add(BOM, lastBom.reason);
    out.push(BOM);
  }
  await flush();
  diff.end();
}
