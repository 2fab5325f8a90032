import * as assert from 'node:assert/strict';
import type { Message } from '../../../src/model/conversation';
import { parseText } from '../support/fixtures';
import { fixtureText, parseFixture } from './support';

/** What a message says, without where it is or what it points at (ids shift when one goes). */
function content(m: Message) {
  const { timestamp, sender, direction, kind, text, attachments } = m;
  return { timestamp, sender, direction, kind, text, attachments };
}

const FIXTURES = [
  'imazing-newest.csv', 'imazing-no-edited.csv', 'imazing-reactions.csv', 'imazing-whatsapp.csv',
  'imessage-exporter.txt', 'imessage-exporter-legacy.txt',
];

/**
 * The documented exceptions (see ExporterMessages): the photo part m000013 of m000011 follows the
 * thread reply m000012 and has no date line of its own. Without m000011 it reads as a later part of
 * the message before (m000010); without m000012 nothing sets it apart and it rejoins m000011.
 */
function expectedWithout(fixture: string, messages: Message[], gone: Message) {
  const byId = new Map(messages.map((m) => [m.id, content(m)]));
  const others = messages.filter((m) => m !== gone).map((m) => byId.get(m.id)!);
  if (fixture !== 'imessage-exporter.txt') return others;
  const [before, parent, part] = ['m000010', 'm000011', 'm000013'].map((id) => byId.get(id)!);
  if (gone.id === 'm000011') Object.assign(part, { timestamp: before.timestamp, sender: before.sender, direction: before.direction });
  if (gone.id === 'm000012') {
    parent.attachments = part.attachments;
    others.splice(others.indexOf(part), 1);
  }
  return others;
}

describe('iMessage source lines', () => {
  for (const fixture of FIXTURES) {
    const csv = fixture.endsWith('.csv');
    const lines = () => fixtureText(fixture).replace(/\n$/, '').split('\n');

    it(`${fixture}: each message's lines hold its text; no line belongs to two; the others are ${csv ? 'the header' : 'blank'}`, async () => {
      const { messages } = await parseFixture(fixture);
      const all = lines();
      const owner: (string | undefined)[] = [];
      for (const m of messages) {
        const own = all.slice(m.source.line - 1, m.source.line - 1 + m.source.lines).join('\n');
        for (const line of m.text.split('\n')) assert.ok(own.includes(csv ? line.replace(/"/g, '""') : line), `${m.id}: ${JSON.stringify(line)} in its lines`);
        for (const a of m.attachments) assert.ok(own.includes(a.name), `${m.id}: ${a.name} in its lines`);
        for (let i = m.source.line; i < m.source.line + m.source.lines; i++) {
          assert.equal(owner[i], undefined, `line ${i} belongs to ${owner[i]} and ${m.id}`);
          owner[i] = m.id;
        }
      }
      all.forEach((line, i) => {
        if (owner[i + 1] === undefined) assert.ok(line.trim() === '' || (csv && i === 0), `line ${i + 1} (${JSON.stringify(line)}) belongs to no message`);
      });
    });

    it(`${fixture}: deleting a message's lines leaves a file that reads as exactly the other messages`, async () => {
      const { messages } = await parseFixture(fixture);
      for (const gone of messages) {
        const kept = lines().filter((_, i) => i + 1 < gone.source.line || i + 1 >= gone.source.line + gone.source.lines);
        const after = await parseText(kept.join('\n') + '\n', { as: fixture });
        const expected = expectedWithout(fixture, messages, gone);
        assert.deepEqual(after.messages.map(content), expected, `without ${gone.id}`);
      }
    });
  }
});
