import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Message } from '../../../src/model/conversation';
import { getFormat } from '../../../src/parsers';
import { openExport } from '../../../src/parsers/input';
import { inputError } from '../support/errors';
import { encode, ENCODINGS, FIXTURES as WHATSAPP_FIXTURES, fixtureText as whatsappText, LINE_ENDS, readChecked, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { BACKUP_TXT, CHAT_MD, CHAT_MD_2019, DATA_JSON, fixtureText, parseChat } from './support';

/** Each fixture under the name signal-export or signalbackup-tools gives it. */
const FIXTURES: { fixture: string; as: string }[] = [
  { fixture: CHAT_MD, as: 'chat.md' },
  { fixture: DATA_JSON, as: 'data.json' },
  { fixture: CHAT_MD_2019, as: 'chat.md' },
  { fixture: BACKUP_TXT, as: BACKUP_TXT },
];

/** What a message is apart from its place in the file and what refers to other messages. */
function essence(m: Message) {
  const { quote: _quote, ...meta } = m.meta ?? {};
  return { timestamp: m.timestamp, sender: m.sender, kind: m.kind, text: m.text, attachments: m.attachments, meta };
}

async function sniffScores(file: string): Promise<{ signal: number; whatsapp: number }> {
  const input = await openExport(file);
  try {
    return { signal: await getFormat('signal')!.sniff(input), whatsapp: await getFormat('whatsapp')!.sniff(input) };
  } finally {
    input.close();
  }
}

describe('Signal conventions', () => {
  describe('encodings and line ends', () => {
    for (const { fixture, as } of FIXTURES) {
      it(`${fixture}: the same result in UTF-8 (±BOM), UTF-16LE/BE with BOM, BOM-less UTF-16LE; LF, CRLF, CR`, async () => {
        const base = await parseChat({ as, text: fixtureText(fixture) });
        for (const encoding of ENCODINGS) {
          for (const eol of LINE_ENDS) {
            assert.deepEqual(await parseChat({ as, text: fixtureText(fixture), encoding, eol }), base, `${encoding} ${JSON.stringify(eol)}`);
          }
        }
      });
    }
  });

  describe('source lines are exact', () => {
    for (const { fixture, as } of FIXTURES) {
      it(`${fixture}: each message's lines hold it, no others, and only empty lines belong to none`, async () => {
        const lines = fixtureText(fixture).replace(/\n$/, '').split('\n');
        const { messages } = await parseChat({ as, text: fixtureText(fixture) });
        const owner = new Array<string | undefined>(lines.length).fill(undefined);
        for (const m of messages) {
          for (let i = m.source.line - 1; i < m.source.line - 1 + m.source.lines; i++) {
            assert.equal(owner[i], undefined, `line ${i + 1} belongs to ${owner[i]} and ${m.id}`);
            owner[i] = m.id;
          }
          const own = lines.slice(m.source.line - 1, m.source.line - 1 + m.source.lines);
          assert.notEqual(own[own.length - 1], '', `${m.id} ends on a non-empty line`);
          const held = as === 'data.json' ? JSON.parse(own[0]).body as string : own.join('\n');
          for (const part of m.text.split('\n')) assert.ok(held.includes(part), `${m.id}: ${JSON.stringify(part)} in its lines`);
          for (const a of m.attachments) assert.ok(own.join('\n').replace(/%20/g, ' ').includes(a.name), `${m.id}: attachment ${a.name} in its lines`);
          if (m.sender !== null) assert.ok(own[0].includes(m.sender), `${m.id}: sender on its first line`);
        }
        lines.forEach((l, i) => assert.ok(owner[i] !== undefined || l === '', `line ${i + 1} belongs to no message`));
      });

      it(`${fixture}: deleting one message's lines leaves exactly the other messages`, async () => {
        const text = fixtureText(fixture);
        const lines = text.split('\n');
        const { messages } = await parseChat({ as, text });
        for (const m of messages) {
          const kept = [...lines.slice(0, m.source.line - 1), ...lines.slice(m.source.line - 1 + m.source.lines)].join('\n');
          const after = await parseChat({ as, text: kept });
          assert.deepEqual(after.messages.map(essence), messages.filter((o) => o !== m).map(essence), `without ${m.id}`);
        }
      });
    }
  });

  describe('detection', () => {
    for (const { fixture, as } of FIXTURES) {
      it(`${fixture} as ${as}: Signal is sure, and surer than WhatsApp`, async () => {
        const { signal, whatsapp } = await sniffScores(writeFiles({ [as]: encode(fixtureText(fixture)) }));
        assert.ok(signal >= 0.9, `signal ${signal}`);
        assert.ok(signal > whatsapp, `signal ${signal} > whatsapp ${whatsapp}`);
      });
    }

    it('a renamed chat.md (another .md name) is still read as Signal', async () => {
      const { signal, whatsapp } = await sniffScores(writeFiles({ 'Crisisteam export.md': encode(fixtureText(CHAT_MD)) }));
      assert.ok(signal > whatsapp, `signal ${signal} > whatsapp ${whatsapp}`);
    });

    it('rates every WhatsApp fixture 0', async () => {
      for (const name of fs.readdirSync(WHATSAPP_FIXTURES).filter((n) => n.endsWith('.txt'))) {
        const file = writeFiles({ [name]: encode(whatsappText(name)) });
        assert.equal((await sniffScores(file)).signal, 0, name);
      }
    });

    it('rates a WhatsApp zip 0', async () => {
      const file = writeFiles({ 'WhatsApp Chat - Gemaal.zip': await makeZip([{ name: '_chat.txt', data: '[13-01-2024, 18:47:25] Tim: tekst\n' }]) });
      assert.equal((await sniffScores(file)).signal, 0);
    });

    // Known conflict: WhatsApp's iOS grammar reads `[2019-12-24, 12:23] ` and rates 40 headers in
    // 40 lines 1.0, a tie that the first registered format (WhatsApp) wins. Needs WhatsApp's sniff
    // to leave `.md` files (or year-first bracketed dates) alone; reported, not fixed here.
    it('a long old-form chat.md (a header on every line) is read as Signal', async () => {
      const text = Array.from({ length: 60 }, (_, i) => `[2019-12-24, 12:${String(i % 60).padStart(2, '0')}] Femke Jansen: bericht ${i}  `).join('\n');
      assert.equal((await parseChat({ as: 'chat.md', text })).format, 'signal');
    });
  });

  describe('bad input', () => {
    const record = (fields: object) => JSON.stringify({ date: '2024-05-13T14:05:33', sender: 'Bram', body: 'ok  ', ...fields });

    it('data.json cut off inside its last record', async () => {
      const text = fixtureText(DATA_JSON);
      const message = await inputError(parseChat({ as: 'data.json', text: text.slice(0, text.length - 40) }));
      assert.match(message, /^data\.json: line 14 is not a complete JSON record \(.+\); the file looks truncated or damaged$/);
    });

    it('data.json with a field of the wrong type names the line and the field', async () => {
      const cases: [object, RegExp][] = [
        [{ sender: 42 }, /^data\.json: line 2: "sender": .*expected string/],
        [{ reactions: [['Bram']] }, /^data\.json: line 2: "reactions\.0": /],
        [{ attachments: [{ name: 'a.jpg' }] }, /^data\.json: line 2: "attachments\.0\.path": /],
        [{ deleted: 'ja' }, /^data\.json: line 2: "deleted": .*expected boolean/],
        [{ date: '13-05-2024 14:05' }, /^data\.json: line 2: "date" is not an ISO date and time \("13-05-2024 14:05"\)$/],
        [{ date: '2024-02-30T10:00:00' }, /^data\.json: line 2: "date" is not an ISO date and time/],
      ];
      for (const [fields, says] of cases) {
        assert.match(await inputError(parseChat({ as: 'data.json', text: record({}) + '\n' + record(fields) + '\n' })), says, JSON.stringify(fields));
      }
    });

    it('data.json with a line that is no object, or with a record without a date (--format signal)', async () => {
      assert.match(await inputError(parseChat({ as: 'data.json', text: record({}) + '\n[1, 2]\n' })), /^data\.json: line 2 is not a JSON object/);
      assert.match(await inputError(parseChat({ as: 'data.json', text: '{"sender": "Bram"}\n' }, { format: 'signal' })), /^data\.json: line 1: "date": /);
    });

    it('in a zip, the error names the zip and the entry', async () => {
      const file = writeFiles({ 'Chat.zip': await makeZip([{ name: 'Chat/data.json', data: record({}) + '\n{"date": "2024-05-13T14:06' }]) });
      assert.match(await inputError(readChecked(file)), /^Chat\.zip \("Chat\/data\.json"\): line 2 is not a complete JSON record/);
    });

    it('a chat.md without any message line: not recognised; with --format signal, no Signal messages', async () => {
      const text = fixtureText('no-messages.md');
      assert.match(await inputError(parseChat({ as: 'chat.md', text })), /^chat\.md has no recognisable chat messages/);
      assert.match(await inputError(parseChat({ as: 'chat.md', text }, { format: 'signal' })), /^chat\.md: no recognisable Signal messages/);
    });

    it('a chat.md with text before its first header: the file looks cut off', async () => {
      const message = await inputError(parseChat({ as: 'chat.md', text: 'weer.  \n(- Bram: 👍 -)\n\n' + fixtureText(CHAT_MD) }));
      assert.match(message, /^chat\.md: line 1 comes before the first message header; the file looks cut off at the start$/);
    });

    it('an empty data.json and a binary one', async () => {
      assert.match(await inputError(readChecked(writeFiles({ 'data.json': '' }))), /^data\.json is empty$/);
      const binary = Buffer.concat([Buffer.from('{"date": "2024-05-13T14:05:33", "sender": "'), Buffer.from([0, 1, 2, 0, 0xff, 0, 3])]);
      assert.match(await inputError(readChecked(writeFiles({ 'data.json': binary }))), /binary file/);
    });

    it('a file of only empty lines, forced as Signal', async () => {
      assert.match(await inputError(parseChat({ as: 'chat.md', text: '\n\n\n' }, { format: 'signal' })), /^chat\.md: no recognisable Signal messages/);
    });
  });
});
