import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ParsedExport } from '../../../src/model/conversation';
import { buildCli, runCli } from '../support/cli';
import { fixtureText, parseFixture, writeExport } from './support';

/** Runs the CLI in the export's folder and checks the contract: exit 0, nothing on stderr. */
function cli(file: string, ...args: string[]): unknown {
  const r = runCli([args[0], file, ...args.slice(1)], path.dirname(file));
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  return JSON.parse(r.stdout);
}

describe('chatreview parse (Telegram)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('prints what the API reads: a single-chat result.json, detected', async () => {
    const printed = ParsedExport.parse(cli(writeExport(fixtureText('chat-group.json')), 'parse'));
    assert.deepEqual(printed, await parseFixture('chat-group.json'));
    assert.equal(printed.format, 'telegram');
    assert.equal(printed.messages.length, 21);
  });

  it('a full export: `conversations` lists the chats, parse prints each, --conversation one, --tz moves the clock', async () => {
    const file = writeExport(fixtureText('export-full.json'));
    const listed = cli(file, 'conversations') as { format: string; conversations: { id: string }[] };
    assert.equal(listed.format, 'telegram');
    assert.deepEqual(listed.conversations.map((c) => c.id), ['1000000011', '1000000012', '1000000001', '1000000099', '1000000031']);

    const all = cli(file, 'parse') as { format: string; conversations: { id: string; messages: unknown[] }[] };
    assert.equal(all.format, 'telegram');
    assert.deepEqual(all.conversations.map((c) => [c.id, c.messages.length]),
      [['1000000011', 1], ['1000000012', 4], ['1000000001', 3], ['1000000099', 0], ['1000000031', 1]]);

    const one = ParsedExport.parse(cli(file, 'parse', '--conversation', '1000000012'));
    assert.deepEqual(one, await parseFixture('export-full.json', {}, { conversation: '1000000012' }));
    const utc = ParsedExport.parse(cli(file, 'parse', '--conversation', '1000000012', '--tz', 'UTC'));
    assert.deepEqual(utc.messages.map((m) => m.timestamp), ['2024-02-05T07:30:00', '2024-02-05T07:31:10', '2024-02-05T07:32:00', '2024-02-05T07:40:00']);
  });

  it('bad input: exit 2 with one line, no stack', () => {
    const text = fixtureText('export-one-chat.json');
    const truncated = runCli(['parse', writeExport(text.slice(0, text.length / 2))]);
    assert.equal(truncated.code, 2);
    assert.equal(truncated.stdout, '');
    assert.match(truncated.stderr, /^chatreview: result\.json ends before its JSON is complete \(after line \d+\); the file looks truncated\n$/);
    const unknown = runCli(['parse', writeExport(fixtureText('export-full.json')), '--conversation', '42']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^chatreview: result\.json has no conversation "42"; it holds 1000000011 "Saved Messages" \(1 message\), [^\n]*\n$/);
  });
});
