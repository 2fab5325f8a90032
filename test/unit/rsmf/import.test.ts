import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { messageId, type Message } from '../../../src/model/conversation';
import { listConversations, readExport } from '../../../src/parsers';
import { detectFormat } from '../../../src/parsers/detect';
import { openExport } from '../../../src/parsers/input';
import { rsmf } from '../../../src/parsers/rsmf';
import { inputError } from '../support/errors';
import { encode, fixtureText as whatsappText, writeFiles } from '../support/fixtures';
import { assertEachMessage } from '../support/messages';
import { makeZip } from '../support/zips';
import { FIXTURES, fixtureText, manifestFolder, parse } from './support';

type Row = [ts: string, sender: string | null, kind: Message['kind'], text: string, src: [number, number], extra?: Partial<Message>];

function messages(rows: Row[], defaults: Partial<Message> = {}): Message[] {
  return rows.map(([timestamp, sender, kind, text, [line, lines], extra], i) => ({
    id: messageId(i + 1), timestamp, precision: 'second', sender, direction: null, kind, text,
    attachments: [], replyTo: null, source: { line, lines }, ...defaults, ...extra,
  }));
}

/** crisisteam/rsmf_manifest.json in Europe/Amsterdam (winter: UTC+1), with the map beside it. */
const CRISISTEAM = messages([
  ['2024-01-13T18:00:00', null, 'system', 'Berichten in dit kanaal worden gearchiveerd.', [38, 7]],
  ['2024-01-13T18:05:00', 'Annelies de Wit', 'message', 'Goedemorgen, OMT om 9:00', [45, 9], { direction: 'outgoing' }],
  ['2024-01-13T18:06:30', 'Bram Hendriks', 'message', 'Ik ben er.\nKaart volgt.', [54, 26], {
    direction: 'incoming',
    meta: { reactions: [{ by: 'Annelies de Wit', emoji: '👍' }, { by: 'Carlijn Bos', emoji: '👍' }, { by: 'dirk@waterschap.example', emoji: '❤️' }, { by: '', emoji: '❤️' }] },
  }],
  ['2024-01-13T18:08:00', 'Bram Hendriks', 'media', 'Dijkring 14', [80, 16], { direction: 'incoming', attachments: [{ name: 'kaart-dijkring-14.jpg', present: true }] }],
  ['2024-01-13T18:10:00', 'Carlijn Bos', 'message', 'Akkoord, ik bel de burgemeester.', [96, 16], { replyTo: 'm000002', meta: { edited: true } }],
  ['2024-01-13T18:12:00', null, 'system', '', [112, 6], { meta: { actor: 'dirk@waterschap.example' } }],
  ['2024-01-13T18:13:00', 'dirk@waterschap.example', 'media', 'Notulen in de bijlage', [118, 13], { precision: 'minute', attachments: [{ name: 'notulen-omt.pdf', present: false }] }],
  ['2024-01-13T18:15:00', 'Carlijn Bos', 'deleted', 'Hoe gaat het met je moeder in het ziekenhuis?', [131, 8]],
  ['2024-01-13T18:16:00', 'Bram Hendriks', 'deleted', '', [139, 7]],
  ['2024-01-13T18:20:00', 'Annelies de Wit', 'message', 'Zie boven 👆', [146, 9], { direction: 'outgoing' }],
  ['2024-01-13T18:30:00', null, 'system', '', [155, 7], { meta: { actor: 'Bram Hendriks' } }],
]);

const CRISISTEAM_CONVERSATION = {
  title: 'Crisisteam Hoogwater',
  participants: ['Annelies de Wit', 'Bram Hendriks', 'Carlijn Bos', 'dirk@waterschap.example'].map((name) => ({ name })),
};

describe('RSMF import', () => {
  it('a bare rsmf_manifest.json with an attachment beside it: every event kind, reply, reaction, edit, zone', async () => {
    const r = await parse(path.join(FIXTURES, 'crisisteam', 'rsmf_manifest.json'));
    assert.equal(r.format, 'rsmf');
    assert.deepEqual(r.conversation, CRISISTEAM_CONVERSATION);
    assertEachMessage(r.messages, CRISISTEAM);
  });

  it('the .rsmf mail (folded headers, nested multipart, CRLF) reads the same, lines counted in its manifest', async () => {
    const r = await parse(path.join(FIXTURES, 'crisisteam.rsmf'));
    assert.equal(r.format, 'rsmf');
    assert.deepEqual(r.conversation, CRISISTEAM_CONVERSATION);
    assertEachMessage(r.messages, CRISISTEAM);
  });

  it('rsmf.zip itself, its manifest in a folder: attachments are files beside the manifest, not beside the zip', async () => {
    const file = writeFiles({
      'rsmf.zip': await makeZip([
        { name: 'export/rsmf_manifest.json', data: fixtureText('crisisteam/rsmf_manifest.json') },
        { name: 'export/notulen-omt.pdf', data: '%PDF' },
      ]),
      'kaart-dijkring-14.jpg': 'jpeg',
    });
    const r = await parse(file);
    assert.deepEqual(r.messages.flatMap((m) => m.attachments), [{ name: 'kaart-dijkring-14.jpg', present: false }, { name: 'notulen-omt.pdf', present: true }]);
    assert.deepEqual(r.messages.map((m) => m.text), CRISISTEAM.map((m) => m.text));
  });

  it('a mail that is nothing but the attachment, with LF line ends', async () => {
    const zip = await makeZip([{ name: 'rsmf_manifest.json', data: fixtureText('crisisteam/rsmf_manifest.json') }]);
    const mail = `X-RSMF-Version: 2.0.0\nContent-Type: application/zip\nContent-Disposition: attachment;\n filename="rsmf.zip"\nContent-Transfer-Encoding: base64\n\n${zip.toString('base64').match(/.{1,76}/g)!.join('\n')}\n`;
    const r = await parse(writeFiles({ 'kaal.rsmf': mail }));
    assert.deepEqual(r.messages.map((m) => m.source), CRISISTEAM.map((m) => m.source));
  });

  it('CRLF, a BOM and tab indentation change nothing but what they must (the lines stay the same)', async () => {
    const text = fixtureText('crisisteam/rsmf_manifest.json').replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2));
    const r = await parse(manifestFolder(encode(text, 'utf-8-bom', '\r\n'), { 'kaart-dijkring-14.jpg': 'jpeg' }));
    assertEachMessage(r.messages, CRISISTEAM);
  });

  it('times are wall-clock time in the chosen zone (--tz), summer time included', async () => {
    const ny = await parse(path.join(FIXTURES, 'crisisteam', 'rsmf_manifest.json'), { timeZone: 'America/New_York' });
    assert.equal(ny.messages[0].timestamp, '2024-01-13T12:00:00');
    const summer = await parse(path.join(FIXTURES, 'multi', 'rsmf_manifest.json'), { conversation: 'team' });
    assert.deepEqual(summer.messages.map((m) => m.timestamp), ['2024-07-01T10:01:00', '2024-07-01T10:05:00', '2024-07-01T09:59:00']);
  });

  describe('a manifest with several conversations (events listed before participants and conversations)', () => {
    const file = path.join(FIXTURES, 'multi', 'rsmf_manifest.json');

    it('lists them with titles (display, else the participants) and event counts', async () => {
      assert.deepEqual(await listConversations(file), {
        format: 'rsmf',
        conversations: [
          { id: 'sms-bram', title: 'Annelies de Wit, Bram Hendriks', messages: 2 },
          { id: 'team', title: 'Crisisteam Hoogwater', messages: 3 },
        ],
      });
    });

    it('reads one at a time, ids from m000001 each; a parent listed after its reply and event ids reused across conversations', async () => {
      const team = await parse(file, { conversation: 'team' });
      assert.equal(team.conversation.title, 'Crisisteam Hoogwater');
      assert.deepEqual(team.messages.map((m) => [m.id, m.sender, m.direction, m.replyTo, m.source.line]), [
        ['m000001', 'Bram Hendriks', 'incoming', null, 13],
        ['m000002', 'Carlijn Bos', 'incoming', 'm000003', 32],
        ['m000003', 'Annelies de Wit', 'outgoing', null, 42],
      ]);
      const sms = await parse(file, { conversation: 'sms-bram' });
      assert.deepEqual(sms.messages.map((m) => [m.id, m.text, m.replyTo]), [
        ['m000001', 'Bram, sta je vandaag piket?', null],
        ['m000002', 'Ja, tot 18:00', 'm000001'],
      ]);
      assert.deepEqual(sms.conversation.participants, [{ name: 'Annelies de Wit' }, { name: 'Bram Hendriks' }]);
    });

    it('without --conversation, or with an unknown one: an error listing them', async () => {
      assert.match(await inputError(readExport(file)), /^rsmf_manifest\.json holds 2 conversations; choose one with --conversation: "sms-bram" .*"team" Crisisteam Hoogwater \(3 events\)$/);
      assert.match(await inputError(readExport(file, { conversation: 'nope' })), /^rsmf_manifest\.json has no conversation "nope"; it holds "sms-bram"/);
    });
  });

  describe('detection', () => {
    const score = async (file: string) => {
      const input = await openExport(file);
      try {
        return (await detectFormat(input)).name;
      } finally {
        input.close();
      }
    };

    it('recognises the mail, the bare manifest under any name, and rsmf.zip', async () => {
      assert.equal(await score(path.join(FIXTURES, 'crisisteam.rsmf')), 'rsmf');
      assert.equal(await score(writeFiles({ 'export.json': fixtureText('multi/rsmf_manifest.json') })), 'rsmf');
      assert.equal(await score(writeFiles({ 'a.zip': await makeZip([{ name: 'rsmf_manifest.json', data: '{}' }]) })), 'rsmf');
    });

    it('rates other exports 0: WhatsApp text and zips, other JSON, a mail without X-RSMF-Version', async () => {
      const rate = async (file: string) => {
        const input = await openExport(file);
        try {
          return await rsmf.sniff(input);
        } finally {
          input.close();
        }
      };
      assert.equal(await rate(writeFiles({ 'chat.txt': encode(whatsappText('android-nl.txt')) })), 0);
      assert.equal(await rate(writeFiles({ 'x.zip': await makeZip([{ name: '_chat.txt', data: encode(whatsappText('ios-nl.txt')) }]) })), 0);
      assert.equal(await rate(writeFiles({ 'result.json': '{\n "name": "Crisisteam",\n "type": "private_group",\n "id": 1,\n "messages": []\n}\n' })), 0);
      assert.equal(await rate(writeFiles({ 'mail.eml': 'From: a@example.invalid\r\nSubject: hoi\r\n\r\nX-RSMF-Version: 2.0.0\r\n' })), 0);
      assert.equal(await score(writeFiles({ 'chat.txt': encode(whatsappText('android-nl.txt')) })), 'whatsapp');
    });
  });
});
