import * as path from 'node:path';
import type { Conversation } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { registerFormat, type ConversationInfo, type ExportFormat, type MessageSink, type ParseOptions } from '../registry';
import { decodeSample, sniffEncoding } from '../text';
import { TelegramConversation } from './message';
import { readTelegramJson, type TelegramChat, type TelegramFile } from './reader';
import { CHAT_TYPES, UNNAMED_CHAT_TITLES } from './strings';

export { withoutDanglingComma } from './layout';

/** Telegram Desktop writes `result.json`; in a zip of the export folder, the shallowest one. */
export function findResultEntry(input: ExportInput): string | undefined {
  if (!input.zip) return undefined;
  const depth = (name: string) => name.split('/').length;
  return [...input.zip.entries.keys()]
    .filter((name) => path.posix.basename(name) === 'result.json')
    .sort((a, b) => depth(a) - depth(b))[0];
}

/** Where a zip keeps a file a message names: paths are relative to the folder of result.json. */
export function attachmentEntry(resultEntry: string, name: string): string {
  const folder = path.posix.dirname(resultEntry);
  return folder === '.' ? name : `${folder}/${name}`;
}

const SINGLE_CHAT_START = /^\{\s*"(?:name|type|id)":/;
const FULL_EXPORT_START = /^\{\s*"about":\s*"/;
const FULL_EXPORT_SECTION = /"(?:personal_information|profile_pictures|contacts|frequent_contacts|sessions|chats|left_chats)":\s*[{[]/;
const CHAT_TYPE = new RegExp(`"type":\\s*"(?:${CHAT_TYPES.join('|')})"`);
const MESSAGE_LIST = /"messages":\s*\[/;

/** `--conversation` takes the chat's Telegram id; a chat without one its position. */
function conversationId(chat: TelegramChat): string {
  return chat.id ?? String(chat.position);
}

function chatTitle(chat: TelegramChat): string {
  if (chat.name) return chat.name;
  const unnamed = UNNAMED_CHAT_TITLES[chat.type ?? ''];
  if (unnamed) return unnamed;
  return chat.name === null ? 'Deleted Account' : `Chat ${conversationId(chat)}`;
}

function listing(chats: TelegramChat[]): string {
  return chats.map((c) => `${conversationId(c)} "${chatTitle(c)}" (${c.messages} message${c.messages === 1 ? '' : 's'})`).join(', ');
}

interface TelegramSource {
  entry: string | undefined;
  /** The file (and zip entry) as error messages name it. */
  what: string;
  /** Whether a path relative to the export folder (`photos/photo_1@….jpg`) is in the export. */
  present(relativePath: string): boolean;
}

async function openSource(input: ExportInput): Promise<TelegramSource> {
  const entry = findResultEntry(input);
  if (input.zip && !entry) throw new InputError(`${input.fileName} holds no Telegram Desktop export (result.json)`);
  const what = entry ? `${input.fileName} (${JSON.stringify(entry)})` : input.fileName;
  const encoding = sniffEncoding(await input.head(entry), what);
  if (encoding !== 'utf-8') throw new InputError(`${what} is ${encoding.toUpperCase()} text; Telegram Desktop writes UTF-8 JSON`);
  const zip = input.zip;
  if (zip) return { entry, what, present: (name) => zip.entries.has(attachmentEntry(entry!, name)) };
  // ExportInput names the files beside a plain file, not yet those in its folders (photos/…):
  // until it can, those read as not present.
  const siblings = await input.siblings();
  return { entry, what, present: (p) => siblings.has(p) };
}

interface Pass {
  file: TelegramFile;
  chat?: TelegramChat;
  conversation?: TelegramConversation;
}

/**
 * One streaming pass over the file: every chat is listed, the chosen one (if any) read. With
 * `reportOthers`, the messages of the other chats go to the sink as skipped lines.
 */
async function readPass(input: ExportInput, source: TelegramSource, options: ParseOptions, sink: MessageSink | undefined,
  choose: (chat: TelegramChat) => boolean, reportOthers = false): Promise<Pass> {
  let chat: TelegramChat | undefined;
  let conversation: TelegramConversation | undefined;
  let ownerId: string | undefined;
  const file = await readTelegramJson(input.open(source.entry), source.what, {
    personal(info) {
      const id = (info as { user_id?: unknown } | null)?.user_id;
      if (typeof id === 'number' || typeof id === 'string') ownerId = `user${id}`;
    },
    select(candidate) {
      // Chat ids are unique in a real export; should one repeat, only its first chat is read.
      if (!sink || chat || !choose(candidate)) return false;
      chat = candidate;
      conversation = new TelegramConversation({ what: source.what, ownerId, present: source.present, timeZone: options.timeZone });
      return true;
    },
    message(value, ref) {
      sink!.message(conversation!.read(value, ref));
    },
    skipped: reportOthers && sink?.skipped ? (ref) => sink.skipped!(ref) : undefined,
    async afterChunk() {
      if (sink?.drain) await sink.drain();
      options.signal?.throwIfAborted();
    },
  });
  return { file, chat, conversation };
}

export const telegram: ExportFormat = {
  name: 'telegram',
  label: 'Telegram Desktop',
  chatEntry: async (input) => findResultEntry(input),
  attachmentEntry,

  async sniff(input) {
    const entry = findResultEntry(input);
    if (input.zip && !entry) return 0;
    let sample: string;
    try {
      sample = decodeSample(await input.head(entry), input.fileName);
    } catch {
      return 0;
    }
    const text = sample.replace(/^\uFEFF/, '').trimStart();
    if (SINGLE_CHAT_START.test(text) && CHAT_TYPE.test(text) && MESSAGE_LIST.test(text)) return 0.95;
    if (FULL_EXPORT_START.test(text) && FULL_EXPORT_SECTION.test(text)) return 0.95;
    return 0;
  },

  /**
   * A single-chat export, or a full export holding one chat, reads as it is; a full export with
   * more chats needs `options.conversation` (a chat id). Without it, one pass lists the chats,
   * and a second reads the only one if that is what the list holds.
   */
  async parse(input, options, sink): Promise<Conversation> {
    const source = await openSource(input);
    const wanted = options.conversation;
    // Only a chosen chat has others beside it: a single-chat file or a one-chat export has none.
    let pass = await readPass(input, source, options, sink,
      wanted === undefined ? (chat) => chat.position === 0 : (chat) => conversationId(chat) === wanted, wanted !== undefined);
    if (!pass.chat) {
      const chats = pass.file.chats;
      if (wanted !== undefined) throw new InputError(`${source.what} has no conversation "${wanted}"; it holds ${listing(chats) || 'no chats'}`);
      if (chats.length === 0) throw new InputError(`${source.what} is a Telegram Desktop export without chats`);
      if (chats.length > 1) throw new InputError(`${source.what} holds ${chats.length} conversations; choose one with --conversation: ${listing(chats)}`);
      const only = chats[0];
      pass = await readPass(input, source, options, sink, (chat) => chat.position === only.position);
    }
    return { title: chatTitle(pass.chat!), participants: pass.conversation!.senders };
  },

  async conversations(input, options): Promise<ConversationInfo[]> {
    const source = await openSource(input);
    const { file } = await readPass(input, source, options, undefined, () => false);
    return file.chats.map((chat) => ({ id: conversationId(chat), title: chatTitle(chat), messages: chat.messages }));
  },
};

registerFormat(telegram);
