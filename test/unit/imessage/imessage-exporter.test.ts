import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { imessageExporter } from '../../../src/parsers/imessage';
import { openExport } from '../../../src/parsers/input';
import { inputError } from '../support/errors';
import { encode, parseText, writeFiles, type Encoding, type LineEnd } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { assertMessages, fixtureText, parseFixture } from './support';

const bad = (text: string) => inputError(parseText(text, { as: 'chat.txt' }, { format: 'imessage-exporter' }));

describe('imessage-exporter text', () => {
  it('current form: read receipts, attachments, indented tapbacks, threads, events, deleted, edited, missing files', async () => {
    const r = await parseFixture('imessage-exporter.txt', { as: 'Crisisteam Hoogwater.txt' });
    assert.equal(r.format, 'imessage-exporter');
    assert.deepEqual(r.conversation, {
      title: 'Crisisteam Hoogwater',
      participants: ['Annelies de Vries', '+31600000002', 'Me', 'Carlijn Smit', 'Bram Jansen', 'Dirk Bakker'].map((name) => ({ name })),
    });
    assertMessages(r.messages, [
      // A blank line inside the body belongs to it; the one after it separates.
      { ts: '2022-05-17T17:29:42', sender: 'Annelies de Vries', src: [1, 6], text: 'Goedemiddag allemaal. Stand dijkring 14:\n- pompen draaien\n\nVolgende update om 19:00.' },
      { ts: '2022-05-17T17:30:10', sender: '+31600000002', src: [8, 7], text: 'Kade bij gemaal De Hoop',
        att: [{ name: 'attachments/1/IMG_0001.HEIC', present: false }],
        meta: { reactions: [{ by: 'Me', emoji: '❤️' }, { by: 'Annelies de Vries', emoji: '👍' }] } },
      // A thread: the message's own lines stop where its first reply starts; each reply has its lines.
      { ts: '2022-05-17T17:31:00', sender: 'Me', src: [16, 3], text: 'Wie gaat er naar de kade?' },
      { ts: '2022-05-17T17:33:15', sender: 'Carlijn Smit', src: [19, 5], text: 'Ik ga, ben er om 18:00', replyTo: 'm000003', meta: { reactions: [{ by: 'Me', emoji: '👍' }] } },
      { ts: '2022-05-17T17:34:00', sender: 'Annelies de Vries', src: [25, 3], text: 'Ik ook', replyTo: 'm000003' },
      // The same replies at their own time, with the note: they answer the same message.
      { ts: '2022-05-17T17:33:15', sender: 'Carlijn Smit', src: [29, 6], text: 'Ik ga, ben er om 18:00', replyTo: 'm000003', meta: { reactions: [{ by: 'Me', emoji: '👍' }] } },
      { ts: '2022-05-17T17:34:00', sender: 'Annelies de Vries', src: [36, 4], text: 'Ik ook', replyTo: 'm000003' },
      { ts: '2022-05-17T17:40:00', sender: null, src: [41, 1], text: 'Annelies de Vries named the conversation Crisisteam Hoogwater' },
      { ts: '2022-05-17T22:02:03', sender: 'Me', kind: 'deleted', src: [43, 4], text: 'Sorry, verkeerde groep', meta: { placeholder: 'This message was deleted from the conversation!' } },
      // Edit history stays text; a date at the start of a body line does not start a message.
      { ts: '2022-05-18T07:15:00', sender: 'Bram Jansen', src: [48, 4], text: 'May 18, 2022  7:15:00 AM Ik ben er om 8:00\nEdited 1 minute later: Ik ben er om 8:30', meta: { edited: true } },
      { ts: '2022-05-18T08:00:00', sender: 'Me', src: [53, 3], text: 'Kijk deze foto' },
      { ts: '2022-05-18T08:01:00', sender: 'Dirk Bakker', src: [56, 3], text: 'Mooi!', replyTo: 'm000011' },
      // The photo part after the reply to the text part: a message of its own, same time and sender.
      { ts: '2022-05-18T08:00:00', sender: 'Me', kind: 'media', src: [60, 3], text: '', att: [{ name: 'attachments/1/IMG_0003.HEIC', present: false }],
        meta: { reactions: [{ by: 'Dirk Bakker', emoji: '☕️' }] } },
      { ts: '2022-05-18T08:01:00', sender: 'Dirk Bakker', src: [64, 4], text: 'Mooi!', replyTo: 'm000011' },
      { ts: '2022-05-18T08:05:00', sender: 'Dirk Bakker', kind: 'media', src: [69, 3], text: '', meta: { placeholder: 'Attachment missing!' } },
      // A path outside the export is never present; a sticker tapback.
      { ts: '2022-05-18T12:06:00', sender: 'Dirk Bakker', kind: 'media', src: [73, 5], text: '',
        att: [{ name: '~/Library/Messages/Attachments/ab/11/ABCD-0001/Peilschaal.pdf', present: false }],
        meta: { reactions: [{ by: 'Me', emoji: 'sticker' }] } },
    ]);
  });

  it('older form: `Reactions:` with unindented (or unevenly indented) entries and the empty line after them', async () => {
    const r = await parseFixture('imessage-exporter-legacy.txt', { as: 'Eva Visser.txt' });
    assert.deepEqual(r.conversation, { title: 'Eva Visser', participants: [{ name: 'Eva Visser' }, { name: 'Me' }] });
    const both = [{ by: 'Eva Visser', emoji: '👍' }, { by: 'Eva Visser', emoji: '😂' }];
    assertMessages(r.messages, [
      { ts: '2021-03-02T09:05:33', sender: 'Eva Visser', src: [1, 5], text: 'Dijkbewaking loopt, alles rustig', meta: { reactions: [{ by: 'Me', emoji: '👍' }] } },
      { ts: '2021-03-02T09:06:00', sender: 'Me', src: [8, 6], text: 'Dank je, tot straks', meta: { reactions: [{ by: 'Eva Visser', emoji: '❤️' }, { by: 'Eva Visser', emoji: '‼️' }] } },
      { ts: '2021-03-02T09:20:00', sender: 'Eva Visser', src: [16, 3], text: 'Kunnen we de pomp testen?' },
      { ts: '2021-03-02T09:21:00', sender: 'Me', src: [19, 6], text: 'Ja, om 10:00', replyTo: 'm000003', meta: { reactions: both } },
      { ts: '2021-03-02T09:21:00', sender: 'Me', src: [27, 8], text: 'Ja, om 10:00', replyTo: 'm000003', meta: { reactions: both } },
      { ts: '2021-03-02T09:30:00', sender: null, src: [36, 1], text: 'Eva Visser renamed the conversation to Dijkbewaking' },
      { ts: '2021-03-02T11:45:00', sender: 'Eva Visser', src: [38, 5], text: 'Pomp getest.\n\nAlles werkt.' },
    ]);
  });

  describe('encodings and line ends', () => {
    const cases: [Encoding, LineEnd][] = [['utf-8-bom', '\r\n'], ['utf-16le-bom', '\n'], ['utf-16be-bom', '\r'], ['utf-16le', '\r\n']];
    for (const fixture of ['imessage-exporter.txt', 'imessage-exporter-legacy.txt']) {
      it(`${fixture}: the same messages and lines in UTF-8 with BOM, UTF-16, CRLF and CR`, async () => {
        const base = await parseFixture(fixture);
        for (const [encoding, eol] of cases) {
          assert.deepEqual(await parseFixture(fixture, { encoding, eol }), base, `${encoding} ${JSON.stringify(eol)}`);
        }
      });
    }
  });

  it('dates: two-digit hours after one space, 12 AM is midnight, 12 PM noon, a zero-padded day', async () => {
    const r = await parseText('Jan 01, 2023 12:00:01 AM\nMe\na\n\nJan 1, 2023 12:30:00 PM\nMe\nb\n\nDec 31, 2023 11:59:59 PM\nMe\nc\n');
    assert.deepEqual(r.messages.map((m) => m.timestamp), ['2023-01-01T00:00:01', '2023-01-01T12:30:00', '2023-12-31T23:59:59']);
  });

  it('a zipped export folder: one conversation per chat text, attachments present beside it', async () => {
    const zipPath = writeFiles({
      'imessage-export.zip': await makeZip([
        { name: 'export/Crisisteam Hoogwater.txt', data: encode(fixtureText('imessage-exporter.txt')) },
        { name: 'export/Eva Visser.txt', data: encode(fixtureText('imessage-exporter-legacy.txt')) },
        { name: 'export/attachments/1/IMG_0003.HEIC', data: 'heic' },
        { name: 'export/notes.txt', data: 'geen chat' },
      ]),
    });
    const input = await openExport(zipPath);
    try {
      assert.deepEqual(await imessageExporter.conversations!(input, {}), [
        { id: 'export/Crisisteam Hoogwater.txt', title: 'Crisisteam Hoogwater', messages: 16 },
        { id: 'export/Eva Visser.txt', title: 'Eva Visser', messages: 7 },
      ]);
    } finally {
      input.close();
    }
    assert.match(await inputError(readExport(zipPath)),
      /^imessage-export\.zip holds 2 chats \("export\/Crisisteam Hoogwater\.txt", "export\/Eva Visser\.txt"\); choose one with --conversation$/);
    const team = await readExport(zipPath, { conversation: 'export/Crisisteam Hoogwater.txt' });
    assert.equal(team.format, 'imessage-exporter');
    assert.deepEqual(team.messages.flatMap((m) => m.attachments), [
      { name: 'attachments/1/IMG_0001.HEIC', present: false },
      { name: 'attachments/1/IMG_0003.HEIC', present: true },
      { name: '~/Library/Messages/Attachments/ab/11/ABCD-0001/Peilschaal.pdf', present: false },
    ]);
  });

  describe('bad input', () => {
    it('a date line without a sender line after it', async () => {
      assert.equal(await bad('May 17, 2022  5:29:42 PM\n\nMay 17, 2022  5:30:00 PM\nMe\nhoi\n'),
        'chat.txt: the message dated at line 1 has no sender line after its date');
      assert.equal(await bad('May 17, 2022  5:29:42 PM\nMe\nhoi\n    May 17, 2022  5:31:00 PM\n'),
        'chat.txt: the message dated at line 4 has no sender line after its date');
    });

    it('text before the first message (a file cut at the start)', async () => {
      assert.equal(await bad('\nvan de laptop.\n\nMay 17, 2022  5:29:42 PM\nMe\nhoi\n'),
        'chat.txt: line 2 comes before the first message; the file looks cut off at the start');
    });

    it('a date that does not exist', async () => {
      assert.equal(await bad('Feb 30, 2022  5:29:42 PM\nMe\nhoi\n'), 'chat.txt: line 1 has a date that does not exist ("Feb 30, 2022  5:29:42 PM")');
      assert.equal(await bad('Feb 3, 2022 13:29:42 PM\nMe\nhoi\n'), 'chat.txt: line 1 has a date that does not exist ("Feb 3, 2022 13:29:42 PM")');
    });

    it('no messages at all, with --format', async () => {
      assert.equal(await bad('\n\n'), 'chat.txt: no imessage-exporter messages');
    });

    it('a plain text is one conversation, named by its file; another --conversation is refused', async () => {
      const file = writeFiles({ 'Eva Visser.txt': encode(fixtureText('imessage-exporter-legacy.txt')) });
      const input = await openExport(file);
      try {
        assert.deepEqual(await imessageExporter.conversations!(input, {}), [{ id: 'Eva Visser.txt', title: 'Eva Visser', messages: 7 }]);
      } finally {
        input.close();
      }
      assert.equal((await readExport(file, { conversation: 'Eva Visser.txt' })).messages.length, 7);
      assert.equal(await inputError(readExport(file, { conversation: 'Bram' })), 'Eva Visser.txt is one chat; its only conversation is "Eva Visser.txt"');
    });

    it('a zip without chat texts, and an unknown chat', async () => {
      const zipPath = writeFiles({ 'a.zip': await makeZip([{ name: 'Eva Visser.txt', data: encode(fixtureText('imessage-exporter-legacy.txt')) }]) });
      assert.equal(await inputError(readExport(zipPath, { conversation: 'Bram.txt' })), 'a.zip has no chat "Bram.txt" (it has "Eva Visser.txt")');
      const empty = writeFiles({ 'b.zip': await makeZip([{ name: 'notes.txt', data: 'geen chat' }]) });
      assert.equal(await inputError(readExport(empty, { format: 'imessage-exporter' })), 'b.zip holds no imessage-exporter chat text');
    });
  });
});
