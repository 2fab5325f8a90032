import type { MessageMeta, Precision } from '../../model/conversation';
import type { Draft, Reaction } from './conversation';

/** The name signal-export gives the owner's own messages. */
export const OWNER = 'Me';

/**
 * One signal-export message as both chat.md and data.json describe it; the two readers differ
 * only in syntax and fill this in.
 */
export interface ExportRecord {
  timestamp: string;
  precision: Precision;
  sender: string;
  /** The body as written, with the markdown line break (two spaces) signal-export appends. */
  body: string;
  /** The quoted text of a reply, undefined when the message quotes nothing. */
  quote: string | undefined;
  /** The sticker's emoji or label. */
  sticker: string | undefined;
  reactions: Reaction[];
  /** `file`: the attachment's path relative to the chat folder (`media/kade noord.jpg`). */
  attachments: { name: string; file: string }[];
  deleted: boolean;
  line: number;
  lines: number;
}

/** Call events signal-export writes as a body of the caller or callee (`Missed voice call`). */
const CALL = /^(?:Incoming|Outgoing|Missed) (?:(?:voice|video) )?call(?: \([^()\n]*\))?$/;

/**
 * An attachment path as signal-export writes it (`media/kade%20noord.jpg`, with `./` in chat.md):
 * white space became `%20`, nothing else was escaped.
 */
export function mediaFile(linkPath: string): string {
  return linkPath.replace(/^\.\//, '').replace(/%20/g, ' ');
}

/** `> a`, `> b` → `a\nb`: the lines of a quote block without their markers. */
export function unquoteLines(lines: string[]): string {
  return lines.map((l) => l.replace(/^> ?/, '')).join('\n');
}

/**
 * Turns a signal-export message into a draft: its kind, its text without markdown breaks, its
 * media. (Runs for every message: plain literals, no object spread, which is slow here.)
 */
export function exportDraft(record: ExportRecord, present: (file: string) => boolean): Draft {
  const draft: Draft = {
    timestamp: record.timestamp, precision: record.precision, sender: record.sender, kind: 'message', text: '', attachments: [],
    line: record.line, lines: record.lines,
  };
  if (record.deleted) {
    draft.kind = 'deleted';
    return draft;
  }
  draft.text = record.body.trimEnd();
  if (CALL.test(draft.text)) {
    draft.sender = null;
    draft.kind = 'system';
    draft.meta = { actor: record.sender };
    return draft;
  }
  // An attachment is named by its path in the chat folder (`media/x.jpg`): where the cleaner and previews find it.
  if (record.attachments.length > 0) draft.attachments = record.attachments.map((a) => ({ name: a.file, present: present(a.file) }));
  if (draft.attachments.length > 0 || record.sticker !== undefined) draft.kind = 'media';
  if (record.quote !== undefined) draft.quote = record.quote;
  if (record.reactions.length > 0 || record.sticker !== undefined) {
    const meta: MessageMeta = {};
    if (record.reactions.length > 0) meta.reactions = record.reactions;
    if (record.sticker !== undefined) meta.sticker = record.sticker;
    draft.meta = meta;
  }
  return draft;
}
