import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { buildCli, cliJson, parseWithCli, refusedByCli } from '../support/cli';
import { encode, writeFiles } from '../support/fixtures';
import { fixtureText } from './support';

describe('chatreview parse (iMessage)', function () {
  this.timeout(60_000);
  before(buildCli);

  it('an iMazing CSV with a BOM and CRLF, an attachment beside it', async () => {
    const file = writeFiles({
      'Messages - Crisisteam Hoogwater.csv': encode(fixtureText('imazing-newest.csv'), 'utf-8', '\r\n'),
      'IMG_0001.HEIC': 'heic',
    });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.format, 'imazing');
    assert.equal(printed.conversation.title, 'Crisisteam Hoogwater');
    assert.equal(printed.messages.length, 12);
    assert.equal(printed.messages[4].replyTo, 'm000003');
  });

  it("iMazing's WhatsApp CSV, with --format imazing", async () => {
    const file = writeFiles({ 'WhatsApp - Calamiteitenoverleg.csv': encode(fixtureText('imazing-whatsapp.csv')) });
    const printed = parseWithCli(file, '--format', 'imazing');
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.messages[0].kind, 'system');
  });

  it('an imessage-exporter text in UTF-16', async () => {
    const file = writeFiles({ 'Crisisteam Hoogwater.txt': encode(fixtureText('imessage-exporter.txt'), 'utf-16le-bom') });
    const printed = parseWithCli(file);
    assert.deepEqual(printed, await readExport(file));
    assert.equal(printed.format, 'imessage-exporter');
    assert.deepEqual(printed.messages.filter((m) => m.replyTo).map((m) => [m.id, m.replyTo]),
      [['m000004', 'm000003'], ['m000005', 'm000003'], ['m000006', 'm000003'], ['m000007', 'm000003'], ['m000012', 'm000011'], ['m000014', 'm000011']]);
  });

  it('a CSV of several chat sessions prints each; --conversation prints one', async () => {
    const file = writeFiles({ 'Messages.csv': encode(fixtureText('imazing-sessions.csv')) });
    const printed = cliJson('parse', file) as { format: string; conversations: { id: string; conversation: unknown; messages: unknown[] }[] };
    assert.equal(printed.format, 'imazing');
    for (const c of printed.conversations) {
      const one = await readExport(file, { conversation: c.id });
      assert.deepEqual({ conversation: c.conversation, messages: c.messages }, { conversation: one.conversation, messages: one.messages }, c.id);
    }
    assert.deepEqual(printed.conversations.map((c) => c.id), ['Crisisteam Hoogwater', 'Dirk Bakker']);
    assert.deepEqual(parseWithCli(file, '--conversation', 'Dirk Bakker'), await readExport(file, { conversation: 'Dirk Bakker' }));
    assert.deepEqual(cliJson('conversations', file), { format: 'imazing', conversations: [
      { id: 'Crisisteam Hoogwater', title: 'Crisisteam Hoogwater', messages: 3 }, { id: 'Dirk Bakker', title: 'Dirk Bakker', messages: 2 },
    ] });
  });

  it('bad input exits 2 with one line: missing columns, a truncated CSV, an unknown session', () => {
    const newest = fixtureText('imazing-newest.csv');
    const noText = writeFiles({ 'x.csv': encode(newest.replace(',Text,', ',Tekst,')) });
    assert.match(refusedByCli(noText), /x\.csv is not an iMazing CSV export: its header lacks the column "Text"/);
    const cut = writeFiles({ 'cut.csv': encode(newest.slice(0, newest.indexOf('en de laptop'))) });
    assert.match(refusedByCli(cut), /cut\.csv: the quoted field of the record at line 4 is never closed/);
    const sessions = writeFiles({ 'Messages.csv': encode(fixtureText('imazing-sessions.csv')) });
    assert.match(refusedByCli(sessions, '--conversation', 'Eva'), /Messages\.csv has no chat session "Eva" \(it has "Crisisteam Hoogwater", "Dirk Bakker"\)/);
  });

  it('--format imessage-exporter on a CSV exits 2 with one line', () => {
    const file = writeFiles({ 'x.csv': encode(fixtureText('imazing-newest.csv')) });
    assert.match(refusedByCli(file, '--format', 'imessage-exporter'), /x\.csv: line 1 comes before the first message/);
  });
});
