import * as assert from 'node:assert/strict';
import { messageId, type Attachment, type Direction, type Message, type MessageKind, type MessageMeta, type Precision } from '../../../src/model/conversation';

/** Compares message by message first, so a failure names the message that differs. */
export function assertEachMessage(actual: Message[], expected: Message[]): void {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    assert.deepEqual(actual[i], expected[i], `message ${i + 1}`);
  }
}

/** One expected message; the id follows from its position, direction and replyTo are null unless given. */
export interface Row {
  ts: string;
  sender: string | null;
  kind: MessageKind;
  text: string;
  src: [line: number, lines: number];
  att?: Attachment[];
  meta?: MessageMeta;
  direction?: Direction | null;
  replyTo?: string;
}

export function expectedMessage(r: Row, index: number, precision: Precision): Message {
  const m: Message = {
    id: messageId(index + 1),
    timestamp: r.ts,
    precision,
    sender: r.sender,
    direction: r.direction ?? null,
    kind: r.kind,
    text: r.text,
    attachments: r.att ?? [],
    replyTo: r.replyTo ?? null,
    source: { line: r.src[0], lines: r.src[1] },
  };
  if (r.meta) m.meta = r.meta;
  return m;
}

export function expectedMessages(rows: Row[], precision: Precision): Message[] {
  return rows.map((r, i) => expectedMessage(r, i, precision));
}

export function assertMessages(actual: Message[], rows: Row[], precision: Precision): void {
  assertEachMessage(actual, expectedMessages(rows, precision));
}

/** A message without what follows from its place in the file (id, source, replyTo), to compare two readings. */
export function content(m: Message): Omit<Message, 'id' | 'source' | 'replyTo'> {
  const { id: _id, source: _source, replyTo: _replyTo, ...rest } = m;
  return rest;
}

export function participants(...names: string[]): { name: string }[] {
  return names.map((name) => ({ name }));
}
