import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ParsedExport, type Attachment, type Message, type MessageKind, type MessageMeta, type Precision } from '../../../src/model/conversation';
import { readExport, type ParseExportOptions } from '../../../src/parsers';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/whatsapp');

const MARKS: Record<string, string> = {
  LRM: '\u200E', RLM: '\u200F', NBSP: '\u00A0', NNBSP: '\u202F', LRE: '\u202A', PDF: '\u202C', BOM: '\uFEFF',
};

/** A fixture's chat with `‹LRM›`-style marks turned into the characters, LF line ends. */
export function fixtureText(name: string): string {
  return unmark(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

export function unmark(text: string): string {
  return text.replace(/‹(\w+)›/g, (all, mark: string) => MARKS[mark] ?? all);
}

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

/** Writes a fixture (or a literal text) in the given bytes and reads it with the API. */
export async function parseFixture(fixture: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseText(fixtureText(fixture), { as: fixture, ...write }, options);
}

export async function parseText(text: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  const files: Record<string, string | Uint8Array> = { [write.as ?? 'chat.txt']: encode(text, write.encoding, write.eol) };
  for (const name of write.beside ?? []) files[name] = 'media';
  const result = await readExport(writeFiles(files), options);
  ParsedExport.parse(result);
  return result;
}

/** One expected message; id, direction and replyTo follow from the conventions. */
export interface Row {
  ts: string;
  sender: string | null;
  kind: MessageKind;
  text: string;
  src: [line: number, lines: number];
  att?: Attachment[];
  meta?: MessageMeta;
}

export function expectedMessages(rows: Row[], precision: Precision): Message[] {
  return rows.map((r, i) => {
    const m: Message = {
      id: 'm' + String(i + 1).padStart(6, '0'),
      timestamp: r.ts,
      precision,
      sender: r.sender,
      direction: null,
      kind: r.kind,
      text: r.text,
      attachments: r.att ?? [],
      replyTo: null,
      source: { line: r.src[0], lines: r.src[1] },
    };
    if (r.meta) m.meta = r.meta;
    return m;
  });
}

/** Compares message by message first, so a failure names the message that differs. */
export function assertMessages(actual: Message[], rows: Row[], precision: Precision): void {
  const expected = expectedMessages(rows, precision);
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    assert.deepEqual(actual[i], expected[i], `message ${i + 1}`);
  }
}

export function participants(...names: string[]): { name: string }[] {
  return names.map((name) => ({ name }));
}
