import * as assert from 'node:assert/strict';
import { messageId, type Message, type SourceRef } from '../../../src/model/conversation';
import { parseExport, readExport } from '../../../src/parsers';
import { imazing } from '../../../src/parsers/imessage';
import { openExport } from '../../../src/parsers/input';
import { inputError } from '../support/errors';
import { encode, parseText, writeFiles, type Encoding, type LineEnd } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { assertMessages, fixtureText, parseFixture } from './support';

const S = 'Crisisteam Hoogwater';
const IM = { service: 'iMessage' };
const CARLIJN_QUOTE = 'Ik kom eraan.\nNeem de "draaiboeken" mee,\nen de laptop.';

/** A CSV from rows of cells, quoted where needed, with a header. */
function csv(header: string[], rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const NEWEST = fixtureText('imazing-newest.csv').split('\n', 1)[0].replace(/^\uFEFF/, '').split(',');

describe('iMazing CSV', () => {
  it('newest header (with Edited Date): every field of every message', async () => {
    const r = await parseFixture('imazing-newest.csv', { as: `Messages - ${S}.csv`, beside: ['IMG_0001.HEIC'] });
    assert.equal(r.format, 'imazing');
    assert.deepEqual(r.conversation, {
      title: S,
      participants: ['Annelies de Vries', 'Me', 'Bram Jansen', 'Carlijn Smit', 'bram@example.invalid'].map((name) => ({ name })),
    });
    assertMessages(r.messages, [
      { ts: '2024-01-13T18:40:00', sender: null, src: [2, 1], text: 'Annelies de Vries heeft de groep de naam Crisisteam Hoogwater gegeven' },
      { ts: '2024-01-13T18:41:05', sender: 'Annelies de Vries', src: [3, 1], text: 'Iedereen om 19:00 in de meldkamer, graag.', meta: IM },
      // A quoted text over three lines, with doubled quotes: one record of three lines.
      { ts: '2024-01-13T18:42:30', sender: 'Me', src: [4, 3], text: CARLIJN_QUOTE, meta: IM },
      { ts: '2024-01-13T18:43:10', sender: 'Bram Jansen', src: [7, 1], text: 'Sta in de file bij Gorinchem', meta: { service: 'SMS' } },
      // `Replying to` holds the text of m000003: found, so replyTo and no quote.
      { ts: '2024-01-13T18:44:00', sender: 'Carlijn Smit', src: [8, 3], text: 'Ik neem ze mee', replyTo: 'm000003', meta: IM },
      // The quoted text is in no message of the export: kept as meta.quote.
      { ts: '2024-01-13T18:45:20', sender: 'Me', src: [11, 1], text: 'Klopt, die lijst is van vorige week', meta: { ...IM, quote: 'Staat de lijst met pompen nog?' } },
      { ts: '2024-01-13T18:46:00', sender: 'Annelies de Vries', src: [12, 1], text: 'Agenda volgt per mail', meta: { ...IM, subject: 'Overleg 19:00' } },
      { ts: '2024-01-13T18:47:00', sender: 'Me', src: [13, 1], text: 'Ik ben er om 19:05', meta: { ...IM, edited: true } },
      { ts: '2024-01-13T18:48:00', sender: 'Bram Jansen', kind: 'media', src: [14, 1], text: '', att: [{ name: 'IMG_0001.HEIC', present: true }], meta: IM },
      { ts: '2024-01-13T18:49:00', sender: 'Carlijn Smit', src: [15, 1], text: 'Kade bij gemaal De Hoop', att: [{ name: 'IMG_0002.HEIC', present: false }], meta: IM },
      { ts: '2024-01-13T18:50:00', sender: 'Me', kind: 'media', src: [16, 1], text: '', att: [{ name: 'Peilschaal 14.pdf', present: false }], meta: IM },
      // No Sender Name: the Sender ID names the sender.
      { ts: '2024-01-13T18:51:00', sender: 'bram@example.invalid', src: [17, 1], text: 'Ben er over 10 min', meta: IM },
    ]);
  });

  it('older header without Edited Date; a blank line inside a quoted text', async () => {
    const r = await parseFixture('imazing-no-edited.csv');
    assert.equal(r.conversation.title, S);
    assertMessages(r.messages, [
      { ts: '2019-11-02T09:15:00', sender: 'Dirk Bakker', src: [2, 1], text: 'Storing in gemaal Noord, ik ga kijken', meta: IM },
      { ts: '2019-11-02T09:16:30', sender: 'Me', src: [3, 1], text: 'Oké, bel me als je er bent', meta: { service: 'SMS' } },
      { ts: '2019-11-02T09:40:00', sender: 'Dirk Bakker', src: [4, 3], text: 'Pomp 2 draait weer.\n\nPomp 3 nog niet.', meta: IM },
    ]);
  });

  it('header with Reactions: tapbacks by name, `Name: emoji`, entries on lines or after `;`, unknown entries kept', async () => {
    const r = await parseFixture('imazing-reactions.csv');
    assert.equal(r.conversation.title, 'Eva Visser');
    assertMessages(r.messages, [
      { ts: '2021-06-20T07:58:00', sender: 'Eva Visser', src: [2, 1], text: 'Dijkbewaking loopt, alles rustig', meta: { ...IM, reactions: [{ by: 'Me', emoji: '👍' }] } },
      { ts: '2021-06-20T08:02:00', sender: 'Me', src: [3, 2], text: 'Dank je, tot straks',
        meta: { ...IM, reactions: [{ by: 'Eva Visser', emoji: '❤️' }, { by: 'Eva Visser', emoji: '🙏' }] } },
      { ts: '2021-06-20T08:05:00', sender: 'Eva Visser', src: [5, 1], text: 'Nog één vraag',
        meta: { ...IM, reactions: [{ by: 'Me', emoji: '‼️' }, { by: '', emoji: 'zag je dat?' }] } },
    ]);
  });

  it("iMazing's WhatsApp CSV: notification, reply found by its text, reactions, attachment named by WhatsApp", async () => {
    const r = await parseFixture('imazing-whatsapp.csv', { as: 'WhatsApp - Calamiteitenoverleg.csv', beside: ['00000014-PHOTO-2023-03-23-13-40-00.jpg'] });
    assert.equal(r.format, 'imazing');
    assert.deepEqual(r.conversation, { title: 'Calamiteitenoverleg', participants: ['Gijs Mulder', 'Me', 'Hanna de Boer'].map((name) => ({ name })) });
    assertMessages(r.messages, [
      { ts: '2023-03-23T13:31:00', sender: null, src: [2, 1], text: 'Berichten en oproepen worden end-to-end versleuteld.' },
      { ts: '2023-03-23T13:35:12', sender: 'Gijs Mulder', src: [3, 3], text: 'Goedemiddag, stand van zaken:\n- pompen draaien\n- zandzakken onderweg' },
      { ts: '2023-03-23T13:36:40', sender: 'Me', src: [6, 3], text: 'Top, dank', replyTo: 'm000002', meta: { reactions: [{ by: 'Gijs Mulder', emoji: '👍' }] } },
      { ts: '2023-03-23T13:40:00', sender: 'Gijs Mulder', src: [9, 1], text: 'Foto van de kade', att: [{ name: '00000014-PHOTO-2023-03-23-13-40-00.jpg', present: true }] },
      { ts: '2023-03-23T13:41:00', sender: 'Hanna de Boer', src: [10, 1], text: 'Doorgestuurd bericht van de veiligheidsregio' },
    ]);
  });

  it('columns are found by name: the same messages whatever their order, extra columns ignored', async () => {
    const base = await parseFixture('imazing-newest.csv');
    const rows = fixtureText('imazing-newest.csv').replace(/^\uFEFF/, '');
    const { parse } = await import('csv-parse/sync');
    const table: string[][] = parse(rows, { relax_column_count: false });
    const order = [...table[0].keys()].reverse();
    const shuffled = table.map((r) => [...order.map((i) => r[i]), 'extra']);
    shuffled[0][shuffled[0].length - 1] = 'Deleted Date';
    const r = await parseText(csv(shuffled[0], shuffled.slice(1)), { as: 'shuffled.csv' });
    assert.deepEqual(r.messages, base.messages);
  });

  it('a semicolon-separated export reads the same', async () => {
    const rows = [['Dirk Bakker', '2019-11-02 09:15:00', 'iMessage', 'Incoming', '+31600000004', 'Dirk Bakker', 'Storing; ik ga kijken']];
    const header = ['Chat Session', 'Message Date', 'Service', 'Type', 'Sender ID', 'Sender Name', 'Text'];
    const text = [header, ...rows].map((r) => r.map((v) => (v.includes(';') ? `"${v}"` : v)).join(';')).join('\n') + '\n';
    const r = await parseText(text, { as: 'export.csv' });
    assert.equal(r.messages[0].text, 'Storing; ik ga kijken');
    assert.equal(r.messages[0].sender, 'Dirk Bakker');
  });

  describe('encodings and line ends', () => {
    const cases: [Encoding, LineEnd][] = [['utf-8', '\r\n'], ['utf-8-bom', '\n'], ['utf-16le-bom', '\r\n'], ['utf-16be-bom', '\n'], ['utf-16le', '\r']];
    for (const fixture of ['imazing-newest.csv', 'imazing-whatsapp.csv']) {
      it(`${fixture}: the same messages and lines in UTF-8 (±BOM), UTF-16 and with CRLF or CR line ends (also inside quoted texts)`, async () => {
        const base = await parseFixture(fixture);
        const text = fixtureText(fixture).replace(/^\uFEFF/, '');
        for (const [encoding, eol] of cases) {
          assert.deepEqual((await parseText(text, { as: fixture, encoding, eol })).messages, base.messages, `${encoding} ${JSON.stringify(eol)}`);
        }
      });
    }
  });

  it('dates without seconds have minute precision', async () => {
    const r = await parseText(csv(NEWEST, [[S, '2024-01-13 18:41', '', '', '', 'iMessage', 'Incoming', '+31600000001', 'Annelies de Vries', 'Read', '', '', 'Hallo', '', '']]), { as: 'x.csv' });
    assert.equal(r.messages[0].timestamp, '2024-01-13T18:41:00');
    assert.equal(r.messages[0].precision, 'minute');
  });

  it('an unknown Type is a message of no known direction; a row without any sender has none', async () => {
    const r = await parseText(csv(NEWEST, [[S, '2024-01-13 18:41:00', '', '', '', 'iMessage', 'Sideways', '', '', '', '', '', 'Hallo', '', '']]), { as: 'x.csv' });
    assert.deepEqual([r.messages[0].direction, r.messages[0].sender, r.messages[0].kind], [null, null, 'message']);
  });

  it('attachments: beside the CSV under their own name or as iMazing names exported files; in a zip, beside the CSV entry', async () => {
    const exported = '2024-01-13 18 49 00 - Crisisteam Hoogwater - IMG_0002.HEIC';
    const beside = await parseFixture('imazing-newest.csv', { beside: ['IMG_0001.HEIC', exported] });
    const named = (r: { messages: { attachments: { name: string; present: boolean }[] }[] }) => r.messages.flatMap((m) => m.attachments);
    assert.deepEqual(named(beside), [
      { name: 'IMG_0001.HEIC', present: true }, { name: exported, present: true }, { name: 'Peilschaal 14.pdf', present: false },
    ]);
    const zipPath = writeFiles({
      'export.zip': await makeZip([
        { name: `${S}/Messages - ${S}.csv`, data: encode(fixtureText('imazing-newest.csv')) },
        { name: `${S}/Peilschaal 14.pdf`, data: '%PDF' },
        { name: 'IMG_0001.HEIC', data: 'not beside the CSV' },
      ]),
    });
    const zipped = await readExport(zipPath);
    assert.equal(zipped.format, 'imazing');
    assert.deepEqual(named(zipped).map((a) => a.present), [false, false, true]);
    assert.deepEqual(zipped.messages.map((m) => m.source), (await parseFixture('imazing-newest.csv')).messages.map((m) => m.source));
  });

  it('a large export streams through: replies found by text, exact lines to the last record', async function () {
    this.timeout(60_000);
    const text = (i: number) => (i % 2 ? `bericht ${i}` : `bericht ${i}\nregel 2`);
    const rows = Array.from({ length: 50_000 }, (_, i) => [S, `2024-01-13 ${String(8 + (i % 12)).padStart(2, '0')}:00:00`, '', '', '', 'iMessage', 'Incoming',
      '+31600000001', 'Annelies de Vries', 'Read', i % 3 ? '' : text(i - 1), '', text(i), '', '']);
    let count = 0;
    let replies = 0;
    let last: Message | undefined;
    await parseExport(writeFiles({ 'groot.csv': csv(NEWEST, rows) }), {}, {
      message(m) {
        count++;
        if (m.replyTo === messageId(count - 1)) replies++;
        last = m;
      },
    });
    assert.equal(count, 50_000);
    assert.equal(replies, 16_666, 'every third message answers the one before (the first quotes none)');
    const linesBefore = rows.slice(0, -1).reduce((n, row) => n + row.join('').split('\n').length, 1);
    assert.deepEqual(last!.source, { line: linesBefore + 1, lines: 1 });
  });

  describe('several chat sessions in one CSV', () => {
    const sessionsFile = () => writeFiles({ 'Messages.csv': encode(fixtureText('imazing-sessions.csv')) });

    it('conversations() lists them with their message counts', async () => {
      const input = await openExport(sessionsFile());
      try {
        assert.deepEqual(await imazing.conversations!(input, {}), [
          { id: S, title: S, messages: 3 },
          { id: 'Dirk Bakker', title: 'Dirk Bakker', messages: 2 },
        ]);
      } finally {
        input.close();
      }
    });

    it('options.conversation reads one: ids from m000001, lines of the whole file', async () => {
      const file = sessionsFile();
      const team = await readExport(file, { conversation: S });
      assert.equal(team.conversation.title, S);
      assertMessages(team.messages, [
        { ts: '2024-02-01T08:00:00', sender: 'Annelies de Vries', src: [2, 1], text: 'Goedemorgen team', meta: IM },
        { ts: '2024-02-01T08:02:00', sender: 'Me', src: [4, 2], text: 'Goedemorgen!\nIk ben er om 9:00', meta: IM },
        { ts: '2024-02-01T08:04:00', sender: 'Bram Jansen', src: [7, 1], text: 'Ik ook', meta: IM },
      ]);
      const dirk = await readExport(file, { conversation: 'Dirk Bakker' });
      assert.deepEqual(dirk.conversation.participants, [{ name: 'Dirk Bakker' }, { name: 'Me' }]);
      assert.deepEqual(dirk.messages.map((m) => [m.id, m.source.line, m.text]), [['m000001', 3, 'Ben je er vandaag?'], ['m000002', 6, 'Ja, vanaf 9:00']]);
    });

    it("the lines of the other sessions' messages are reported as skipped, for the cleaner", async () => {
      const skipped: SourceRef[] = [];
      await parseExport(sessionsFile(), { conversation: 'Dirk Bakker' }, { message: () => undefined, skipped: (s) => skipped.push(s) });
      assert.deepEqual(skipped, [{ line: 2, lines: 1 }, { line: 4, lines: 2 }, { line: 7, lines: 1 }]);
    });

    it('without a choice: an InputError listing every session; an unknown choice lists them too', async () => {
      assert.match(await inputError(readExport(sessionsFile())),
        /^Messages\.csv holds 2 chat sessions \("Crisisteam Hoogwater", "Dirk Bakker"\); choose one with --conversation$/);
      assert.match(await inputError(readExport(sessionsFile(), { conversation: 'Eva' })),
        /^Messages\.csv has no chat session "Eva" \(it has "Crisisteam Hoogwater", "Dirk Bakker"\)$/);
    });
  });
});
