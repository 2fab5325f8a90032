import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ParsedExport } from '../../../src/model/conversation';
import { readExport } from '../../../src/parsers';
import { buildCli, runCli } from '../support/cli';
import { fixture, GROUP, MULTI, SINGLE, TZ, writeBackup } from './helpers';

function cli(...args: string[]): unknown {
  const r = runCli(args);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  return JSON.parse(r.stdout);
}

describe('chatreview parse (SMS Backup & Restore)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('a backup of one thread prints what the API reads', async () => {
    const file = writeBackup(fixture(SINGLE), SINGLE);
    const printed = ParsedExport.parse(cli('parse', file, '--tz', TZ));
    assert.deepEqual(printed, await readExport(file, { timeZone: TZ }));
    assert.equal(printed.format, 'sms');
    assert.equal(printed.messages.length, 9);
    assert.equal(printed.messages[3].timestamp, '2024-01-13T19:05:11');
    const utc = ParsedExport.parse(cli('parse', file, '--tz', 'UTC'));
    assert.equal(utc.messages[3].timestamp, '2024-01-13T18:05:11');
  });

  it('several threads: listed by `conversations`, all printed by `parse`, one with --conversation', async () => {
    const file = writeBackup(fixture(MULTI), MULTI);
    const listed = cli('conversations', file) as { format: string; conversations: { id: string; title: string; messages: number }[] };
    assert.equal(listed.format, 'sms');
    assert.deepEqual(listed.conversations.map((c) => c.id), ['+31600000001', GROUP, '+31600000002', '+31600000004', 'KPN']);

    const group = ParsedExport.parse(cli('parse', file, '--tz', TZ, '--conversation', GROUP));
    assert.deepEqual(group, await readExport(file, { timeZone: TZ, conversation: GROUP }));
    assert.deepEqual(group.messages.map((m) => m.sender), ['Bram Jansen', 'Ik', '+31600000003']);

    const all = cli('parse', file, '--tz', TZ) as { format: string; conversations: { id: string; messages: unknown[] }[] };
    assert.equal(all.format, 'sms');
    assert.deepEqual(all.conversations.map((c) => [c.id, c.messages.length]), listed.conversations.map((c) => [c.id, c.messages]));
  });

  it('an entity attack and a truncated file: exit 2, one line, nothing on stdout', () => {
    const attack = writeBackup(fixture('billion-laughs.xml'), 'billion-laughs.xml');
    const truncated = writeBackup(fixture(SINGLE).slice(0, 3000), SINGLE);
    for (const [file, reason] of [[attack, /line 2 has a DOCTYPE declaration/], [truncated, /the file looks truncated/]] as const) {
      const r = runCli(['parse', file], path.dirname(file));
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^chatreview: [^\n]+\n$/);
      assert.match(r.stderr, reason);
    }
  });
});
