import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedExport, type Attachment, type Direction, type Message, type MessageKind, type MessageMeta, type Precision } from '../../../src/model/conversation';
import { InputError } from '../../../src/model/errors';
import { readExport, type ParseExportOptions } from '../../../src/parsers';
import { encode, unmark, writeFiles, type WriteOptions } from '../support/fixtures';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/imessage');

/** A fixture's text with `‹BOM›`-style marks turned into the characters. */
export function fixtureText(name: string): string {
  return unmark(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Writes a text (in the given bytes, with files beside it) and reads it with the API. */
export async function parseText(text: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  const files: Record<string, string | Uint8Array> = { [write.as ?? 'chat.txt']: encode(text, write.encoding, write.eol) };
  for (const name of write.beside ?? []) files[name] = 'media';
  const result = await readExport(writeFiles(files), options);
  ParsedExport.parse(result);
  return result;
}

export async function parseFixture(name: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseText(fixtureText(name), { as: name, ...write }, options);
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

/** The fields a test pins, without id and source (checked separately). */
export function summary(m: Message) {
  const { timestamp, sender, direction, kind, text, attachments, replyTo, meta } = m;
  return { timestamp, sender, direction, kind, text, attachments, replyTo, meta };
}

/** One expected message; id follows from the position, direction from the sender (`Me` is the owner). */
export interface Row {
  ts: string;
  sender: string | null;
  text: string;
  src: [line: number, lines: number];
  kind?: MessageKind;
  direction?: Direction | null;
  att?: Attachment[];
  replyTo?: string;
  meta?: MessageMeta;
  precision?: Precision;
}

export function expectedMessage(r: Row, index: number): Message {
  const m: Message = {
    id: 'm' + String(index + 1).padStart(6, '0'),
    timestamp: r.ts,
    precision: r.precision ?? 'second',
    sender: r.sender,
    direction: r.direction !== undefined ? r.direction : r.sender === null ? null : r.sender === 'Me' ? 'outgoing' : 'incoming',
    kind: r.kind ?? (r.sender === null ? 'system' : 'message'),
    text: r.text,
    attachments: r.att ?? [],
    replyTo: r.replyTo ?? null,
    source: { line: r.src[0], lines: r.src[1] },
  };
  if (r.meta) m.meta = r.meta;
  return m;
}

/** Compares message by message first, so a failure names the message that differs. */
export function assertMessages(actual: Message[], rows: Row[]): void {
  for (let i = 0; i < Math.max(actual.length, rows.length); i++) {
    assert.deepEqual(actual[i], rows[i] && expectedMessage(rows[i], i), `message ${i + 1}`);
  }
}
