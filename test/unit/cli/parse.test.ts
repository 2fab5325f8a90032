import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { buildCli, parseWithCli, refusedByCli } from '../support/cli';
import { encode, fixtureText, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';

describe('chatreview parse (WhatsApp)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('prints what the API reads: Android nl with media beside the chat', async () => {
    const file = writeFiles({
      'WhatsApp-chat met Crisisteam Hoogwater.txt': encode(fixtureText('android-nl.txt')),
      'IMG-20220323-WA0001.jpg': 'jpeg',
    });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.format, 'whatsapp');
    assert.equal(printed.conversation.title, 'Crisisteam Hoogwater');
    assert.equal(printed.messages.length, 16);
  });

  it('an iOS zip in UTF-16 with CRLF, with --format whatsapp', async () => {
    const file = writeFiles({
      'WhatsApp Chat - Crisisteam Hoogwater.zip': await makeZip([
        { name: '_chat.txt', data: encode(fixtureText('ios-nl.txt'), 'utf-16le-bom', '\r\n') },
        { name: '00000017-Manifesto.pdf', data: '%PDF' },
      ]),
    });
    const printed = parseWithCli(file, '--format', 'whatsapp');
    assert.deepEqual(printed, await readExport(file));
    assert.deepEqual(printed.messages[11].attachments, [{ name: '00000017-Manifesto.pdf', present: true }]);
  });

  it('an ambiguous file: exit 2 naming the flags, then --day-first and --month-first', () => {
    const file = writeFiles({ 'ambiguous.txt': encode(fixtureText('ambiguous.txt')) });
    assert.match(refusedByCli(file), /--day-first[^\n]*--month-first/);
    assert.deepEqual(parseWithCli(file, '--day-first').messages.map((m) => m.timestamp),
      ['2023-02-01T10:35:00', '2023-02-01T10:40:00', '2023-02-03T09:00:00']);
    assert.deepEqual(parseWithCli(file, '--month-first').messages.map((m) => m.timestamp),
      ['2023-01-02T10:35:00', '2023-01-02T10:40:00', '2023-03-02T09:00:00']);
  });

  it('a contradictory file: exit 2 with one line', () => {
    assert.match(refusedByCli(writeFiles({ 'mixed.txt': encode(fixtureText('mixed.txt')) })), /^chatreview: mixed\.txt mixes day-first and month-first dates/);
  });
});
