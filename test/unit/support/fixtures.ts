import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ParsedExport } from '../../../src/model/conversation';
import { readExport, type ExportSource, type ParseExportOptions } from '../../../src/parsers';

const MARKS: Record<string, string> = {
  LRM: '\u200E', RLM: '\u200F', NBSP: '\u00A0', NNBSP: '\u202F', LRE: '\u202A', PDF: '\u202C', BOM: '\uFEFF',
};

/** A text with `‹LRM›`-style marks (how fixtures show invisible characters) turned into the characters. */
export function unmark(text: string): string {
  return text.replace(/‹(\w+)›/g, (all, mark: string) => MARKS[mark] ?? all);
}

/** test/fixtures/<format>: a format's sample exports. */
export function fixtureFolder(format: string): string {
  return path.resolve(__dirname, '../../fixtures', format);
}

/** Reads the fixtures of a folder as text, marks turned into the characters. */
export function fixtureReader(folder: string): (name: string) => string {
  return (name) => unmark(fs.readFileSync(path.join(folder, name), 'utf8'));
}

export const FIXTURES = fixtureFolder('whatsapp');

/** A WhatsApp fixture's chat, marks turned into the characters, LF line ends. */
export const fixtureText = fixtureReader(FIXTURES);

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';
export type LineEnd = '\n' | '\r\n' | '\r';
export const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'];
export const LINE_ENDS: LineEnd[] = ['\n', '\r\n', '\r'];

/** The bytes of an LF text written with another encoding and other line ends. */
export function encode(text: string, encoding: Encoding = 'utf-8', eol: LineEnd = '\n'): Buffer {
  const body = text.replace(/\n/g, eol);
  switch (encoding) {
    case 'utf-8': return Buffer.from(body, 'utf8');
    case 'utf-8-bom': return Buffer.from('\uFEFF' + body, 'utf8');
    case 'utf-16le': return Buffer.from(body, 'utf16le');
    case 'utf-16le-bom': return Buffer.from('\uFEFF' + body, 'utf16le');
    case 'utf-16be-bom': return Buffer.from('\uFEFF' + body, 'utf16le').swap16();
  }
}

const made: string[] = [];

/** A fresh folder under the system temp dir, removed after the run. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-unit-'));
  made.push(dir);
  return dir;
}

after(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes files into a fresh folder; returns the path of the first. */
export function writeFiles(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return path.join(dir, Object.keys(files)[0]);
}

export interface WriteOptions {
  /** The file name the export gets (title guesses depend on it). */
  as?: string;
  encoding?: Encoding;
  eol?: LineEnd;
  /** Other files in the same folder, e.g. media beside an unzipped chat. */
  beside?: string[];
}

/** Writes a chat file into a fresh folder with stand-in media files beside it; returns the chat file's path. */
export function writeChatFolder(name: string, data: string | Uint8Array, media: string[] = []): string {
  const files: Record<string, string | Uint8Array> = { [name]: data };
  for (const file of media) files[file] = 'media';
  return writeFiles(files);
}

/** Reads an export with the API and holds the result to the contract's schema. */
export async function readChecked(source: ExportSource, options: ParseExportOptions = {}): Promise<ParsedExport> {
  const result = await readExport(source, options);
  ParsedExport.parse(result);
  return result;
}

/** Writes a text in the given bytes (as `chat.txt` unless named) and reads it with the API. */
export async function parseText(text: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return readChecked(writeChatFolder(write.as ?? 'chat.txt', encode(text, write.encoding, write.eol), write.beside), options);
}

/** Writes a WhatsApp fixture in the given bytes, under its own name, and reads it with the API. */
export async function parseFixture(fixture: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseText(fixtureText(fixture), { as: fixture, ...write }, options);
}
