import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { buildCli, cliJson, parseWithCli, refusedByCli } from '../support/cli';
import { encode, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { BACKUP_TXT, CHAT_MD, DATA_JSON, fixtureText } from './support';

describe('chatreview parse (Signal)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('chat.md: prints what the API reads', async () => {
    const file = writeFiles({ 'chat.md': encode(fixtureText(CHAT_MD)), 'data.json': encode(fixtureText(DATA_JSON)) });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.format, 'signal');
    assert.equal(printed.messages.length, 14);
    assert.equal(printed.messages[2].replyTo, 'm000001');
    assert.deepEqual(printed.messages[0].meta, { reactions: [{ by: 'Bram', emoji: '👍' }, { by: 'Me', emoji: '❤️' }] });
  });

  it('data.json with --format signal and --tz', async () => {
    const file = writeFiles({ 'data.json': encode(fixtureText(DATA_JSON)) });
    const printed = parseWithCli(file, '--format', 'signal', '--tz', 'Europe/Amsterdam');
    assert.deepEqual(printed, await readExport(file));
    assert.deepEqual(printed.messages[0].source, { line: 1, lines: 1 });
  });

  it('a zipped chat folder with media', async () => {
    const file = writeFiles({
      'CrisisteamHoogwater.zip': await makeZip([
        { name: 'CrisisteamHoogwater/chat.md', data: encode(fixtureText(CHAT_MD)) },
        { name: 'CrisisteamHoogwater/data.json', data: encode(fixtureText(DATA_JSON)) },
        { name: 'CrisisteamHoogwater/media/kaart.png', data: 'png' },
      ]),
    });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.conversation.title, 'CrisisteamHoogwater');
    assert.deepEqual(printed.messages[9].attachments, [{ name: 'media/kaart.png', present: true }]);
  });

  it('the whole export zipped: conversations lists the chats, parse prints each, --conversation one', async () => {
    const chat = (folder: string) => ({ name: `signal-export/${folder}/data.json`, data: encode(fixtureText(DATA_JSON)) });
    const file = writeFiles({ 'signal-export.zip': await makeZip([chat('Bram'), chat('CrisisteamHoogwater')]) });
    assert.deepEqual(cliJson('conversations', file), { format: 'signal', conversations: [
      { id: 'signal-export/Bram', title: 'Bram', messages: 14 },
      { id: 'signal-export/CrisisteamHoogwater', title: 'CrisisteamHoogwater', messages: 14 },
    ] });
    const printed = cliJson('parse', file) as { format: string; conversations: { id: string; messages: unknown[] }[] };
    assert.equal(printed.format, 'signal');
    assert.deepEqual(printed.conversations.map((c) => [c.id, c.messages.length]), [['signal-export/Bram', 14], ['signal-export/CrisisteamHoogwater', 14]]);
    const one = parseWithCli(file, '--conversation', 'signal-export/Bram');
    assert.equal(one.conversation.title, 'Bram');
  });

  it('a signalbackup-tools text export', async () => {
    const file = writeFiles({ [BACKUP_TXT]: encode(fixtureText(BACKUP_TXT)) });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.conversation.title, 'Crisisteam Hoogwater');
  });

  it('bad input: exit 2 with one line naming the file and the fault', () => {
    const truncated = fixtureText(DATA_JSON).slice(0, -40);
    assert.match(refusedByCli(writeFiles({ 'data.json': encode(truncated) })), /data\.json: line 14 is not a complete JSON record/);
    const wrongType = JSON.stringify({ date: '2024-05-13T14:05:33', sender: ['Bram'], body: 'ok' });
    assert.match(refusedByCli(writeFiles({ 'data.json': encode(wrongType) }), '--format', 'signal'), /data\.json: line 1: "sender": /);
    assert.match(refusedByCli(writeFiles({ 'chat.md': encode(fixtureText('no-messages.md')) }), '--format', 'signal'),
      /chat\.md: no recognisable Signal messages/);
  });
});
