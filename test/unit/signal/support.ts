import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedExport, type Message } from '../../../src/model/conversation';
import { InputError } from '../../../src/model/errors';
import { readExport, type ParseExportOptions } from '../../../src/parsers';
import { encode, writeFiles, type Encoding, type LineEnd } from '../support/fixtures';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/signal');

/** The current signal-export chat (chat.md and data.json hold the same 14 messages). */
export const CHAT_MD = 'chat-2024.md';
export const DATA_JSON = 'data-2024.json';
/** An old signal-export chat.md: `[2019-12-24, 12:23] `, no empty line between messages. */
export const CHAT_MD_2019 = 'chat-2019.md';
export const BACKUP_TXT = 'Crisisteam Hoogwater (_id12).txt';

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

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
  const files: Record<string, string | Uint8Array> = { [as]: encode(text, encoding, eol) };
  for (const name of beside) files[name] = 'media';
  return writeFiles(files);
}

/** Reads an export with the API and holds the result to the contract's schema. */
export async function parsed(source: Parameters<typeof readExport>[0], options: ParseExportOptions = {}): Promise<ParsedExport> {
  const result = await readExport(source, options);
  ParsedExport.parse(result);
  return result;
}

export async function parseChat(folder: ChatFolder, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parsed(writeChat(folder), options);
}

/** The one-line InputError a promise rejects with. */
export async function inputError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, not ${String(e)}`);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e.message;
  }
  assert.fail('no error');
}

/** Messages without what depends on their place in a file, to compare two files' messages. */
export function content(messages: Message[]): Omit<Message, 'id' | 'source' | 'replyTo'>[] {
  return messages.map(({ id: _id, source: _source, replyTo: _replyTo, ...rest }) => rest);
}
