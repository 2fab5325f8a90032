import type { ParsedExport } from '../../../src/model/conversation';
import { getFormat, type ConversationInfo, type ParseExportOptions } from '../../../src/parsers';
import { openExport, type ExportSource } from '../../../src/parsers/input';
import { fixtureFolder, fixtureReader, readChecked, writeChatFolder, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';

export const FIXTURE_NAMES = ['chat-group.json', 'chat-2019.json', 'export-full.json', 'export-one-chat.json'];

export const fixtureText = fixtureReader(fixtureFolder('telegram'));

export interface TelegramWrite {
  /** The export's file name; Telegram Desktop writes `result.json`. */
  as?: string;
  /** Files in the export folder, relative to it (`photos/photo_1@….jpg`). */
  media?: string[];
}

/** Writes a JSON text (or bytes) as an export folder and reads it with the API. */
export async function parseJson(json: string | Uint8Array, write: TelegramWrite = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return readChecked(writeExport(json, write), options);
}

export async function parseFixture(name: string, write: TelegramWrite = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseJson(fixtureText(name), write, options);
}

export function writeExport(json: string | Uint8Array, write: TelegramWrite = {}): string {
  return writeChatFolder(write.as ?? 'result.json', json, write.media);
}

/** A zip of an export folder (`ChatExport_…/result.json` and media beside it), read with the API. */
export async function parseZipped(json: string, media: string[] = [], folder = 'ChatExport_2024-01-13/'): Promise<ParsedExport> {
  const zip = await makeZip([{ name: `${folder}result.json`, data: json }, ...media.map((name) => ({ name: folder + name, data: 'media' }))]);
  return readChecked(writeFiles({ 'ChatExport_2024-01-13.zip': zip }));
}

export async function listConversations(source: ExportSource): Promise<ConversationInfo[]> {
  const input = await openExport(source);
  try {
    return await getFormat('telegram')!.conversations!(input, {});
  } finally {
    input.close();
  }
}
