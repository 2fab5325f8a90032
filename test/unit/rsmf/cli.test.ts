import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildCli, cliJson, parseWithCli, refusedByCli } from '../support/cli';
import { writeFiles } from '../support/fixtures';
import { FIXTURES, fixtureText, parse, TZ } from './support';

describe('chatreview parse (RSMF)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('prints what the API reads from a .rsmf, --tz applied', async () => {
    const file = path.join(FIXTURES, 'crisisteam.rsmf');
    const printed = parseWithCli(file, '--tz', TZ);
    assert.deepEqual(printed, await parse(file));
    assert.equal(printed.format, 'rsmf');
    assert.equal(printed.messages.length, 11);
    assert.equal(printed.messages[0].timestamp, '2024-01-13T18:00:00');
  });

  it('a manifest with two conversations prints each; --conversation prints one', async () => {
    const file = writeFiles({ 'rsmf_manifest.json': fixtureText('multi/rsmf_manifest.json') });
    const all = cliJson('parse', file, '--tz', TZ) as { format: string; conversations: { id: string; conversation: unknown; messages: unknown[] }[] };
    assert.equal(all.format, 'rsmf');
    assert.deepEqual(all.conversations.map((c) => [c.id, c.messages.length]), [['sms-bram', 2], ['team', 3]]);
    const team = parseWithCli(file, '--tz', TZ, '--conversation', 'team');
    assert.deepEqual(team, await parse(file, { conversation: 'team' }));
    assert.deepEqual(all.conversations[1].messages, team.messages);
  });

  it('bad input: exit 2 with one line on stderr', () => {
    const file = writeFiles({ 'kapot.rsmf': fixtureText('crisisteam.rsmf').replace('X-RSMF-Version: 2.0.0\r\n', '') });
    assert.equal(refusedByCli(file, '--format', 'rsmf'), 'chatreview: kapot.rsmf is not an RSMF file: its header has no X-RSMF-Version\n');
  });
});
