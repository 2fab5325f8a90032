import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedExport, type Message } from '../../../src/model/conversation';
import { InputError } from '../../../src/model/errors';
import { getFormat, readExport, type ConversationInfo, type ParseExportOptions } from '../../../src/parsers';
import { openExport, type ExportSource } from '../../../src/parsers/input';
import { writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/telegram');
export const FIXTURE_NAMES = ['chat-group.json', 'chat-2019.json', 'export-full.json', 'export-one-chat.json'];

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export interface TelegramWrite {
  /** The export's file name; Telegram Desktop writes `result.json`. */
  as?: string;
  /** Files in the export folder, relative to it (`photos/photo_1@….jpg`). */
  media?: string[];
}

/** Writes a JSON text (or bytes) as an export folder and reads it with the API. */
export async function parseJson(json: string | Uint8Array, write: TelegramWrite = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return read(writeExport(json, write), options);
}

export async function parseFixture(name: string, write: TelegramWrite = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseJson(fixtureText(name), write, options);
}

export function writeExport(json: string | Uint8Array, write: TelegramWrite = {}): string {
  const files: Record<string, string | Uint8Array> = { [write.as ?? 'result.json']: json };
  for (const name of write.media ?? []) files[name] = 'media';
  return writeFiles(files);
}

/** A zip of an export folder (`ChatExport_…/result.json` and media beside it), read with the API. */
export async function parseZipped(json: string, media: string[] = [], folder = 'ChatExport_2024-01-13/'): Promise<ParsedExport> {
  const zip = await makeZip([{ name: `${folder}result.json`, data: json }, ...media.map((name) => ({ name: folder + name, data: 'media' }))]);
  return read(writeFiles({ 'ChatExport_2024-01-13.zip': zip }));
}

export async function read(source: ExportSource, options: ParseExportOptions = {}): Promise<ParsedExport> {
  const result = await readExport(source, options);
  ParsedExport.parse(result);
  return result;
}

export async function listConversations(source: ExportSource): Promise<ConversationInfo[]> {
  const input = await openExport(source);
  try {
    return await getFormat('telegram')!.conversations!(input, {});
  } finally {
    input.close();
  }
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

/** A message without the fields that follow from its position: id, source, replyTo. */
export function content(m: Message): Omit<Message, 'id' | 'source' | 'replyTo'> {
  const { id: _id, source: _source, replyTo: _replyTo, ...rest } = m;
  return rest;
}
