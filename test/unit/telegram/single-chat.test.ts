import * as assert from 'node:assert/strict';
import { assertMessages } from '../support/messages';
import { fixtureText, parseFixture, parseJson, parseZipped } from './support';

const ANNELIES = 'Annelies de Vries';
const BRAM = 'Bram de Wit';
const CARLIJN = 'Carlijn Jansen';
const DIRK = 'Dirk Smit';

// Each test pins every field of every message of a fixture.
describe('Telegram single-chat exports', () => {
  it('a group chat of 2024: service actions, entity texts, replies, media, stickers, edits, reactions, polls', async () => {
    // A zipped export folder: the media that are in it are present.
    const r = await parseZipped(fixtureText('chat-group.json'), ['photos/photo_1@13-01-2024_18-53-00.jpg', 'files/Draaiboek hoogwater.pdf']);
    assert.equal(r.format, 'telegram');
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater');
    assert.deepEqual(r.conversation.participants.map((p) => p.name), [ANNELIES, BRAM, CARLIJN, DIRK, 'user1000000099']);
    assertMessages(r.messages, [
      { ts: '2024-01-13T18:40:00', sender: null, kind: 'system', src: [6, 16], meta: { actor: ANNELIES },
        text: 'Annelies de Vries created group "Crisisteam Hoogwater" with Bram de Wit, Carlijn Jansen' },
      { ts: '2024-01-13T18:41:00', sender: null, kind: 'system', src: [22, 14], meta: { actor: ANNELIES }, text: 'Annelies de Vries added Dirk Smit' },
      { ts: '2024-01-13T18:47:25', sender: ANNELIES, kind: 'message', src: [36, 15],
        text: 'Goedemiddag allemaal. Stand dijkring 14:\n- pompen draaien\n- zandzakken onderweg' },
      // Entities (bold, phone) read as their visible text.
      { ts: '2024-01-13T18:48:10', sender: BRAM, kind: 'message', src: [51, 43],
        text: 'Peilschaal bij gemaal De Hoop staat op 2,10 m. Bel 06-00000001 bij vragen.' },
      { ts: '2024-01-13T18:49:00', sender: CARLIJN, kind: 'message', src: [94, 16], replyTo: 'm000004', text: 'Dank, ik geef het door aan de burgemeester' },
      { ts: '2024-01-13T18:53:00', sender: BRAM, kind: 'media', src: [110, 37], text: 'Kade bij gemaal De Hoop',
        att: [{ name: 'photos/photo_1@13-01-2024_18-53-00.jpg', present: true }],
        meta: { reactions: [{ by: ANNELIES, emoji: '👍' }, { by: CARLIJN, emoji: '👍' }] } },
      { ts: '2024-01-13T18:54:30', sender: DIRK, kind: 'media', src: [147, 13], text: '', att: [{ name: 'photo', present: false }],
        meta: { placeholder: '(File not included. Change data exporting settings to download.)' } },
      // A file and its thumbnail: a removed message must take both out of a cleaned export.
      { ts: '2024-01-13T18:56:00', sender: ANNELIES, kind: 'media', src: [160, 26], text: 'versie 2',
        att: [{ name: 'files/Draaiboek hoogwater.pdf', present: true }, { name: 'files/Draaiboek hoogwater.pdf_thumb.jpg', present: false }] },
      { ts: '2024-01-13T18:57:00', sender: CARLIJN, kind: 'media', src: [186, 15], text: '', att: [{ name: 'voice_message', present: false }],
        meta: { placeholder: '(File exceeds maximum size. Change data exporting settings to download.)' } },
      { ts: '2024-01-13T18:58:00', sender: BRAM, kind: 'media', src: [201, 17], text: '', meta: { sticker: '👍' },
        att: [{ name: 'stickers/sticker.webp', present: false }, { name: 'stickers/sticker.webp_thumb.jpg', present: false }] },
      { ts: '2024-01-13T18:59:00', sender: DIRK, kind: 'message', src: [218, 17], text: 'Ik ben er om 19:15', meta: { edited: true } },
      // Replies to a message outside the export: no target, and Telegram exports no quote.
      { ts: '2024-01-13T19:00:00', sender: ANNELIES, kind: 'message', src: [235, 16], text: 'Zoals eerder gezegd: om 19:00 in de meldkamer' },
      { ts: '2024-01-13T19:01:00', sender: null, kind: 'system', src: [251, 12], meta: { actor: ANNELIES }, text: 'Annelies de Vries pinned a message' },
      { ts: '2024-01-13T19:03:00', sender: null, kind: 'system', src: [263, 12], meta: { actor: BRAM }, text: 'Bram de Wit called (missed)' },
      // Lines 275–278 hold `{"id": 115, "type": "unsupported"}`: no message.
      { ts: '2024-01-13T19:05:00', sender: 'user1000000099', kind: 'message', src: [279, 15], text: 'Wie heeft de sleutel van de meldkamer?' },
      { ts: '2024-01-13T19:06:00', sender: CARLIJN, kind: 'message', src: [294, 14], text: '', meta: { location: '52.0907,5.1214' } },
      { ts: '2024-01-13T19:07:00', sender: ANNELIES, kind: 'message', src: [308, 27], text: '',
        meta: { poll: { question: 'Wanneer overleggen we?', options: [{ text: '19:30', votes: 2 }, { text: 'Morgen', votes: 1 }] } } },
      { ts: '2024-01-13T19:08:00', sender: null, kind: 'system', src: [335, 12], meta: { actor: DIRK }, text: 'Dirk Smit: boost_apply' },
      // Escapes decode; a custom emoji is named by its type; a bare count (channel style) names nobody.
      { ts: '2024-01-13T19:09:00', sender: BRAM, kind: 'message', src: [347, 34], text: 'Zeg "hallo" tegen de ploeg \\o/ — kolom\tB',
        meta: { reactions: [{ by: DIRK, emoji: '(custom_emoji)' }] } },
      { ts: '2024-01-13T19:11:00', sender: null, kind: 'system', src: [381, 12], meta: { actor: ANNELIES },
        text: 'Annelies de Vries changed the group name to "Crisisteam Hoogwater 2024"' },
      { ts: '2024-01-13T19:12:00', sender: CARLIJN, kind: 'message', src: [393, 41], replyTo: 'm000006', text: 'Mooi, zie ook het draaiboek en @bram_dw' },
    ], 'second');
  });

  it('a personal chat of 2019: numeric from_id, `edited` on every message, no date_unixtime, no text_entities', async () => {
    const r = await parseFixture('chat-2019.json');
    assert.equal(r.conversation.title, BRAM);
    assert.deepEqual(r.conversation.participants.map((p) => p.name), [BRAM, ANNELIES]);
    assertMessages(r.messages, [
      // `"edited": "1970-01-01T01:00:00"` is the epoch: never edited.
      { ts: '2019-11-20T08:58:12', sender: BRAM, kind: 'message', src: [6, 9], text: 'Goedemorgen, is het draaiboek al rond?' },
      { ts: '2019-11-20T09:01:40', sender: ANNELIES, kind: 'message', src: [15, 16], replyTo: 'm000001', meta: { edited: true },
        text: 'Bijna, zie https://example.org/draaiboek' },
      { ts: '2019-11-20T09:03:05', sender: BRAM, kind: 'media', src: [31, 15], text: '', meta: { sticker: '💪' },
        att: [{ name: 'stickers/sticker (14).webp', present: false }, { name: 'stickers/sticker (14).webp_thumb.jpg', present: false }] },
      { ts: '2019-11-20T09:10:00', sender: null, kind: 'system', src: [46, 12], meta: { actor: ANNELIES }, text: 'Annelies de Vries called (95 s)' },
      { ts: '2019-11-20T09:12:30', sender: ANNELIES, kind: 'media', src: [58, 12], text: 'Foto van de kade',
        att: [{ name: 'photos/photo_2@20-11-2019_09-12-30.jpg', present: false }] },
    ], 'second');
  });

  it('`date` is the wall-clock time; with a time zone (--tz) date_unixtime is read in that zone instead', async () => {
    const local = await parseFixture('chat-group.json');
    const tokyo = await parseFixture('chat-group.json', {}, { timeZone: 'Asia/Tokyo' });
    assert.equal(local.messages[2].timestamp, '2024-01-13T18:47:25');
    assert.equal(tokyo.messages[2].timestamp, '2024-01-14T02:47:25', 'Amsterdam 18:47 is Tokyo 02:47 the next day');
    assert.equal((await parseFixture('chat-2019.json', {}, { timeZone: 'Asia/Tokyo' })).messages[0].timestamp, '2019-11-20T08:58:12',
      'without date_unixtime the zone cannot apply');
  });

  it('unnamed chats get a title: saved messages, a deleted account, a chat without name', async () => {
    const chat = (head: string) => `{\n ${head},\n "messages": [\n ]\n}`;
    assert.equal((await parseJson(chat('"type": "saved_messages",\n "id": 1000000011'))).conversation.title, 'Saved Messages');
    assert.equal((await parseJson(chat('"name": null,\n "type": "personal_chat",\n "id": 1000000099'))).conversation.title, 'Deleted Account');
    assert.equal((await parseJson(chat('"type": "private_group",\n "id": 1000000005'))).conversation.title, 'Chat 1000000005');
    assert.deepEqual((await parseJson(chat('"type": "saved_messages",\n "id": 1000000011'))).messages, []);
  });

  it('service actions without a phrase keep everything the export says; members Telegram cannot name are Deleted Account', async () => {
    const service = (fields: string) => `{\n "name": "Team",\n "type": "private_group",\n "id": 5,\n "messages": [\n  {\n   "id": 1,\n   "type": "service",\n   "date": "2024-01-13T18:40:00",\n   ${fields},\n   "text": ""\n  }\n ]\n}`;
    const text = async (fields: string) => (await parseJson(service(fields))).messages[0].text;
    assert.equal(await text('"actor": "Annelies", "action": "topic_edit", "title": "Pompen"'), 'Annelies: topic_edit "Pompen"');
    assert.equal(await text('"actor": "Annelies", "action": "remove_members", "members": [null]'), 'Annelies removed Deleted Account');
    assert.equal(await text('"action": "send_payment"'), 'send_payment');
    assert.equal(await text('"actor": "Annelies", "information_text": "Bram heeft de chat geëxporteerd"'), 'Bram heeft de chat geëxporteerd');
  });
});
