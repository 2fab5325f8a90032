import { messageId, type Message, type Redaction, type TagEntry } from '../model';
import { InputError } from '../model/errors';
import { bodyColumn } from '../parsers/whatsapp';
import type { Grammar } from '../parsers/whatsapp/header';
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
 * either replaced where it stands or the cleaning stops: never a silent miss.
 */
function redactLines(raw: string[], m: Message, grammar: Grammar, redactions: readonly Redaction[], plan: CleaningPlan): string[] {
  const parts = raw.map(splitEnd);
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
    const bom = j === 0 && parts[0][0].startsWith(BOM) ? 1 : 0;
    const from = j === 0 ? bom + (bodyColumn(parts[0][0].slice(bom), grammar) ?? 0) : 0;
    return parts[j][0].indexOf(t, from);
  });
  const edits: { line: number; from: number; to: number; text: string }[] = [];
  for (const r of redactions) {
    let first = true;
    for (let k = 0; k < textLines.length; k++) {
      // The part of the span on this text line (a span may cross line breaks).
      const ls = lineStarts[k];
      const a = Math.max(r.start, ls) - ls;
      const b = Math.min(r.end, ls + textLines[k].length) - ls;
      if (b <= a) continue;
      const col = columns[k];
      const j = k + shift;
      if (col < 0 || parts[j][0].slice(col + a, col + b) !== textLines[k].slice(a, b)) throw fail(r);
      edits.push({ line: j, from: col + a, to: col + b, text: first ? plan.marker(r.tag) : '' });
      first = false;
    }
    if (first) throw fail(r);
  }
  edits.sort((x, y) => x.line - y.line || y.from - x.from);
  for (const e of edits) {
    const [text, end] = parts[e.line];
    parts[e.line] = [text.slice(0, e.from) + e.text + text.slice(e.to), end];
  }
  return parts.map(([text, end]) => text + end);
}

/**
 * Cleans a WhatsApp chat text as it streams: every line of a removed message goes, redacted
 * spans become markers, everything else passes through byte for byte. The diff is written from
 * the same decisions, in the same pass.
 */
export async function cleanWhatsAppText(
  lines: AsyncIterable<string[]>,
  positions: MessageLines,
  grammar: Grammar,
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
    const cleaned = redactLines(raw, plan.messages.get(id)!, grammar, redactions, plan);
    for (let i = 0; i < raw.length; i++) {
      if (cleaned[i] === raw[i]) keep(raw[i]);
      else {
        const replacement = bom ? BOM + cleaned[i] : cleaned[i];
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
