import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { buildCli, cliJson, parseWithCli, refusedByCli } from '../support/cli';
import { fixtureText, GROUP, MULTI, SINGLE, TZ, writeBackup } from './helpers';

describe('chatreview parse (SMS Backup & Restore)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('a backup of one thread prints what the API reads', async () => {
    const file = writeBackup(fixtureText(SINGLE), SINGLE);
    const printed = parseWithCli(file, '--tz', TZ);
    assert.deepEqual(printed, await readExport(file, { timeZone: TZ }));
    assert.equal(printed.format, 'sms');
    assert.equal(printed.messages.length, 9);
    assert.equal(printed.messages[3].timestamp, '2024-01-13T19:05:11');
    const utc = parseWithCli(file, '--tz', 'UTC');
    assert.equal(utc.messages[3].timestamp, '2024-01-13T18:05:11');
  });

  it('several threads: listed by `conversations`, all printed by `parse`, one with --conversation', async () => {
    const file = writeBackup(fixtureText(MULTI), MULTI);
    const listed = cliJson('conversations', file) as { format: string; conversations: { id: string; title: string; messages: number }[] };
    assert.equal(listed.format, 'sms');
    assert.deepEqual(listed.conversations.map((c) => c.id), ['+31600000001', GROUP, '+31600000002', '+31600000004', 'KPN']);

    const group = parseWithCli(file, '--tz', TZ, '--conversation', GROUP);
    assert.deepEqual(group, await readExport(file, { timeZone: TZ, conversation: GROUP }));
    assert.deepEqual(group.messages.map((m) => m.sender), ['Bram Jansen', 'Ik', '+31600000003']);

    const all = cliJson('parse', file, '--tz', TZ) as { format: string; conversations: { id: string; messages: unknown[] }[] };
    assert.equal(all.format, 'sms');
    assert.deepEqual(all.conversations.map((c) => [c.id, c.messages.length]), listed.conversations.map((c) => [c.id, c.messages]));
  });

  it('an entity attack and a truncated file: exit 2, one line, nothing on stdout', () => {
    const attack = writeBackup(fixtureText('billion-laughs.xml'), 'billion-laughs.xml');
    const truncated = writeBackup(fixtureText(SINGLE).slice(0, 3000), SINGLE);
    for (const [file, reason] of [[attack, /line 2 has a DOCTYPE declaration/], [truncated, /the file looks truncated/]] as const) {
      assert.match(refusedByCli(file), reason);
    }
  });
});
