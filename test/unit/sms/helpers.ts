import type { Message, ParsedExport } from '../../../src/model/conversation';
import type { ParseExportOptions } from '../../../src/parsers';
import { openExport, type ExportInput } from '../../../src/parsers/input';
import { sms } from '../../../src/parsers/sms';
import { fixtureFolder, fixtureReader, readChecked, writeFiles } from '../support/fixtures';

/** One thread (Dutch phone): every sms type, an MMS with text + image, an MMS of two text parts. */
export const SINGLE = 'sms-20240114120000.xml';
/** Five threads: 1:1 in two spellings of a number, a group MMS, an unknown number, a short code. */
export const MULTI = 'sms-20240715080000.xml';
export const GROUP = '+31600000001~+31600000002~+31600000003';
/** Tests read epoch times in one zone, whatever the machine's. */
export const TZ = 'Europe/Amsterdam';

export const fixtureText = fixtureReader(fixtureFolder('sms'));

/** Writes a backup (text or bytes) to a fresh folder and returns its path. */
export function writeBackup(data: string | Uint8Array, name = 'sms.xml'): string {
  return writeFiles({ [name]: data });
}

/** Reads a backup through the public API (format detection included), in the test zone. */
export async function parseBackup(data: string | Uint8Array, options: ParseExportOptions = {}, name = 'sms.xml'): Promise<ParsedExport> {
  return readChecked(writeBackup(data, name), { timeZone: TZ, ...options });
}

export async function openBackup(data: string | Uint8Array, name = 'sms.xml'): Promise<ExportInput> {
  return openExport(writeBackup(data, name));
}

/** An input whose bytes arrive in chunks of `size`, to cross every boundary a real file could. */
export function chunkedInput(bytes: Uint8Array, size: number, fileName = 'sms.xml'): ExportInput {
  return {
    fileName,
    zip: null,
    head: async () => bytes.subarray(0, 64 * 1024),
    async *open() {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    },
    siblings: async () => new Set(),
    close() {},
  };
}

export async function parseInput(input: ExportInput, options: ParseExportOptions = {}): Promise<Message[]> {
  const messages: Message[] = [];
  await sms.parse(input, { timeZone: TZ, ...options }, { message: (m) => messages.push(m) });
  return messages;
}

/** The lines of a text as the cleaner counts them (LF, CRLF or CR). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The lines a message's source names. */
export function sourceLines(text: string, m: Message): string[] {
  return linesOf(text).slice(m.source.line - 1, m.source.line - 1 + m.source.lines);
}
