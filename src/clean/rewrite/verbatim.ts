import type { Message, Redaction } from '../../model';
import { splitEnd, type CleaningPlan, type LineRewriter } from '../lines';
import { cannotPlace } from './text';

/** Where each line of a message's text stands in its raw lines: raw line index and column. */
export type Placement = { line: number; column: number }[];

/**
 * Blacks out a message's redacted spans in its raw lines, where the text stands as `placement`
 * says. Each piece is checked to read exactly the redacted text, so a span is replaced where it
 * stands or the cleaning stops: never a silent miss. A span across line breaks becomes one
 * marker and takes the breaks with it: the lines it touches join into one, so no rest of a line
 * can start a line of its own (and read as a message header). Returns the cleaned lines by raw
 * line; null for a line joined into the one before.
 */
export function redactPlaced(raw: string[], m: Message, placement: Placement, redactions: readonly Redaction[], plan: CleaningPlan): (string | null)[] {
  const parts: ([string, string] | null)[] = raw.map(splitEnd);
  const textLines = m.text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const t of textLines) {
    lineStarts.push(offset);
    offset += t.length + 1;
  }
  /** The text line holding an offset, and the offset within it (a span end may sit at a line's end). */
  const locate = (at: number): [number, number] => {
    let k = textLines.length - 1;
    while (lineStarts[k] > at) k--;
    return [k, at - lineStarts[k]];
  };
  // Last span first, so the offsets of the earlier ones still hold.
  for (const r of [...redactions].sort((x, y) => y.start - x.start)) {
    if (r.end <= r.start) throw cannotPlace(m, [r], 'the span is empty');
    const [k1, a] = locate(r.start);
    const [k2, b] = locate(r.end);
    for (let k = k1; k <= k2; k++) {
      const from = k === k1 ? a : 0;
      const to = k === k2 ? b : textLines[k].length;
      const { line, column } = placement[k];
      const part = parts[line];
      if (!part || part[0].slice(column + from, column + to) !== textLines[k].slice(from, to)) throw cannotPlace(m, [r], 'the text there differs');
    }
    const first = placement[k1];
    const last = placement[k2];
    const [head] = parts[first.line]!;
    const [tail, end] = parts[last.line]!;
    parts[first.line] = [head.slice(0, first.column + a) + plan.marker(r.tag) + tail.slice(last.column + b), end];
    for (let k = k1 + 1; k <= k2; k++) parts[placement[k].line] = null;
  }
  return parts.map((p) => (p ? p[0] + p[1] : null));
}

/**
 * Finds a message's text in its raw lines for formats that write it verbatim, one text line per
 * raw line: the last raw line where the text starts (at `bodyColumn` of the message's first
 * line, or after the line's indentation) and every further text line on the next raw line, after
 * that same indentation.
 */
export function findVerbatim(raw: string[], text: string, bodyColumn: (firstLine: string) => number | undefined): Placement | undefined {
  const textLines = text.split('\n');
  const lines = raw.map((l) => splitEnd(l)[0]);
  // The last place that fits: a text comes after a message's header lines (a sender line may read like it).
  for (let j = lines.length - textLines.length; j >= 0; j--) {
    const indent = /^[ \t]*/.exec(lines[j])![0].length;
    const column = j === 0 ? bodyColumn(lines[0]) : indent;
    if (column === undefined || !lines[j].startsWith(textLines[0], column)) continue;
    const rest = textLines.slice(1).every((t, k) => lines[j + 1 + k].startsWith(t, Math.min(indent, /^[ \t]*/.exec(lines[j + 1 + k])![0].length)));
    if (rest) return textLines.map((_, k) => ({ line: j + k, column: k === 0 ? column : Math.min(indent, /^[ \t]*/.exec(lines[j + k])![0].length) }));
  }
  return undefined;
}

/** The rewriter of a format that writes message texts verbatim (Signal's chat.md, plain-text exports). */
export function verbatimRewriter(bodyColumn: (firstLine: string) => number | undefined): LineRewriter {
  return (raw, m, redactions, plan) => {
    const placement = findVerbatim(raw, m.text, bodyColumn);
    if (!placement) throw cannotPlace(m, redactions, 'its text is not in its lines as read');
    return redactPlaced(raw, m, placement, redactions, plan);
  };
}
