import * as assert from 'node:assert/strict';
import { parseFixture } from '../support/fixtures';
import { assertMessages, participants } from '../support/messages';

// One fixture per header variant of FORMATS.md; each test pins every field of every message.
describe('WhatsApp variants', () => {
  it('Android nl 2022 `23-03-2022 13:31 - `: events, placeholders, media, poll, multi-line', async () => {
    const r = await parseFixture('android-nl.txt', {
      as: 'WhatsApp-chat met Crisisteam Hoogwater.txt',
      beside: ['IMG-20220323-WA0001.jpg'],
    });
    assert.equal(r.format, 'whatsapp');
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater');
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram de Wit', 'Carlijn', '+31 6 00000002', '~ Dirk'));
    assertMessages(r.messages, [
      { ts: '2022-03-23T13:31:00', sender: null, kind: 'system', src: [1, 1],
        text: 'Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat, zelfs WhatsApp niet, kan ze lezen of beluisteren. Tik voor meer informatie.' },
      // Group set-up carries an earlier time than the notice before it: order stays the file's.
      { ts: '2022-03-22T09:12:00', sender: null, kind: 'system', src: [2, 1], text: 'Annelies heeft de groep "Crisisteam Hoogwater" gemaakt' },
      { ts: '2022-03-22T09:12:00', sender: null, kind: 'system', src: [3, 1], text: 'Annelies heeft je toegevoegd' },
      { ts: '2022-03-23T13:35:00', sender: 'Annelies', kind: 'message', src: [4, 5],
        text: 'Goedemiddag allemaal. Stand dijkring 14:\n- pompen draaien\n- zandzakken onderweg\n\nVolgende update om 15:00.' },
      { ts: '2022-03-23T13:36:00', sender: 'Bram de Wit', kind: 'media', src: [9, 1], text: '', meta: { placeholder: '<Media weggelaten>' } },
      { ts: '2022-03-23T13:37:00', sender: 'Bram de Wit', kind: 'deleted', src: [10, 1], text: '', meta: { placeholder: 'Dit bericht is verwijderd' } },
      { ts: '2022-03-23T13:38:00', sender: 'Carlijn', kind: 'message', src: [11, 1], text: 'Kan iemand de peilschaal bevestigen?', meta: { edited: true } },
      { ts: '2022-03-23T13:40:00', sender: 'Bram de Wit', kind: 'media', src: [12, 2], text: 'Kade bij gemaal De Hoop',
        att: [{ name: 'IMG-20220323-WA0001.jpg', present: true }] },
      { ts: '2022-03-23T13:41:00', sender: 'Bram de Wit', kind: 'media', src: [14, 1], text: '',
        att: [{ name: 'IMG-20220323-WA0002.jpg', present: false }] },
      { ts: '2022-03-23T13:42:00', sender: 'Carlijn', kind: 'message', src: [15, 1], text: 'locatie: https://maps.google.com/?q=52.0907,5.1214',
        meta: { location: 'https://maps.google.com/?q=52.0907,5.1214' } },
      { ts: '2022-03-23T13:45:00', sender: 'Annelies', kind: 'message', src: [16, 4],
        text: 'PEILING:\nWanneer overleggen we?\nOPTIE: 14:30 (2 stemmen)\nOPTIE: Morgen (1 stem)',
        meta: { poll: { question: 'Wanneer overleggen we?', options: [{ text: '14:30', votes: 2 }, { text: 'Morgen', votes: 1 }] } } },
      // View-once media on Android; the phone number loses its LRE/PDF and NBSPs.
      { ts: '2022-03-23T13:50:00', sender: '+31 6 00000002', kind: 'media', src: [20, 1], text: '', meta: { placeholder: 'null' } },
      // Date-like continuation lines (no time, no year, a 31 February) and a trailing blank line.
      { ts: '2022-03-23T13:52:00', sender: 'Carlijn', kind: 'message', src: [21, 5],
        text: 'De planning staat nog:\n23-03-2022: rapport naar de burgemeester\n24-03 09:00 - evaluatie\n31-02-2022 10:00 - bestaat niet\n' },
      // The `: ` inside quotes does not make an author.
      { ts: '2022-03-23T13:55:00', sender: null, kind: 'system', src: [26, 1],
        text: 'Annelies heeft de groepsnaam gewijzigd van "Crisisteam" naar "Crisisteam: Hoogwater"' },
      { ts: '2022-03-23T13:56:00', sender: 'Annelies', kind: 'deleted', src: [27, 1], text: '', meta: { placeholder: 'U hebt dit bericht verwijderd' } },
      { ts: '2022-03-23T13:57:00', sender: '~ Dirk', kind: 'message', src: [28, 1], text: 'Ik sluit aan om 14:30' },
    ], 'minute');
  });

  it('Android nl older `14-03-17, 21:05 - ` with one-digit hours', async () => {
    const r = await parseFixture('android-nl-2017.txt', { as: 'WhatsApp-chat met Calamiteitenoverleg.txt' });
    assert.equal(r.conversation.title, 'Calamiteitenoverleg');
    assert.deepEqual(r.conversation.participants, participants('Dirk', 'Eva'));
    assertMessages(r.messages, [
      { ts: '2017-03-14T21:05:00', sender: null, kind: 'system', src: [1, 1],
        text: 'Berichten die naar deze groep worden verzonden, zijn nu beveiligd met end-to-end versleuteling. Tik voor meer info.' },
      { ts: '2017-03-14T21:04:00', sender: null, kind: 'system', src: [2, 1], text: 'Dirk heeft de groep "Calamiteitenoverleg" gemaakt' },
      { ts: '2017-03-14T21:06:00', sender: 'Dirk', kind: 'message', src: [3, 1], text: 'Storing in gemaal Noord, ik ga kijken' },
      { ts: '2017-03-14T21:07:00', sender: 'Eva', kind: 'message', src: [4, 1], text: 'Oké, bel me als je er bent' },
      { ts: '2017-03-15T07:02:00', sender: 'Dirk', kind: 'media', src: [5, 1], text: '', meta: { placeholder: '<Media weggelaten>' } },
    ], 'minute');
  });

  it('iOS nl 2024 `[13-01-2024, 18:47:25] `: group-name events, LRM bodies, every iOS placeholder', async () => {
    const r = await parseFixture('ios-nl.txt', { as: '_chat.txt', beside: ['00000017-Manifesto.pdf'] });
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater', 'the group name iOS gives as author of events');
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram', '+31 6 00000003', '~ Gijs', 'Carlijn', 'Dirk'));
    const omitted = (ts: string, line: number, placeholder: string) =>
      ({ ts, sender: 'Dirk', kind: 'media' as const, src: [line, 1] as [number, number], text: '', meta: { placeholder } });
    assertMessages(r.messages, [
      { ts: '2024-01-13T18:40:00', sender: null, kind: 'system', src: [1, 1],
        text: 'Berichten en oproepen worden end-to-end versleuteld. Alleen mensen in deze chat kunnen ze lezen, beluisteren of delen.' },
      { ts: '2024-01-12T09:15:02', sender: null, kind: 'system', src: [2, 1], text: 'Annelies heeft de groep "Crisisteam Hoogwater" gemaakt' },
      { ts: '2024-01-12T09:15:02', sender: null, kind: 'system', src: [3, 1], text: 'Annelies heeft je toegevoegd' },
      { ts: '2024-01-13T18:47:25', sender: 'Annelies', kind: 'message', src: [4, 2], text: 'Iedereen om 19:00 in de meldkamer graag.\nNeem je laptop mee.' },
      { ts: '2024-01-13T18:48:10', sender: 'Bram', kind: 'media', src: [6, 1], text: '', meta: { placeholder: 'afbeelding weggelaten' } },
      { ts: '2024-01-13T18:49:00', sender: '+31 6 00000003', kind: 'message', src: [7, 1], text: 'Ik ben er om 19:15' },
      { ts: '2024-01-13T18:50:12', sender: '~ Gijs', kind: 'message', src: [8, 1], text: 'Ik zit in de trein' },
      { ts: '2024-01-13T18:51:00', sender: 'Bram', kind: 'deleted', src: [9, 1], text: '', meta: { placeholder: 'Dit bericht is verwijderd.' } },
      { ts: '2024-01-13T18:51:30', sender: 'Annelies', kind: 'deleted', src: [10, 1], text: '', meta: { placeholder: 'Je hebt dit bericht verwijderd.' } },
      { ts: '2024-01-13T18:52:00', sender: 'Carlijn', kind: 'message', src: [11, 1], text: 'Ik neem koffie mee', meta: { edited: true } },
      { ts: '2024-01-13T18:53:00', sender: 'Bram', kind: 'media', src: [12, 1], text: 'Kade bij gemaal De Hoop',
        att: [{ name: '00000014-PHOTO-2024-01-13-18-53-00.jpg', present: false }] },
      // `Manifesto.pdf • 116 pagina's` is generated, not a caption.
      { ts: '2024-01-13T18:54:00', sender: 'Annelies', kind: 'media', src: [13, 1], text: '',
        att: [{ name: '00000017-Manifesto.pdf', present: true }] },
      { ts: '2024-01-13T18:55:00', sender: 'Annelies', kind: 'media', src: [14, 1], text: '',
        att: [{ name: '00000018-PHOTO-2024-01-13-18-55-00.jpg', present: false }] },
      { ts: '2024-01-13T18:56:00', sender: 'Carlijn', kind: 'message', src: [15, 1], text: 'Locatie: https://maps.google.com/?q=52.0907,5.1214',
        meta: { location: 'https://maps.google.com/?q=52.0907,5.1214' } },
      { ts: '2024-01-13T18:57:00', sender: 'Annelies', kind: 'message', src: [16, 3],
        text: 'PEILING: Wie is er om 19:00?\n\u200EOPTIE: Ik (3 stemmen)\n\u200EOPTIE: Later (1 stem)',
        meta: { poll: { question: 'Wie is er om 19:00?', options: [{ text: 'Ik', votes: 3 }, { text: 'Later', votes: 1 }] } } },
      { ts: '2024-01-13T18:58:00', sender: null, kind: 'system', src: [19, 1], text: 'Gemiste spraakoproep', meta: { actor: 'Bram' } },
      { ts: '2024-01-13T18:59:00', sender: null, kind: 'system', src: [20, 1], text: 'Annelies heeft \u202A+31\u00A06\u00A000000003\u202C toegevoegd' },
      omitted('2024-01-13T19:00:00', 21, 'Visitekaartje weggelaten'),
      omitted('2024-01-13T19:01:00', 22, 'audio weggelaten'),
      omitted('2024-01-13T19:02:00', 23, 'video weggelaten'),
      omitted('2024-01-13T19:03:00', 24, 'sticker weggelaten'),
      omitted('2024-01-13T19:04:00', 25, 'GIF weggelaten'),
      omitted('2024-01-13T19:05:00', 26, 'document weggelaten'),
    ], 'second');
  });

  it('iOS nl older `[12-03-2020 14:05:33] ` (no comma), blank line inside a message', async () => {
    const r = await parseFixture('ios-nl-2020.txt', { as: '_chat.txt' });
    assert.equal(r.conversation.title, 'Calamiteitenoverleg');
    assert.deepEqual(r.conversation.participants, participants('Eva', 'Dirk'));
    assertMessages(r.messages, [
      { ts: '2020-03-12T14:05:33', sender: null, kind: 'system', src: [1, 1], text: 'Berichten naar deze groep zijn nu beveiligd met end-to-end versleuteling.' },
      { ts: '2020-03-12T14:05:33', sender: null, kind: 'system', src: [2, 1], text: 'Eva heeft je toegevoegd' },
      { ts: '2020-03-12T14:06:01', sender: 'Eva', kind: 'message', src: [3, 1], text: 'Zijn de noodpompen getest?' },
      { ts: '2020-03-12T14:07:45', sender: 'Dirk', kind: 'message', src: [4, 3], text: 'Ja, alle drie.\n\nPomp 2 maakt wel lawaai.' },
      { ts: '2020-03-12T14:08:00', sender: 'Eva', kind: 'deleted', src: [7, 1], text: '', meta: { placeholder: 'Dit bericht is verwijderd.' } },
    ], 'second');
  });

  it('iOS before 2018 `14-03-17 21:05:33: `: notice without LRM, colon in the body', async () => {
    const r = await parseFixture('ios-2017.txt', { as: '_chat.txt' });
    assert.equal(r.conversation.title, 'Calamiteitenoverleg');
    assert.deepEqual(r.conversation.participants, participants('Dirk', 'Eva'));
    assertMessages(r.messages, [
      { ts: '2017-03-14T21:05:33', sender: null, kind: 'system', src: [1, 1],
        text: 'Berichten die naar deze groep worden verzonden, zijn nu beveiligd met end-to-end versleuteling.' },
      { ts: '2017-03-14T21:05:40', sender: 'Dirk', kind: 'message', src: [2, 1], text: 'Storing gemaal Noord' },
      { ts: '2017-03-14T21:06:02', sender: 'Eva', kind: 'media', src: [3, 1], text: '', meta: { placeholder: 'afbeelding weggelaten' } },
      { ts: '2017-03-14T21:07:10', sender: 'Eva', kind: 'message', src: [4, 1], text: 'Tijd: 21:10, ik bel de dijkgraaf' },
    ], 'second');
  });

  it('Android en-GB `23/03/2022, 13:31 - `: English events, placeholders, poll', async () => {
    const r = await parseFixture('android-en-gb.txt', { as: 'WhatsApp Chat with Flood response.txt', beside: ['IMG-20220323-WA0003.jpg'] });
    assert.equal(r.conversation.title, 'Flood response');
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram', 'Carlijn'));
    assertMessages(r.messages, [
      { ts: '2022-03-23T13:31:00', sender: null, kind: 'system', src: [1, 1],
        text: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.' },
      { ts: '2022-03-23T13:30:00', sender: null, kind: 'system', src: [2, 1], text: 'Annelies created group "Flood response"' },
      { ts: '2022-03-23T13:30:00', sender: null, kind: 'system', src: [3, 1], text: 'Annelies added Bram' },
      { ts: '2022-03-23T13:35:00', sender: 'Annelies', kind: 'message', src: [4, 1], text: 'Pumps running at full capacity.' },
      { ts: '2022-03-23T13:36:00', sender: 'Bram', kind: 'media', src: [5, 1], text: '', meta: { placeholder: '<Media omitted>' } },
      { ts: '2022-03-23T13:37:00', sender: 'Bram', kind: 'deleted', src: [6, 1], text: '', meta: { placeholder: 'This message was deleted' } },
      { ts: '2022-03-23T13:38:00', sender: 'Annelies', kind: 'deleted', src: [7, 1], text: '', meta: { placeholder: 'You deleted this message' } },
      { ts: '2022-03-23T13:39:00', sender: 'Carlijn', kind: 'message', src: [8, 1], text: 'On my way', meta: { edited: true } },
      { ts: '2022-03-23T13:40:00', sender: 'Bram', kind: 'media', src: [9, 2], text: 'Sluice gate 3',
        att: [{ name: 'IMG-20220323-WA0003.jpg', present: true }] },
      { ts: '2022-03-23T13:41:00', sender: null, kind: 'system', src: [11, 1], text: "Dirk joined using this group's invite link" },
      { ts: '2022-03-23T13:42:00', sender: null, kind: 'system', src: [12, 1],
        text: 'Annelies changed the subject from "Flood response" to "Flood response: phase 2"' },
      { ts: '2022-03-23T13:43:00', sender: 'Carlijn', kind: 'message', src: [13, 1], text: 'location: https://maps.google.com/?q=51.92,4.47',
        meta: { location: 'https://maps.google.com/?q=51.92,4.47' } },
      { ts: '2022-03-23T13:44:00', sender: 'Annelies', kind: 'message', src: [14, 4],
        text: 'POLL:\nEvening meeting?\nOPTION: 19:00 (2 votes)\nOPTION: 20:00 (1 vote)',
        meta: { poll: { question: 'Evening meeting?', options: [{ text: '19:00', votes: 2 }, { text: '20:00', votes: 1 }] } } },
      { ts: '2022-04-01T09:00:00', sender: null, kind: 'system', src: [18, 1], text: 'Annelies removed Bram' },
    ], 'minute');
  });

  it('Android en-US `2/4/23, 10:35‹NNBSP›PM - `: month first, 12 AM is midnight', async () => {
    const r = await parseFixture('android-en-us.txt');
    assert.equal(r.conversation.title, 'android-en-us', 'no title in the name: the file stem');
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram'));
    assertMessages(r.messages, [
      { ts: '2023-02-04T22:35:00', sender: null, kind: 'system', src: [1, 1],
        text: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.' },
      { ts: '2023-02-04T22:35:00', sender: 'Annelies', kind: 'message', src: [2, 1], text: 'Levee check at 11?' },
      { ts: '2023-02-04T22:36:00', sender: 'Bram', kind: 'message', src: [3, 1], text: 'Yes.' },
      { ts: '2023-02-05T00:05:00', sender: 'Bram', kind: 'media', src: [4, 1], text: '', meta: { placeholder: '<Media omitted>' } },
      { ts: '2023-02-05T12:30:00', sender: 'Annelies', kind: 'message', src: [5, 1], text: 'All clear' },
    ], 'minute');
  });

  it('iOS en `[3/18/22, 14:56:01] `: month first from a second part above 12', async () => {
    const r = await parseFixture('ios-en-24h.txt', { as: '_chat.txt' });
    assert.equal(r.conversation.title, 'Flood desk');
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram', 'Carlijn'));
    assertMessages(r.messages, [
      { ts: '2022-03-18T14:56:01', sender: null, kind: 'system', src: [1, 1],
        text: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.' },
      { ts: '2022-03-18T14:56:01', sender: null, kind: 'system', src: [2, 1], text: 'Annelies created group “Flood desk”' },
      { ts: '2022-03-18T14:57:12', sender: 'Annelies', kind: 'message', src: [3, 1], text: 'Road closed at the bridge' },
      { ts: '2022-03-18T14:58:00', sender: 'Bram', kind: 'media', src: [4, 1], text: '', meta: { placeholder: 'image omitted' } },
      { ts: '2022-03-18T14:58:30', sender: 'Bram', kind: 'media', src: [5, 1], text: '',
        att: [{ name: '00000003-PHOTO-2022-03-18-14-58-30.jpg', present: false }] },
      { ts: '2022-03-18T14:59:00', sender: 'Carlijn', kind: 'deleted', src: [6, 1], text: '', meta: { placeholder: 'This message was deleted.' } },
      { ts: '2022-03-19T08:00:00', sender: 'Annelies', kind: 'deleted', src: [7, 1], text: '', meta: { placeholder: 'You deleted this message.' } },
      { ts: '2022-04-02T09:15:00', sender: null, kind: 'system', src: [8, 1], text: 'Missed video call', meta: { actor: 'Bram' } },
    ], 'second');
  });

  it('iOS en `[1/29/18, 12:24:03 PM] `: AM/PM, non-monotonic times', async () => {
    const r = await parseFixture('ios-en-ampm.txt', { as: '_chat.txt' });
    assert.equal(r.conversation.title, '_chat', 'no events and no title in the name: the file stem');
    assertMessages(r.messages, [
      { ts: '2018-01-29T12:24:03', sender: 'Annelies', kind: 'message', src: [1, 1], text: 'Meeting moved to the town hall' },
      { ts: '2018-01-29T12:25:10', sender: 'Bram', kind: 'message', src: [2, 1], text: 'ok' },
      { ts: '2018-01-30T01:02:00', sender: 'Bram', kind: 'media', src: [3, 1], text: '', meta: { placeholder: 'video omitted' } },
      { ts: '2018-01-30T00:00:00', sender: 'Annelies', kind: 'message', src: [4, 1], text: 'Midnight check done' },
    ], 'second');
  });

  it('iOS `[20.06.19, 15:58:47] ` (dotted dates)', async () => {
    const r = await parseFixture('ios-dots.txt');
    assertMessages(r.messages, [
      { ts: '2019-06-20T15:58:47', sender: 'Annelies', kind: 'message', src: [1, 1], text: 'Pegel steigt weiter' },
      { ts: '2019-06-20T15:59:02', sender: 'Bram', kind: 'message', src: [2, 1], text: 'Ich fahre hin' },
      { ts: '2019-07-01T08:00:00', sender: 'Annelies', kind: 'message', src: [3, 1], text: 'Entwarnung' },
    ], 'second');
  });

  it('iOS `[26/01/21 21.05.53] ` (dotted times, no comma)', async () => {
    const r = await parseFixture('ios-dotted-time.txt');
    assertMessages(r.messages, [
      { ts: '2021-01-26T21:05:53', sender: 'Annelies', kind: 'message', src: [1, 1], text: 'Sandbags at the depot' },
      { ts: '2021-01-26T21:06:10', sender: 'Bram', kind: 'message', src: [2, 1], text: 'Collecting them now' },
      { ts: '2021-02-02T07:30:00', sender: 'Annelies', kind: 'message', src: [3, 1], text: 'Thanks' },
    ], 'second');
  });

  it('Android `2019-05-02, 11:23 a.m. - ` (year first, a.m./p.m.)', async () => {
    const r = await parseFixture('android-year-first.txt');
    assertMessages(r.messages, [
      { ts: '2019-05-02T11:23:00', sender: 'Annelies', kind: 'message', src: [1, 1], text: 'Water level report is in' },
      { ts: '2019-05-02T13:05:00', sender: 'Bram', kind: 'message', src: [2, 1], text: 'Thanks' },
      { ts: '2019-05-03T00:00:00', sender: 'Annelies', kind: 'message', src: [3, 1], text: 'Night shift started' },
    ], 'minute');
  });
});
