import { isExists } from 'date-fns';
import {
  messageId, type Attachment, type Message, type MessageKind, type MessageMeta, type Participant, type Precision,
} from '../../model/conversation';
import type { MessageSink } from '../registry';

/** A message as a Signal reader sees it, before the conversation numbers it and resolves its quote. */
export interface Draft {
  timestamp: string;
  precision: Precision;
  /** null for events. */
  sender: string | null;
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  /** The quoted text when the message is a reply (possibly empty: a quoted photo). */
  quote?: string;
  meta?: MessageMeta;
  /** 1-based first line and line count in the chat file. */
  line: number;
  lines: number;
}

export type Reaction = NonNullable<MessageMeta['reactions']>[number];

/** What every Signal reader feeds: one line at a time, then the end. */
export interface LineReader {
  line(line: string): void;
  end(): void;
}

/** JavaScript's `\s`: quotes match across any run of white space. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A 52-bit hash of a text as quotes are matched: white space collapsed and trimmed, backticks
 * dropped (signal-export strips them from bodies but not from the quotes of them). A number, so
 * a long conversation keeps a few bytes per message instead of every text; at a million
 * messages a false match is about one in ten billion quotes.
 */
function textKey(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  };
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 96) continue;
    if (isSpace(c)) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) mix(32);
    pendingSpace = false;
    started = true;
    mix(c);
  }
  return (h1 >>> 0) * 0x100000 + (h2 >>> 12);
}

/**
 * Numbers the messages of one Signal conversation, sets their direction, links replies to the
 * latest earlier message with the quoted text, and streams them to the sink.
 */
export class SignalConversation {
  private count = 0;
  private readonly senders = new Map<string, Participant>();
  /** Text key → number of the latest message with that text. */
  private readonly latestWithText = new Map<number, number>();

  /** `owner`: the name the export gives the owner's own messages; undefined when it does not say. */
  constructor(private readonly sink: MessageSink, private readonly owner: string | undefined) {}

  get messageCount(): number {
    return this.count;
  }

  get participants(): Participant[] {
    return [...this.senders.values()];
  }

  add(draft: Draft): void {
    const position = ++this.count;
    let meta = draft.meta;
    let replyTo: string | null = null;
    if (draft.quote !== undefined) {
      const quoted = draft.quote.trim() === '' ? undefined : this.latestWithText.get(textKey(draft.quote));
      if (quoted === undefined) meta = { ...meta, quote: draft.quote };
      else replyTo = messageId(quoted);
    }
    const { sender } = draft;
    if (sender !== null && !this.senders.has(sender)) this.senders.set(sender, { name: sender });
    const message: Message = {
      id: messageId(position),
      timestamp: draft.timestamp,
      precision: draft.precision,
      sender,
      direction: sender === null || this.owner === undefined ? null : sender === this.owner ? 'outgoing' : 'incoming',
      kind: draft.kind,
      text: draft.text,
      attachments: draft.attachments,
      replyTo,
      source: { line: draft.line, lines: draft.lines },
    };
    if (meta) message.meta = meta;
    if (draft.kind !== 'system' && draft.text.trim() !== '') this.latestWithText.set(textKey(draft.text), position);
    this.sink.message(message);
  }
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** `2024-05-13T14:05:33` from date and time parts; null when no such moment exists. */
export function localTimestamp(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  if (!isExists(year, month - 1, day) || hour > 23 || minute > 59 || second > 59) return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

/** A reaction's emoji: no white space, and not plain ASCII (which would be text in parentheses). */
const EMOJI = /^(?=\S*[^\x00-\x7F])\S+$/;

/**
 * Reads `Name: 👍<sep>Other: ❤️` (the list inside signal-export's `(- … -)` or signalbackup-tools'
 * `( … )`); undefined when it is not such a list. A name may itself hold the separator.
 */
export function parseReactions(list: string, separator: string): Reaction[] | undefined {
  const reactions: Reaction[] = [];
  let pending = '';
  for (const part of list.split(separator)) {
    const item = pending + part;
    const colon = item.lastIndexOf(': ');
    if (colon <= 0) {
      pending = item + separator;
      continue;
    }
    const emoji = item.slice(colon + 2);
    if (!EMOJI.test(emoji)) return undefined;
    reactions.push({ by: item.slice(0, colon), emoji });
    pending = '';
  }
  return pending === '' && reactions.length > 0 ? reactions : undefined;
}
