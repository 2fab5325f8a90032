import type { Message, Redaction, TagEntry } from '../model';
import type { UnifiedDiffWriter } from './unifiedDiff';

const BOM = '\uFEFF';

/**
 * Where each message sits in the chat text, in line order: its first line, its line count and
 * its id, or null for a message of another conversation (which goes).
 */
export interface MessageLines {
  first: readonly number[];
  count: readonly number[];
  id: readonly (string | null)[];
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
  /** The hunk heading for the messages of other conversations. */
  otherConversation: string;
  /** How many messages the cleaned file holds. */
  kept: number;
}

/**
 * A format's way of blacking out spans in the raw lines of one message (line ends included).
 * Returns the cleaned lines by raw line, null for a line that goes (joined into another);
 * throws an InputError when a span cannot be placed exactly.
 */
export type LineRewriter = (raw: string[], message: Message, redactions: readonly Redaction[], plan: CleaningPlan) => (string | null)[];

export interface LineFormat {
  rewrite: LineRewriter;
  /**
   * Messages that are elements of a list with a separator after all but the last (JSON's `,`):
   * when the messages after a kept one are removed up to the end of the list, its separator goes.
   */
  separator?: string;
  /**
   * Changes a kept message needs whatever the review said (a CSV cell that Excel would run as a
   * formula); null when it needs none. Such changes are in the diff under their own reason.
   */
  normalize?(raw: string[]): { lines: (string | null)[]; reason: string } | null;
  /**
   * Changes a line outside every message needs (an SMS backup's root element counts its
   * messages); null when it needs none.
   */
  rewriteOther?(line: string): { line: string; reason: string } | null;
}

export function splitEnd(line: string): [string, string] {
  const m = /(\r\n|\r|\n)$/.exec(line);
  return m ? [line.slice(0, m.index), m[1]] : [line, ''];
}

/**
 * Cleans a chat text whose messages occupy whole lines, as it streams: every line of a removed
 * message goes, the format rewrites redacted ones, everything else passes through byte for
 * byte. The diff is written from the same decisions, in the same pass.
 */
export async function cleanLines(
  lines: AsyncIterable<string[]>,
  positions: MessageLines,
  format: LineFormat,
  plan: CleaningPlan,
  write: (text: string) => void | Promise<void>,
  diff: UnifiedDiffWriter,
): Promise<void> {
  const separator = format.separator;
  let out: string[] = [];
  const flush = async () => {
    if (out.length) await write(out.join(''));
    out = [];
  };
  // A UTF-8 BOM belongs to the file, not to line 1: when line 1 goes, the next kept line takes it.
  let bom: { reason: string } | null = null;
  /**
   * Writes a kept line; `reason` names why it differs from `original`, if it does. A rewritten
   * line may have become several (a re-serialised JSON object): the first replaces the
   * original, the others are added after it.
   */
  const output = (line: string, original: string, reason: string | null) => {
    const text = bom ? BOM + line : line;
    if (text === original) diff.same(text);
    else {
      const why = bom?.reason ?? reason ?? '';
      const [first, ...more] = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [''];
      diff.change(original, first, why);
      for (const l of more) diff.add(l, why);
    }
    bom = null;
    out.push(text);
  };

  // List formats: the last line of the latest kept element waits (and what follows it, in
  // order) until we know whether another kept element follows (it keeps its separator) or the
  // list ends after removed ones (it loses it).
  let held: { line: string; original: string; reason: string | null } | null = null;
  let removedAfterHeld: string | null = null;
  let deferred: (() => void)[] = [];
  const act = (op: () => void) => (held ? deferred.push(op) : op());
  const release = (listGoesOn: boolean) => {
    if (!held) return;
    let { line, reason } = held;
    const { original } = held;
    held = null;
    const [text, end] = splitEnd(line);
    if (!listGoesOn && removedAfterHeld !== null && text.endsWith(separator!)) {
      line = text.slice(0, -separator!.length) + end;
      reason ??= removedAfterHeld;
    }
    removedAfterHeld = null;
    output(line, original, reason);
    const ops = deferred;
    deferred = [];
    for (const op of ops) op();
  };

  const finish = (index: number, raw: string[]) => {
    const id = positions.id[index];
    const removal = id === null ? null : plan.removed.get(id);
    if (id === null || removal) {
      const reason = removal ? plan.reason(removal) : plan.otherConversation;
      if (held) removedAfterHeld ??= reason;
      act(() => {
        if (raw[0].startsWith(BOM)) bom = { reason };
        for (const line of raw) diff.change(line, null, reason);
      });
      return;
    }
    release(true);
    const redactions = plan.redactions.get(id);
    const redacted = !!redactions?.length;
    const normalized = redacted ? null : format.normalize?.(raw) ?? null;
    const cleaned = redacted ? format.rewrite(raw, plan.messages.get(id)!, redactions, plan) : normalized?.lines ?? raw;
    const reason = redacted ? plan.reason(redactions[0]) : normalized?.reason ?? null;
    let last = cleaned.length - 1;
    while (last >= 0 && cleaned[last] === null) last--;
    for (let i = 0; i < raw.length; i++) {
      const line = cleaned[i];
      // Lines that go after a held one wait with it, so the diff keeps the original's order.
      if (line === null) act(() => diff.change(raw[i], null, reason!));
      else if (i === last && separator !== undefined) held = { line, original: raw[i], reason: line === raw[i] ? null : reason };
      else output(line, raw[i], reason);
    }
  };
  /**
   * A line outside every message: a blank one waits with a held element; one that closes a
   * list (`]`, `}`) ends it; any other (an element that is not a message) means the list goes on.
   */
  const other = (line: string) => {
    if (line.trim() === '') return act(() => output(line, line, null));
    release(!/^\s*[\]}]/.test(line));
    const rewritten = format.rewriteOther?.(line);
    output(rewritten?.line ?? line, line, rewritten?.reason ?? null);
  };

  let lineNo = 0;
  let next = 0;
  let pending: { index: number; lines: string[] } | null = null;
  for await (const batch of lines) {
    for (const line of batch) {
      lineNo++;
      if (pending) {
        pending.lines.push(line);
      } else if (next < positions.first.length && positions.first[next] === lineNo) {
        pending = { index: next++, lines: [line] };
      } else {
        other(line);
        continue;
      }
      if (pending.lines.length === positions.count[pending.index]) {
        finish(pending.index, pending.lines);
        pending = null;
      }
    }
    plan.signal?.throwIfAborted();
    await flush();
  }
  if (pending) finish(pending.index, pending.lines);
  release(false);
  // Every line went: the file keeps its BOM all the same.
  const lastBom = bom as { reason: string } | null;
  if (lastBom) {
    diff.add(BOM, lastBom.reason);
    out.push(BOM);
  }
  await flush();
  diff.end();
}
