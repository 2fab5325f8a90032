import type { Conversation } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { registerFormat, type ConversationInfo, type ExportFormat, type ParseOptions } from '../registry';
import { decodeSample } from '../text';
import { checkTimeZone } from '../time';
import { readBackup, type BackupMessage, type LineLayout } from './backupReader';
import { ownerLabel, ThreadMessages } from './messages';
import { partBytes } from './mmsPart';
import { conversationKey, describeConversations, ThreadBook } from './threads';

/** What one pass over a backup tells: its conversations and whether it can be cleaned by lines. */
export interface BackupSurvey extends LineLayout {
  conversations: ConversationInfo[];
}

function refuseZip(input: ExportInput): void {
  if (input.zip) throw new InputError(`${input.fileName} is a zip; give the SMS Backup & Restore .xml file itself`);
}

/** Lists the conversations (threads) of a backup in one streaming pass. */
export async function surveyBackup(input: ExportInput, options: ParseOptions = {}): Promise<BackupSurvey> {
  refuseZip(input);
  const book = new ThreadBook();
  const layout = await readBackup(input, (m) => void book.add(m), { signal: options.signal });
  return { conversations: book.list(), ...layout };
}

/**
 * For the cleaner, which removes a message by deleting its lines: refuses a backup in which a
 * message element shares a line with other markup (a file written on one line, say). Such a
 * file parses, but its `source` lines overlap.
 */
export async function checkLinesExclusive(input: ExportInput): Promise<void> {
  const { sharedLine } = await surveyBackup(input);
  if (sharedLine !== undefined) {
    throw new InputError(`${input.fileName}: line ${sharedLine} holds a message together with other XML, so its messages cannot be removed line by line; `
      + 'write each <sms> and <mms> on lines of its own, as SMS Backup & Restore does, before cleaning');
  }
}

/** The key of the thread to read: the one `--conversation` names, or the file's only one. */
async function chooseThread(input: ExportInput, options: ParseOptions): Promise<string> {
  if (options.conversation !== undefined) return conversationKey(options.conversation);
  const { conversations } = await surveyBackup(input, options);
  if (conversations.length === 0) throw new InputError(`${input.fileName} holds no messages`);
  if (conversations.length > 1) {
    throw new InputError(`${input.fileName} holds ${conversations.length} conversations; pick one with --conversation: ${describeConversations(conversations)}`);
  }
  return conversationKey(conversations[0].id);
}

function noSuchConversation(input: ExportInput, id: string, book: ThreadBook): InputError {
  const list = book.list();
  return new InputError(list.length === 0 ? `${input.fileName} holds no messages`
    : `${input.fileName} has no conversation "${id}"; it holds: ${describeConversations(list)}`);
}

/**
 * Streams the decoded bytes of an MMS attachment: `attachmentIndex` counts the message's
 * `attachments` from 0, `messageId` numbers messages within the conversation as `parse` does.
 * Part data is never kept while parsing; this reads the file again to where the part is.
 */
export async function* readMmsPart(
  input: ExportInput,
  conversationId: string | undefined,
  messageId: string,
  attachmentIndex: number,
): AsyncGenerator<Uint8Array> {
  const what = input.fileName;
  const wanted = /^m\d{6,}$/.test(messageId) ? Number(messageId.slice(1)) : NaN;
  if (!wanted) throw new InputError(`"${messageId}" is not a message id (m000001…)`);
  const key = await chooseThread(input, { conversation: conversationId });
  const book = new ThreadBook();
  let position = 0;
  let found: BackupMessage | undefined;
  await readBackup(input, (m) => {
    if (book.add(m) !== key || ++position !== wanted) return undefined;
    found = m;
    return 'stop';
  });
  if (position === 0) throw noSuchConversation(input, conversationId ?? '', book);
  if (!found) {
    const conversation = conversationId === undefined ? 'the conversation' : `conversation ${conversationId}`;
    throw new InputError(`${what}: ${conversation} has no message ${messageId} (it has ${position})`);
  }
  const attachment = found.attachments[attachmentIndex];
  if (!attachment) throw new InputError(`${what}: ${messageId} has no attachment ${attachmentIndex} (it has ${found.attachments.length})`);
  if (!attachment.present || !attachment.data) throw new InputError(`${what}: the file holds no data for ${attachment.name} of ${messageId}`);
  yield* partBytes(input.open(), attachment.data, what);
}

export const sms: ExportFormat = {
  name: 'sms',
  label: 'SMS Backup & Restore',

  async sniff(input) {
    if (input.zip) return 0;
    let sample: string;
    try {
      sample = decodeSample(await input.head(), input.fileName);
    } catch {
      return 0;
    }
    // What may precede the root: the XML declaration, comments, a DOCTYPE (refused when parsing).
    const body = sample.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/g, '');
    if (!/^\s*<smses[\s/>]/.test(body)) return 0;
    return /<(?:sms|mms)[\s/>]/.test(body) ? 1 : 0.9;
  },

  async parse(input, options, sink): Promise<Conversation> {
    refuseZip(input);
    checkTimeZone(options.timeZone);
    const key = await chooseThread(input, options);
    const book = new ThreadBook();
    const thread = new ThreadMessages(book, key, ownerLabel(decodeSample(await input.head(), input.fileName)), options.timeZone);
    await readBackup(input, (m) => {
      if (book.add(m) === key) sink.message(thread.message(m));
      else sink.skipped?.({ line: m.line, lines: m.lines });
    }, { signal: options.signal, drain: sink.drain?.bind(sink) });
    if (thread.messageCount === 0) throw noSuchConversation(input, options.conversation ?? '', book);
    return thread.conversation();
  },

  async conversations(input, options) {
    return (await surveyBackup(input, options)).conversations;
  },
};

registerFormat(sms);
