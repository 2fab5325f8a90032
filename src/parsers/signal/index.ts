import * as path from 'node:path';
import type { Conversation } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { registerFormat, type ConversationInfo, type ExportFormat, type MessageSink, type ParseOptions } from '../registry';
import { decodeSample, readLines } from '../text';
import { BackupTextReader, rateBackupText, titleFromBackupFileName } from './backupText';
import { SignalConversation, type LineReader } from './conversation';
import { exportDraft, OWNER, type ExportRecord } from './exportRecord';
import { JsonLinesReader, rateJson } from './json';
import { MarkdownChatReader, rateMarkdown } from './markdown';

/** The three files this format reads: signal-export's data.json and chat.md, signalbackup-tools' text. */
type Variant = 'data.json' | 'chat.md' | 'exporttxt';

const RATERS: Record<Variant, (lines: string[], fileName: string) => number> = {
  'data.json': rateJson,
  'chat.md': rateMarkdown,
  exporttxt: rateBackupText,
};
const VARIANTS = Object.keys(RATERS) as Variant[];

/**
 * A signal-export chat folder holds chat.md and data.json with the same messages. Inside a zip
 * data.json is read: it is structured (quotes, reactions, stickers and deletions are fields, not
 * markdown to take apart) and holds one message a line. A picked file is read as it is.
 */
const CHAT_FILES_BY_PREFERENCE = ['data.json', 'chat.md'] as const;

/** One conversation of an export: the file itself, or a chat folder inside a zip. */
interface Chat {
  /** `--conversation` id: the chat folder's path inside a zip (`.` at its root), or the plain file's name. */
  id: string;
  /** The zip entry holding the chat; undefined for a plain file. */
  entry: string | undefined;
  variant: Variant;
  title: string;
  /** How messages name this chat's file. */
  what: string;
}

function stem(fileName: string): string {
  return path.parse(fileName).name;
}

/** Chat folders of a signal-export zip (a single chat's folder or the whole export), by path. */
function zipChats(input: ExportInput): Chat[] {
  const chosen = new Map<string, string>();
  for (const name of input.zip!.entries.keys()) {
    const base = path.posix.basename(name);
    if (!(CHAT_FILES_BY_PREFERENCE as readonly string[]).includes(base)) continue;
    const folder = path.posix.dirname(name);
    const current = chosen.get(folder);
    if (current === undefined || base === CHAT_FILES_BY_PREFERENCE[0]) chosen.set(folder, name);
  }
  return [...chosen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folder, entry]) => ({
    id: folder,
    entry,
    variant: path.posix.basename(entry) as Variant,
    title: folder === '.' ? stem(input.fileName) : path.posix.basename(folder),
    what: `${input.fileName} (${JSON.stringify(entry)})`,
  }));
}

/** The first lines of a file or entry, for rating; none for binary content. */
async function sampleLines(input: ExportInput, entry: string | undefined): Promise<string[]> {
  // A zip entry that cannot be read is the user's problem to hear about, not "no chat inside".
  const head = await input.head(entry);
  try {
    return decodeSample(head, input.fileName).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 40);
  } catch {
    return [];
  }
}

/** How sure the file or entry is of its best variant, and the sample that says so. */
async function rate(input: ExportInput, entry: string | undefined, variants: Variant[]): Promise<{ variant: Variant; score: number; lines: string[] }> {
  const lines = await sampleLines(input, entry);
  const fileName = path.posix.basename(entry ?? input.fileName);
  let best = { variant: variants[0], score: 0, lines };
  for (const variant of variants) {
    const score = RATERS[variant](lines, fileName);
    if (score > best.score) best = { variant, score, lines };
  }
  return best;
}

/** JSON lines that do not look like signal-export's are still read as data.json when it is forced, to say what is wrong. */
const JSON_OBJECT = /^\s*\{/;

async function plainChat(input: ExportInput): Promise<Chat> {
  const best = await rate(input, undefined, VARIANTS);
  let variant = best.variant;
  if (best.score === 0) {
    if (!JSON_OBJECT.test(best.lines.find((l) => l.trim() !== '') ?? '')) {
      throw new InputError(`${input.fileName}: no recognisable Signal messages (not a signal-export chat.md or data.json, nor a signalbackup-tools text export)`);
    }
    variant = 'data.json';
  }
  const title = (variant === 'exporttxt' && titleFromBackupFileName(input.fileName)) || stem(input.fileName);
  return { id: input.fileName, entry: undefined, variant, title, what: input.fileName };
}

async function chatsOf(input: ExportInput): Promise<Chat[]> {
  return input.zip ? zipChats(input) : [await plainChat(input)];
}

/** The conversation to read: the file itself, or the chat folder of a zip `--conversation` names. */
async function chosenChat(input: ExportInput, options: ParseOptions): Promise<Chat> {
  const chats = await chatsOf(input);
  if (chats.length === 0) throw new InputError(`${input.fileName} holds no Signal chat (a folder with chat.md or data.json)`);
  const ids = chats.map((c) => JSON.stringify(c.id)).join(', ');
  if (options.conversation !== undefined) {
    const chat = chats.find((c) => c.id === options.conversation);
    if (!chat) throw new InputError(`${input.fileName} has no Signal chat ${JSON.stringify(options.conversation)} (it has ${ids})`);
    return chat;
  }
  if (chats.length > 1) throw new InputError(`${input.fileName} holds ${chats.length} Signal chats (${ids}); choose one with --conversation`);
  return chats[0];
}

/** Where a zip keeps an attachment: its path (`media/x.jpg`) is relative to the chat's folder. */
function attachmentEntry(chatEntry: string, name: string): string {
  const folder = path.posix.dirname(chatEntry);
  return folder === '.' ? name : `${folder}/${name}`;
}

/** Whether an attachment's file (relative to the chat's folder) is in the export. */
async function presence(input: ExportInput, chat: Chat): Promise<(file: string) => boolean> {
  const zip = input.zip;
  if (zip) {
    const folder = path.posix.dirname(chat.entry!);
    return (file) => zip.entries.has(folder === '.' ? file : `${folder}/${file}`);
  }
  // signal-export keeps media in a `media/` folder beside chat.md: found when the listing of the
  // files beside the export names them as `media/<file>`.
  const beside = await input.siblings();
  return (file) => beside.has(file);
}

function readerFor(chat: Chat, options: ParseOptions, conversation: SignalConversation, present: (file: string) => boolean): LineReader {
  const addExport = (record: ExportRecord) => conversation.add(exportDraft(record, present));
  switch (chat.variant) {
    case 'data.json': return new JsonLinesReader(chat.what, options.timeZone, addExport);
    case 'chat.md': return new MarkdownChatReader(chat.what, addExport);
    case 'exporttxt': return new BackupTextReader(chat.what, present, (draft) => conversation.add(draft));
  }
}

async function parseChat(input: ExportInput, chat: Chat, options: ParseOptions, sink: MessageSink): Promise<Conversation> {
  // signal-export calls the owner `Me`; signalbackup-tools uses the owner's name without saying which it is.
  const conversation = new SignalConversation(sink, chat.variant === 'exporttxt' ? undefined : OWNER);
  const reader = readerFor(chat, options, conversation, await presence(input, chat));
  for await (const lines of readLines(input.open(chat.entry), chat.what)) {
    for (const line of lines) reader.line(line);
    if (sink.drain) await sink.drain();
    options.signal?.throwIfAborted();
  }
  reader.end();
  if (conversation.messageCount === 0) throw new InputError(`${chat.what}: no Signal messages in it`);
  return { title: chat.title, participants: conversation.participants };
}

export const signal: ExportFormat = {
  name: 'signal',
  label: 'Signal',
  chatEntry: async (input, options) => (await chosenChat(input, options)).entry,
  attachmentEntry,

  async sniff(input) {
    if (!input.zip) return (await rate(input, undefined, VARIANTS)).score;
    const chats = zipChats(input);
    if (chats.length === 0) return 0;
    return (await rate(input, chats[0].entry, [chats[0].variant])).score;
  },

  async parse(input, options, sink) {
    return parseChat(input, await chosenChat(input, options), options, sink);
  },

  async conversations(input, options) {
    const chats = await chatsOf(input);
    const infos: ConversationInfo[] = [];
    for (const chat of chats) {
      let messages = 0;
      await parseChat(input, chat, options, { message: () => messages++ });
      infos.push({ id: chat.id, title: chat.title, messages });
    }
    return infos;
  },
};

registerFormat(signal);
