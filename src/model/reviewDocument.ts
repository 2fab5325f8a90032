import { screenshotOrder, type Conversation, type Message } from './conversation';
import type { Span } from './flags';
import type { Tag } from './review';

/**
 * The review document: `#` header lines, then one message per line —
 * `TAG   m000042 2020-03-12 14:06 Sender: text`. Tags live in the text (the tag column and
 * `⟦TAG|…⟧` span redactions) so tagging is plain editing; everything else is immutable.
 */

/** What the header says about the export (or page) it shows. */
export interface ReviewHeader {
  format: string;
  fileName: string;
  sha256: string;
  conversation: Conversation;
  /** Set when the conversation is split into pages: this page's label and position. */
  page?: { label: string; index: number; count: number };
  /** The policy in force, and the one the review state was last saved under when that differs. */
  policy?: HeaderPolicy;
}

export interface HeaderPolicy {
  sha256: string;
  /** `built-in` or the policy file. */
  source: string;
  /** A policy file with problems (the built-in policy is in force meanwhile). */
  problemsIn?: { file: string; count: number };
  /** The policy the tags were last saved under, when it is another one. */
  savedUnder?: string;
}

/** The header line that names the policy. */
export const POLICY_HEADER = '# policy sha256 ';

/** The tag column holds a removal tag, `keep` (flags dismissed), or nothing. */
export type LineTag = Tag | 'keep';
export const LINE_TAGS: readonly LineTag[] = ['privé', 'AVG', 'scope', 'keep'];

export const TAG_COLUMN_WIDTH = 6;
export const LINE_BREAK_MARK = '⏎';
export const ATTACHMENT_MARK = '📎';
/** Before the id of the message a reply answers. */
export const REPLY_MARK = '↪';
export const REDACTION_OPEN = '⟦';
export const REDACTION_CLOSE = '⟧';

/**
 * Content never shows the marker brackets themselves: a chat that contains ⟦ or ⟧ shows 〚 〛
 * (one UTF-16 unit each, so offsets are unchanged) and can never fake or break a redaction.
 */
function shown(s: string): string {
  return s.includes(REDACTION_OPEN) || s.includes(REDACTION_CLOSE) ? s.replace(/⟦/g, '〚').replace(/⟧/g, '〛') : s;
}

function formatTime(m: Message): string {
  const t = m.timestamp;
  const time = m.precision === 'second' ? t.slice(11, 19) : m.precision === 'minute' ? t.slice(11, 16) : '--:--';
  return `${t.slice(0, 10)} ${time}`;
}

/** What stands before the text in the body: deletion or media notes, attachments. */
function bodyPrefix(m: Message): string {
  const parts: string[] = [];
  // A reply names the message it answers (Go to Definition jumps there).
  if (m.replyTo !== null) parts.push(`${REPLY_MARK} ${m.replyTo}`);
  if (m.kind === 'deleted') parts.push(`⊘ ${m.meta?.placeholder ?? 'deleted'}`);
  else if (m.kind === 'media' && m.attachments.length === 0) parts.push(`${ATTACHMENT_MARK} ${m.meta?.placeholder ?? 'media'}`);
  for (const a of m.attachments) parts.push(`${ATTACHMENT_MARK} ${a.name}${a.present ? '' : ' (missing)'}`);
  return parts.length ? shown(parts.join(' ')) + (m.text ? ' ' : '') : '';
}

/** A text as one line: each line break becomes ` ⏎ `. */
function renderText(text: string): string {
  return shown(text).split(/\r\n|\r|\n/).join(` ${LINE_BREAK_MARK} `);
}

/** Everything before the body: tag column, id, time, sender. */
function lineHead(m: Message, tag: string): string {
  return `${tag.padEnd(TAG_COLUMN_WIDTH)}${m.id} ${formatTime(m)} ${m.sender === null ? '—' : `${shown(m.sender)}:`} `;
}

export function renderMessageLine(m: Message, tag: LineTag | '' = '', redactions: readonly RedactedSpan[] = []): string {
  const head = lineHead(m, tag);
  const prefix = bodyPrefix(m);
  if (redactions.length === 0) return head + prefix + renderText(m.text);
  // Insert markers from the last span backwards so earlier columns stay valid.
  const layout = new LineLayout(m, head.length + prefix.length);
  let line = head + prefix + renderText(m.text);
  for (const r of [...redactions].sort((a, b) => b.start - a.start)) {
    const start = layout.columnOf(r.start);
    const end = layout.columnOf(r.end);
    line = line.slice(0, start) + REDACTION_OPEN + r.tag + '|' + line.slice(start, end) + REDACTION_CLOSE + line.slice(end);
  }
  return line;
}

export function renderHeader(h: ReviewHeader, messages: readonly Message[]): string[] {
  const first = messages[0];
  const last = messages[messages.length - 1];
  const range = first && last ? `${formatTime(first)} – ${formatTime(last)}` : 'no messages';
  const lines = [
    `# Chat Review · ${h.conversation.title} · ${h.format}`,
    `# source: ${h.fileName} · sha256 ${h.sha256}`,
  ];
  if (h.page) lines.push(`# page ${h.page.index + 1} of ${h.page.count} · ${h.page.label}`);
  lines.push(`# ${messages.length} messages · ${range} · ${h.conversation.participants.length} participants`);
  const screens = h.conversation.screenshots;
  if (screens) lines.push(`# ${screens.length} screenshots in the order found, each join's certainty: ${screenshotOrder(screens)}`);
  if (h.policy) {
    const p = h.policy;
    const problems = p.problemsIn ? ` (${p.problemsIn.file} has ${p.problemsIn.count} problem${p.problemsIn.count === 1 ? '' : 's'})` : '';
    const changed = p.savedUnder ? ` · changed since the last save (was ${p.savedUnder.slice(0, 12)}…)` : '';
    lines.push(`${POLICY_HEADER}${p.sha256} · ${p.source}${problems}${changed}`);
  }
  return lines;
}

export interface RedactedSpan extends Span {
  tag: Tag;
}

export interface ReviewMarks {
  tags: ReadonlyMap<string, LineTag>;
  redactions: ReadonlyMap<string, readonly RedactedSpan[]>;
}

export function renderReviewDocument(h: ReviewHeader, messages: readonly Message[], marks?: ReviewMarks): string {
  const lines = renderHeader(h, messages);
  for (const m of messages) lines.push(renderMessageLine(m, marks?.tags.get(m.id) ?? '', marks?.redactions.get(m.id)));
  return lines.join('\n') + '\n';
}

/**
 * Maps offsets in a message's `text` to columns of its unmarked review line: line breaks take
 * three columns (` ⏎ `), everything else one.
 */
export class LineLayout {
  private readonly columns: Int32Array;

  constructor(m: Message, textStartColumn: number) {
    const text = m.text;
    this.columns = new Int32Array(text.length + 1);
    let col = textStartColumn;
    for (let i = 0; i < text.length; i++) {
      this.columns[i] = col;
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        this.columns[++i] = col; // CRLF is one break
        col += 3;
      } else col += c === 10 || c === 13 ? 3 : 1;
    }
    this.columns[text.length] = col;
  }

  columnOf(textOffset: number): number {
    return this.columns[Math.max(0, Math.min(textOffset, this.columns.length - 1))];
  }

  /** The text offset at a column (the first one at or after it). */
  offsetAt(column: number): number {
    let lo = 0;
    let hi = this.columns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.columns[mid] < column) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  static forMessage(m: Message): LineLayout {
    return new LineLayout(m, lineHead(m, '').length + bodyPrefix(m).length);
  }
}

/** What a review line says, read back from the (possibly edited) document text. */
export interface ReviewLine {
  id: string;
  tag: LineTag | '';
  /** Redactions in text offsets of the message. */
  redactions: RedactedSpan[];
  /** Where each marker sits in the line, for editing and painting. */
  markers: { open: number; close: number; tag: Tag }[];
}

const ID_AT = /^(.{0,6}?)\s*(m\d{6,}) /;

/** Reads the tag word of a tag column leniently (`prive`, `avg`). */
export function readTag(word: string): LineTag | '' | undefined {
  const w = word.trim().toLowerCase();
  if (w === '') return '';
  if (w === 'privé' || w === 'prive') return 'privé';
  if (w === 'avg') return 'AVG';
  if (w === 'scope') return 'scope';
  if (w === 'keep') return 'keep';
  return undefined;
}

/** The message id a review line is about, or undefined for header and foreign lines. */
export function lineId(line: string): string | undefined {
  return ID_AT.exec(line)?.[2];
}

function textChanged(column: number): ReviewLineError {
  return new ReviewLineError(`message text changed at column ${column + 1} (only the tag column and ⟦…⟧ redactions can be edited)`, column);
}

export class ReviewLineError extends Error {
  /** 0-based column in the line where the problem is, when it has one. */
  constructor(message: string, readonly column?: number) {
    super(message);
  }
}

/**
 * Checks an edited line against the message it shows and reads its marks. Only the tag
 * column and redaction markers may differ from the rendered original; anything else throws a
 * ReviewLineError saying what changed.
 */
export function readReviewLine(line: string, m: Message): ReviewLine {
  const match = ID_AT.exec(line);
  if (!match || match[2] !== m.id) throw new ReviewLineError(`the message id ${m.id} is missing or changed`);
  const tag = readTag(match[1]);
  if (tag === undefined) throw new ReviewLineError(`"${match[1].trim()}" is not a tag (use privé, AVG, scope or keep)`);
  // Compare from the id on: `rest` and `expected` both start where the id starts.
  const idColumn = match[0].length - m.id.length - 1;
  const rest = line.slice(idColumn);
  const expected = renderMessageLine(m).slice(TAG_COLUMN_WIDTH);
  // Most lines carry no redaction: compare them whole.
  if (!rest.includes(REDACTION_OPEN) && !rest.includes(REDACTION_CLOSE)) {
    if (rest !== expected) {
      let at = 0;
      while (at < rest.length && rest[at] === expected[at]) at++;
      throw textChanged(idColumn + at);
    }
    return { id: m.id, tag, redactions: [], markers: [] };
  }
  // Strip markers from the rest, remembering where they were in the unmarked text.
  const markers: ReviewLine['markers'] = [];
  const spans: { start: number; end: number; tag: Tag }[] = [];
  let plain = '';
  /** Line column of each character of `plain`, to report where an edit is. */
  const plainColumns: number[] = [];
  let open: { at: number; plainAt: number; tag: Tag } | null = null;
  const base = idColumn;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === REDACTION_OPEN) {
      if (open) throw new ReviewLineError('a redaction is opened inside another one');
      const bar = rest.indexOf('|', i);
      const tagWord = bar < 0 ? undefined : readTag(rest.slice(i + 1, bar));
      if (!tagWord || tagWord === 'keep') throw new ReviewLineError(`a redaction must start with ⟦privé|, ⟦AVG| or ⟦scope|`);
      open = { at: base + i, plainAt: plain.length, tag: tagWord };
      i = bar;
    } else if (ch === REDACTION_CLOSE) {
      if (!open) throw new ReviewLineError('a redaction is closed that was not opened');
      markers.push({ open: open.at, close: base + i, tag: open.tag });
      spans.push({ start: open.plainAt, end: plain.length, tag: open.tag });
      open = null;
    } else {
      plain += ch;
      plainColumns.push(base + i);
    }
  }
  if (open) throw new ReviewLineError('a redaction is not closed (⟧ missing)');
  if (plain !== expected) {
    let at = 0;
    while (at < plain.length && plain[at] === expected[at]) at++;
    throw textChanged(plainColumns[at] ?? line.length);
  }
  const layout = LineLayout.forMessage(m);
  const redactions: RedactedSpan[] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const start = layout.offsetAt(s.start + TAG_COLUMN_WIDTH);
    const end = layout.offsetAt(s.end + TAG_COLUMN_WIDTH);
    if (end <= start) throw new ReviewLineError('a redaction must cover message text, not the sender or time');
    redactions.push({ start, end, tag: s.tag });
  }
  return { id: m.id, tag, redactions, markers };
}

/** The messages a cleaning keeps, redacted spans replaced by their markers. */
export function cleanedMessages(
  messages: readonly Message[],
  state: { tags: readonly { id: string }[]; redactions?: readonly (RedactedSpan & { id: string })[] },
  marker: (tag: Tag) => string,
): Message[] {
  const removed = new Set(state.tags.map((t) => t.id));
  const spans = new Map<string, RedactedSpan[]>();
  for (const r of state.redactions ?? []) spans.set(r.id, [...(spans.get(r.id) ?? []), r]);
  const kept: Message[] = [];
  for (const m of messages) {
    if (removed.has(m.id)) continue;
    const own = spans.get(m.id);
    if (!own) {
      kept.push(m);
      continue;
    }
    let text = m.text;
    for (const r of [...own].sort((a, b) => b.start - a.start)) text = text.slice(0, r.start) + marker(r.tag) + text.slice(r.end);
    kept.push({ ...m, text });
  }
  return kept;
}

/**
 * The conversation as the cleaned export will read: removed messages gone, redacted spans
 * replaced by their markers. Shown against the original in the removal diff view.
 */
export function renderCleanedConversation(
  h: ReviewHeader,
  messages: readonly Message[],
  state: { tags: readonly { id: string }[]; redactions?: readonly (RedactedSpan & { id: string })[] },
  marker: (tag: Tag) => string,
): string {
  const kept = cleanedMessages(messages, state, marker);
  return [...renderHeader(h, kept), ...kept.map((m) => renderMessageLine(m))].join('\n') + '\n';
}
