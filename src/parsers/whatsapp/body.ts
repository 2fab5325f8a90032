import type { Message, MessageMeta } from '../../model/conversation';
import {
  ATTACHED_SUFFIX, ATTACHED_TAG, DELETED, DOCUMENT_DESCRIPTION, EDITED_SUFFIX, ENCRYPTION_NOTICE,
  LOCATION, MEDIA_OMITTED, MISSED_CALL, POLL_OPTION, POLL_START,
} from './strings';

const LRM = '\u200E';

/** Placeholders are short; longer bodies skip the set look-ups. */
const MAX_PLACEHOLDER = 64;

/** Removes the bidi marks WhatsApp wraps around names and numbers and normalises odd spaces. */
export function normalizeAuthor(author: string): string {
  return author.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[\u00A0\u202F]/g, ' ').trim();
}

function withoutFinalPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

/** The fields of a message that its body decides. */
export type BodyFields = Pick<Message, 'kind' | 'sender' | 'text' | 'meta'> & { attachmentNames: string[] | null };

/**
 * Tells what a message body is — a message, an event, a deletion or media — and strips the
 * generated markers (attachment tags, the edited note) from the text. `author` is null for
 * Android event lines; `body` is everything after `Author: `, continuation lines included.
 * `trustLrm`: a leading LRM marks a generated body (all iOS grammars that write one).
 * Runs once per message, so every regular expression sits behind a cheap guard.
 */
export function classifyBody(author: string | null, body: string, trustLrm: boolean): BodyFields {
  let generated = false;
  if (body.charCodeAt(0) === 0x200e) {
    generated = trustLrm;
    body = body.slice(1);
  }
  let meta: MessageMeta | undefined;
  const edited = body.endsWith('>') ? EDITED_SUFFIX.exec(body) : null;
  if (edited) {
    body = body.slice(0, edited.index);
    meta = { edited: true };
  }

  if (body.length <= MAX_PLACEHOLDER) {
    const plain = withoutFinalPeriod(body.trim());
    if (author !== null && DELETED.has(plain)) {
      return { kind: 'deleted', sender: author, text: '', meta: { ...meta, placeholder: body.trim() }, attachmentNames: null };
    }
    if (author !== null && MEDIA_OMITTED.has(plain)) {
      return { kind: 'media', sender: author, text: '', meta: { ...meta, placeholder: body.trim() }, attachmentNames: null };
    }
    if (MISSED_CALL.has(plain)) {
      return { kind: 'system', sender: null, text: body.trim(), meta: author === null ? meta : { ...meta, actor: author }, attachmentNames: null };
    }
  }
  if (author === null) return { kind: 'system', sender: null, text: body, meta, attachmentNames: null };

  const newline = body.indexOf('\n');
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  const attachedAndroid = firstLine.endsWith(')') ? ATTACHED_SUFFIX.exec(firstLine) : null;
  if (attachedAndroid) {
    const caption = newline < 0 ? '' : body.slice(newline + 1);
    return { kind: 'media', sender: author, text: caption, meta, attachmentNames: [attachedAndroid[1].replace(LRM, '')] };
  }
  const attachedIos = body.includes('<') ? ATTACHED_TAG.exec(body) : null;
  if (attachedIos) {
    let before = body.slice(0, attachedIos.index);
    if (DOCUMENT_DESCRIPTION.test(before)) before = '';
    const caption = (before + body.slice(attachedIos.index + attachedIos[0].length)).trim();
    return { kind: 'media', sender: author, text: caption, meta, attachmentNames: [attachedIos[1].trim()] };
  }
  const location = body.includes('://') ? LOCATION.exec(body) : null;
  if (location) meta = { ...meta, location: location[1] };
  const poll = firstLine.includes(':') ? POLL_START.exec(firstLine) : null;
  if (poll) meta = { ...meta, poll: readPoll(poll[1], newline < 0 ? '' : body.slice(newline + 1)) };

  if (generated && !location && !poll) return { kind: 'system', sender: null, text: body, meta, attachmentNames: null };
  if (body.includes('end-to-end') && ENCRYPTION_NOTICE.test(body)) return { kind: 'system', sender: null, text: body, meta, attachmentNames: null };
  return { kind: 'message', sender: author, text: body, meta, attachmentNames: null };
}

function readPoll(firstLineRest: string, rest: string): NonNullable<MessageMeta['poll']> {
  let question = firstLineRest.trim();
  const options: { text: string; votes: number }[] = [];
  for (const line of rest.length > 0 ? rest.split('\n') : []) {
    // iOS marks each generated line of a poll with an LRM.
    const plain = line.replace(LRM, '').trim();
    const option = POLL_OPTION.exec(plain);
    if (option) options.push({ text: option[1], votes: Number(option[2]) });
    else if (!question && plain) question = plain;
  }
  return { question, options };
}
