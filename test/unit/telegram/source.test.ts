import * as assert from 'node:assert/strict';
import type { Message, SourceRef } from '../../../src/model/conversation';
import { parseExport } from '../../../src/parsers';
import { withoutDanglingComma } from '../../../src/parsers/telegram';
import { inputError } from '../support/errors';
import { content } from '../support/messages';
import { FIXTURE_NAMES, fixtureText, listConversations, parseJson, writeExport } from './support';

/** The conversations of a fixture: one for a single-chat file, each chat of a full export. */
async function conversationsOf(name: string): Promise<(string | undefined)[]> {
  const chats = await listConversations(writeExport(fixtureText(name)));
  return chats.length === 1 ? [undefined] : chats.map((c) => c.id);
}

function plainText(text: unknown): string {
  return typeof text === 'string' ? text : (text as (string | { text: string })[]).map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

/** The file without some line ranges, the comma before a removed list end dropped. */
function withoutLines(lines: string[], ...ranges: SourceRef[]): string {
  const gone = new Set(ranges.flatMap((r) => Array.from({ length: r.lines }, (_, i) => r.line + i)));
  const kept = lines.filter((_, i) => !gone.has(i + 1));
  return kept.map((line, i) => withoutDanglingComma(line, kept[i + 1])).join('\n');
}

function withoutMessage(lines: string[], m: Message): string {
  return withoutLines(lines, m.source);
}

describe('Telegram source lines', () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: each message's lines hold exactly its object; deleting them leaves a file that reads as the other messages`, async () => {
      const text = fixtureText(name);
      const lines = text.split('\n');
      for (const conversation of await conversationsOf(name)) {
        const { messages } = await parseJson(text, {}, { conversation });
        let previousEnd = 0;
        for (const m of messages) {
          assert.ok(m.source.line > previousEnd, `${m.id} starts after the message before it`);
          previousEnd = m.source.line + m.source.lines - 1;
          const object = JSON.parse(lines.slice(m.source.line - 1, previousEnd).join('\n').replace(/,$/, ''));
          assert.equal(object.date.slice(0, 19), m.timestamp, `${m.id} date`);
          if (m.kind !== 'system') assert.equal(plainText(object.text), m.text, `${m.id} text`);
        }
        for (const [i, m] of messages.entries()) {
          const rest = await parseJson(withoutMessage(lines, m), {}, { conversation });
          assert.deepEqual(rest.messages.map(content), messages.filter((_, j) => j !== i).map(content), `without ${m.id} of ${conversation ?? name}`);
        }
      }
    });
  }

  it('one chat of a full export: the objects of the other chats are reported as skipped lines, in file order', async () => {
    const text = fixtureText('export-full.json');
    const events: string[] = [];
    const skipped: SourceRef[] = [];
    const messages: Message[] = [];
    await parseExport(writeExport(text), { conversation: '1000000001' }, {
      message: (m) => events.push(`message ${m.source.line}+${m.source.lines}`) && messages.push(m),
      skipped: (ref) => events.push(`skipped ${ref.line}+${ref.lines}`) && skipped.push(ref),
    });
    assert.deepEqual(events, ['skipped 57+15', 'skipped 79+15', 'skipped 94+16', 'skipped 110+13', 'skipped 123+18',
      'message 148+16', 'message 164+15', 'message 179+29', 'skipped 226+22']);
    // Leaving them out keeps valid JSON: the chosen chat reads the same, the others are empty.
    const cleaned = withoutLines(text.split('\n'), ...skipped);
    assert.deepEqual((await parseJson(cleaned, {}, { conversation: '1000000001' })).messages.map(content), messages.map(content));
    assert.deepEqual((await listConversations(writeExport(cleaned))).map((c) => c.messages), [0, 0, 3, 0, 0]);
  });

  it('deleting the last message without dropping the comma before it is invalid JSON; deleting every message is valid', async () => {
    const text = fixtureText('chat-2019.json');
    const lines = text.split('\n');
    const { messages } = await parseJson(text);
    const last = messages[messages.length - 1];
    const dangling = [...lines.slice(0, last.source.line - 1), ...lines.slice(last.source.line - 1 + last.source.lines)].join('\n');
    assert.match(await inputError(parseJson(dangling)), /^result\.json is not valid JSON \(line \d+\)/);
    let empty = lines;
    for (const m of [...messages].reverse()) {
      empty = withoutMessage(empty, m).split('\n');
    }
    assert.deepEqual((await parseJson(empty.join('\n'))).messages, []);
    // Lines as readLinesWithEnds gives them keep their line ends.
    assert.equal(withoutDanglingComma('  },\r\n', ' ]\r\n'), '  }\r\n');
    assert.equal(withoutDanglingComma('  },\n', '  {\n'), '  },\n');
    assert.equal(withoutDanglingComma('   "text": "a,",\n', '  }\n'), '   "text": "a,"\n');
  });

  it('the same lines with CRLF line ends, a BOM, or the file cut into chunks of 1 MiB inside multi-byte characters', async () => {
    const base = await parseJson(fixtureText('chat-group.json'));
    assert.deepEqual((await parseJson(fixtureText('chat-group.json').replace(/\n/g, '\r\n'))).messages, base.messages);
    assert.deepEqual((await parseJson('\uFEFF' + fixtureText('chat-group.json'))).messages, base.messages);

    const message = (i: number) => [
      '  {', `   "id": ${i},`, '   "type": "message",', `   "date": "2024-01-13T18:${String(i % 60).padStart(2, '0')}:00",`,
      '   "from": "Annelies",', '   "from_id": "user1000000011",', `   "text": "Stand ${i}: waterpeil €€€ 😀 ${'ë'.repeat(i % 97)}"`, '  }',
    ];
    const count = 9000;
    const body = Array.from({ length: count }, (_, i) => message(i + 1).join('\n')).join(',\n');
    const json = `{\n "name": "Groot",\n "type": "private_group",\n "id": 7,\n "messages": [\n${body}\n ]\n}`;
    assert.ok(Buffer.byteLength(json) > 2 * 1024 * 1024, 'spans several read chunks');
    const { messages } = await parseJson(json);
    assert.equal(messages.length, count);
    messages.forEach((m, i) => assert.deepEqual(m.source, { line: 6 + 8 * i, lines: 8 }, m.id));
    assert.equal(messages[count - 1].text, `Stand ${count}: waterpeil €€€ 😀 ${'ë'.repeat(count % 97)}`);
  });

  it('a file whose messages share lines with other JSON is refused (removing lines would break it); listing still works', async () => {
    const minified = JSON.stringify(JSON.parse(fixtureText('export-full.json')));
    assert.equal((await listConversations(writeExport(minified))).length, 5);
    assert.match(await inputError(parseJson(minified, {}, { conversation: '1000000012' })),
      /^result\.json: line 1 holds a message and other JSON; Telegram Desktop writes each message on lines of its own/);
    const commaBelow = fixtureText('chat-2019.json').replace('  },\n  {', '  }\n  ,\n  {');
    assert.match(await inputError(parseJson(commaBelow)), /^result\.json: line 14 holds a message and other JSON/);
    const closedBeside = fixtureText('chat-2019.json').replace(/\n  }\n ]\n}$/, '\n  }]\n}');
    assert.match(await inputError(parseJson(closedBeside)), /^result\.json: line \d+ holds a message and other JSON/);
  });
});
