import type { ParsedExport } from '../../../src/model/conversation';
import type { ParseExportOptions } from '../../../src/parsers';
import { encode, fixtureFolder, fixtureReader, readChecked, writeChatFolder, type Encoding, type LineEnd } from '../support/fixtures';

/** The current signal-export chat (chat.md and data.json hold the same 14 messages). */
export const CHAT_MD = 'chat-2024.md';
export const DATA_JSON = 'data-2024.json';
/** An old signal-export chat.md: `[2019-12-24, 12:23] `, no empty line between messages. */
export const CHAT_MD_2019 = 'chat-2019.md';
export const BACKUP_TXT = 'Crisisteam Hoogwater (_id12).txt';

export const fixtureText = fixtureReader(fixtureFolder('signal'));

export interface ChatFolder {
  /** The chat file's name in the folder: chat.md, data.json, or another. */
  as: string;
  text: string;
  encoding?: Encoding;
  eol?: LineEnd;
  /** Other files in the folder, e.g. `media/kaart.png`. */
  beside?: string[];
}

/** Writes a chat folder and returns the chat file's path. */
export function writeChat({ as, text, encoding, eol, beside = [] }: ChatFolder): string {
  return writeChatFolder(as, encode(text, encoding, eol), beside);
}

export async function parseChat(folder: ChatFolder, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return readChecked(writeChat(folder), options);
}
