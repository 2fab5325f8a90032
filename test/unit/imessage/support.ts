import type { Message, MessageKind, ParsedExport, Precision } from '../../../src/model/conversation';
import type { ParseExportOptions } from '../../../src/parsers';
import { fixtureFolder, fixtureReader, parseText, type WriteOptions } from '../support/fixtures';
import { assertEachMessage, expectedMessage as expectedMessageAt, type Row as MessageRow } from '../support/messages';

export const FIXTURES = fixtureFolder('imessage');

/** A fixture's text with `‹BOM›`-style marks turned into the characters. */
export const fixtureText = fixtureReader(FIXTURES);

/** Writes a fixture (in the given bytes, under its own name) and reads it with the API. */
export async function parseFixture(name: string, write: WriteOptions = {}, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return parseText(fixtureText(name), { as: name, ...write }, options);
}

/** One expected message; kind and direction follow from the sender (none: system; `Me` is the owner). */
export interface Row extends Omit<MessageRow, 'kind'> {
  kind?: MessageKind;
  precision?: Precision;
}

function expectedMessage(r: Row, index: number): Message {
  const kind = r.kind ?? (r.sender === null ? 'system' : 'message');
  const direction = r.direction !== undefined ? r.direction : r.sender === null ? null : r.sender === 'Me' ? 'outgoing' : 'incoming';
  return expectedMessageAt({ ...r, kind, direction }, index, r.precision ?? 'second');
}

export function assertMessages(actual: Message[], rows: Row[]): void {
  assertEachMessage(actual, rows.map(expectedMessage));
}
