import type { Attachment, MessageKind, MessageMeta } from '../../model/conversation';
import {
  ATTACHED_SUFFIX, ATTACHED_TAG, DELETED, DOCUMENT_DESCRIPTION, EDITED_SUFFIX, ENCRYPTION_NOTICE,
  LOCATION, MEDIA_OMITTED, MISSED_CALL, POLL_OPTION, POLL_START,
} from './strings';

const LRM = '\u200E';

export interface ClassifiedBody {
  kind: MessageKind;
  /** The author, or null when the line is an event rather than someone's message. */
  sender: string | null;
  text: string;
  attachmentNames: string[];
  meta: MessageMeta | undefined;
}

/** Removes the bidi marks WhatsApp wraps around names and numbers and normalises odd spaces. */
export function normalizeAuthor(author: string): string {
  return author.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[\u00A0\u202F]/g, ' ').trim();
}

function withoutFinalPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

/**
 * Tells what a message body is: a message, an event, a deletion or media, and strips the
 * generated markers (attachment tags, the edited note) from the text. `author` is null for
 * Android event lines; `body` is everything after `Author: ` including continuation lines.
 */
export function classifyBody(author: string | null, body: string, trustLrm: boolean): ClassifiedBody {
  let generated = false;
  if (body.charCodeAt(0) === 0x200e) {
    generated = trustLrm;
    body = body.slice(1);
  }
  const meta: MessageMeta = {};
  const edited = EDITED_SUFFIX.exec(body);
  if (edited) {
    body = body.slice(0, edited.index);
    meta.edited = true;
  }
  const result = (kind: MessageKind, sender: string | null, text: string, attachmentNames: string[] = []): ClassifiedBody =>
    ({ kind, sender, text, attachmentNames, meta: Object.keys(meta).length > 0 ? meta : undefined });

  const plain = withoutFinalPeriod(body.trim());
  if (author !== null && DELETED.has(plain)) {
    meta.placeholder = body.trim();
    return result('deleted', author, '');
  }
  if (author !== null && MEDIA_OMITTED.has(plain)) {
    meta.placeholder = body.trim();
    return result('media', author, '');
  }
  if (MISSED_CALL.has(plain)) {
    if (author !== null) meta.actor = author;
    return result('system', null, body.trim());
  }
  if (author === null) return result('system', null, body);

  const newline = body.indexOf('\n');
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  const attachedAndroid = ATTACHED_SUFFIX.exec(firstLine);
  if (attachedAndroid) {
    const caption = newline < 0 ? '' : body.slice(newline + 1);
    return result('media', author, caption, [attachedAndroid[1].replace(LRM, '')]);
  }
  const attachedIos = ATTACHED_TAG.exec(body);
  if (attachedIos) {
    let before = body.slice(0, attachedIos.index);
    if (DOCUMENT_DESCRIPTION.test(before)) before = '';
    const caption = (before + body.slice(attachedIos.index + attachedIos[0].length)).trim();
    return result('media', author, caption, [attachedIos[1].trim()]);
  }
  const location = LOCATION.exec(body);
  if (location) meta.location = location[1];
  const poll = POLL_START.exec(firstLine);
  if (poll) meta.poll = readPoll(poll[1], body.slice(firstLine.length + 1));

  if (generated && !location && !poll) return result('system', null, body);
  if (ENCRYPTION_NOTICE.test(body)) return result('system', null, body);
  return result('message', author, body);
}

function readPoll(firstLineRest: string, rest: string): NonNullable<MessageMeta['poll']> {
  const lines = rest.length > 0 ? rest.split('\n') : [];
  let question = firstLineRest.trim();
  const options: { text: string; votes: number }[] = [];
  for (const line of lines) {
    const option = POLL_OPTION.exec(line.replace(LRM, '').trim());
    if (option) options.push({ text: option[1], votes: Number(option[2]) });
    else if (!question && line.trim()) question = line.trim();
  }
  return { question, options };
}

export function toAttachments(names: string[], present: (name: string) => boolean): Attachment[] {
  return names.map((name) => ({ name, present: present(name) }));
}
