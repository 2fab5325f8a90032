import * as assert from 'node:assert/strict';
import { buildCli, cliJson, parseWithCli, refusedByCli } from '../support/cli';
import { fixtureText, parseFixture, writeExport } from './support';

describe('chatreview parse (Telegram)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('prints what the API reads: a single-chat result.json, detected', async () => {
    const printed = parseWithCli(writeExport(fixtureText('chat-group.json')));
    assert.deepEqual(printed, await parseFixture('chat-group.json'));
    assert.equal(printed.format, 'telegram');
    assert.equal(printed.messages.length, 21);
  });

  it('a full export: `conversations` lists the chats, parse prints each, --conversation one, --tz moves the clock', async () => {
    const file = writeExport(fixtureText('export-full.json'));
    const listed = cliJson('conversations', file) as { format: string; conversations: { id: string }[] };
    assert.equal(listed.format, 'telegram');
    assert.deepEqual(listed.conversations.map((c) => c.id), ['1000000011', '1000000012', '1000000001', '1000000099', '1000000031']);

    const all = cliJson('parse', file) as { format: string; conversations: { id: string; messages: unknown[] }[] };
    assert.equal(all.format, 'telegram');
    assert.deepEqual(all.conversations.map((c) => [c.id, c.messages.length]),
      [['1000000011', 1], ['1000000012', 4], ['1000000001', 3], ['1000000099', 0], ['1000000031', 1]]);

    const one = parseWithCli(file, '--conversation', '1000000012');
    assert.deepEqual(one, await parseFixture('export-full.json', {}, { conversation: '1000000012' }));
    const utc = parseWithCli(file, '--conversation', '1000000012', '--tz', 'UTC');
    assert.deepEqual(utc.messages.map((m) => m.timestamp), ['2024-02-05T07:30:00', '2024-02-05T07:31:10', '2024-02-05T07:32:00', '2024-02-05T07:40:00']);
  });

  it('bad input: exit 2 with one line, no stack', () => {
    const text = fixtureText('export-one-chat.json');
    assert.match(refusedByCli(writeExport(text.slice(0, text.length / 2))),
      /^chatreview: result\.json ends before its JSON is complete \(after line \d+\); the file looks truncated\n$/);
    assert.match(refusedByCli(writeExport(fixtureText('export-full.json')), '--conversation', '42'),
      /^chatreview: result\.json has no conversation "42"; it holds 1000000011 "Saved Messages" \(1 message\), [^\n]*\n$/);
  });
});
