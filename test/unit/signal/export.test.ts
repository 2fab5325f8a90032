import * as assert from 'node:assert/strict';
import { messageId, type Message } from '../../../src/model/conversation';
import { encode, readChecked } from '../support/fixtures';
import { assertEachMessage, content } from '../support/messages';
import { CHAT_MD, CHAT_MD_2019, DATA_JSON, fixtureText, parseChat } from './support';

const PLANNING = 'Top. Planning voor vanavond:\n- 19:00 overleg meldkamer\n- 21:00 ronde langs de dijk';

/** The 14 messages of chat-2024.md / data-2024.json with their chat.md lines; the media present are the ones the test puts there. */
function expected2024(present: (name: string) => boolean, lines: (n: number) => Message['source']): Message[] {
  const at = (name: string) => ({ name: `media/${name}`, present: present(name) });
  const m = (n: number, rest: Omit<Message, 'id' | 'precision' | 'source' | 'replyTo' | 'attachments' | 'direction'>
    & Partial<Pick<Message, 'replyTo' | 'attachments' | 'direction'>>): Message => ({
    id: messageId(n),
    precision: 'second',
    direction: rest.sender === null ? null : rest.sender === 'Me' ? 'outgoing' : 'incoming',
    attachments: [],
    replyTo: null,
    source: lines(n),
    ...rest,
  });
  return [
    m(1, { timestamp: '2024-05-13T14:05:33', sender: 'Annelies', kind: 'message', text: 'Goedemiddag, de pompen bij gemaal Noord draaien weer.',
      meta: { reactions: [{ by: 'Bram', emoji: '👍' }, { by: 'Me', emoji: '❤️' }] } }),
    m(2, { timestamp: '2024-05-13T14:06:10', sender: 'Me', kind: 'message', text: PLANNING }),
    m(3, { timestamp: '2024-05-13T14:07:02', sender: 'Bram', kind: 'message', text: 'Mooi, dan kan de noodpomp terug.', replyTo: 'm000001' }),
    m(4, { timestamp: '2024-05-13T14:08:45', sender: 'Carlijn', kind: 'media', text: 'Foto van de kade', attachments: [at('kade noord.jpg')] }),
    m(5, { timestamp: '2024-05-13T14:09:00', sender: 'Carlijn', kind: 'media', text: '', attachments: [at('draaiboek.pdf'), at('IMG_0042.jpeg')] }),
    m(6, { timestamp: '2024-05-13T14:10:12', sender: 'Dirk', kind: 'media', text: '', meta: { sticker: '👍' } }),
    m(7, { timestamp: '2024-05-13T14:10:40', sender: 'Eva de Boer', kind: 'media', text: '', meta: { sticker: '😀' } }),
    m(8, { timestamp: '2024-05-13T14:12:00', sender: 'Bram', kind: 'deleted', text: '' }),
    // The quoted message is not in the export: the quote is kept instead.
    m(9, { timestamp: '2024-05-13T14:13:05', sender: 'Me', kind: 'message', text: 'Ik heb hem, ligt in de auto.',
      meta: { quote: 'Wie heeft de sleutel van het gemaal?' } }),
    m(10, { timestamp: '2024-05-13T14:15:30', sender: 'Annelies', kind: 'media', text: 'Ik schuif aan om 19:00.\nNeem de kaart mee.',
      attachments: [at('kaart.png')], replyTo: 'm000002', meta: { reactions: [{ by: 'Carlijn', emoji: '👍' }] } }),
    m(11, { timestamp: '2024-05-13T14:20:00', sender: null, kind: 'system', text: 'Outgoing voice call (accepted, 2m 5s)', meta: { actor: 'Me' } }),
    m(12, { timestamp: '2024-05-13T14:21:00', sender: null, kind: 'system', text: 'Missed voice call', meta: { actor: 'Bram' } }),
    // Date-like, quote-like and link lines inside a body are body; `(pas op)` in ASCII is no reaction.
    m(13, { timestamp: '2024-05-13T14:22:10', sender: 'Eva de Boer', kind: 'message',
      text: 'Notulen:\n[13-05-2024] overleg gepland\n> dit is geen citaat\nZie [de site](https://example.org/peil) voor de peilen (pas op)',
      meta: { reactions: [{ by: 'Annelies', emoji: '😮' }, { by: 'Bram', emoji: '👍🏽' }] } }),
    // A reply to a message without text (a photo): nothing to match.
    m(14, { timestamp: '2024-05-13T14:23:00', sender: 'Carlijn', kind: 'message', text: 'Klopt', meta: { quote: '' } }),
  ];
}

/** First line and line count of each message in chat-2024.md. */
const MD_LINES: [number, number][] = [[1, 2], [4, 3], [8, 5], [14, 1], [16, 1], [18, 2], [21, 1], [23, 1], [25, 5], [31, 9], [41, 1], [43, 1], [45, 5], [51, 5]];
const mdLines = (n: number) => ({ line: MD_LINES[n - 1][0], lines: MD_LINES[n - 1][1] });
const jsonLines = (n: number) => ({ line: n, lines: 1 });

const PARTICIPANTS = ['Annelies', 'Me', 'Bram', 'Carlijn', 'Dirk', 'Eva de Boer'].map((name) => ({ name }));

describe('Signal: signal-export', () => {
  describe('chat.md, current form `[2024-05-13 14:05:33] Me: `', () => {
    it('every field of every message: replies, reactions, media, stickers, deletion, calls', async () => {
      const r = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD) });
      assert.equal(r.format, 'signal');
      assert.deepEqual(r.conversation, { title: 'chat', participants: PARTICIPANTS });
      assertEachMessage(r.messages, expected2024(() => false, mdLines));
    });

    it('the owner is `Me`: outgoing; everyone else incoming; events have no direction', async () => {
      const r = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD) });
      assert.deepEqual(r.messages.filter((m) => m.direction === 'outgoing').map((m) => m.id), ['m000002', 'm000009']);
      assert.ok(r.messages.filter((m) => m.kind === 'system').every((m) => m.direction === null && m.sender === null));
    });

    it('a reply links to the latest earlier message with the quoted text, also across white space and backticks', async () => {
      const text = '[2024-05-13 09:00:00] Bram: Stand: 2,10 m  \n\n'
        + '[2024-05-13 10:00:00] Bram: Stand: 2,10 m  \n\n'
        + '[2024-05-13 11:00:00] Annelies: \n\n> Stand:  `2,10 m`\n\nDank!  \n\n'
        + '[2024-05-13 12:00:00] Carlijn: \n\n> Dank!\n> \n\nGraag gedaan  \n';
      const r = await parseChat({ as: 'chat.md', text });
      assert.deepEqual(r.messages.map((m) => m.replyTo), [null, null, 'm000002', 'm000003']);
      assert.equal(r.messages[2].meta, undefined, 'no quote kept when the original is found');
      assert.equal(r.messages[3].text, 'Graag gedaan');
    });

    it('a quote refers back: a later message with the quoted text does not count', async () => {
      const text = '[2024-05-13 11:00:00] Annelies: \n\n> Komt er een update?\n\nJa  \n\n[2024-05-13 11:05:00] Bram: Komt er een update?  \n';
      const r = await parseChat({ as: 'chat.md', text });
      assert.equal(r.messages[0].replyTo, null);
      assert.deepEqual(r.messages[0].meta, { quote: 'Komt er een update?' });
    });

    it('media are present when the media folder beside chat.md holds them', async () => {
      const r = await readChecked({
        fileName: 'chat.md',
        bytes: encode(fixtureText(CHAT_MD)),
        siblings: new Set(['data.json', 'media', 'media/kade noord.jpg', 'media/kaart.png']),
      });
      assertEachMessage(r.messages, expected2024((name) => name === 'kade noord.jpg' || name === 'kaart.png', mdLines));
    });

    it('a file of the same name beside chat.md instead of in media/ is not its attachment', async () => {
      const r = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD), beside: ['kaart.png', 'draaiboek.pdf'] });
      assert.ok(r.messages.flatMap((m) => m.attachments).every((a) => !a.present));
    });

    it('attachment paths with parentheses, several links, reactions before them', async () => {
      const text = '[2024-05-13 14:00:00] Dirk: Twee foto\'s  \n(- Eva: 🔥 -)![IMG (1).jpg](./media/IMG%20(1).jpg)  [verslag v2.docx](./media/verslag%20v2.docx)  \n';
      const r = await readChecked({ fileName: 'chat.md', bytes: encode(text), siblings: new Set(['media/IMG (1).jpg']) });
      assert.deepEqual(r.messages[0].attachments, [{ name: 'media/IMG (1).jpg', present: true }, { name: 'media/verslag v2.docx', present: false }]);
      assert.equal(r.messages[0].text, 'Twee foto\'s');
      assert.deepEqual(r.messages[0].meta, { reactions: [{ by: 'Eva', emoji: '🔥' }] });
    });

    it('a reacting name holding `, ` and a `(- … -)` line that is no reaction list', async () => {
      const text = '[2024-05-13 14:00:00] Dirk: ok  \n(- Jansen, Piet: 👍, Eva: 👍 -)\n\n[2024-05-13 14:01:00] Dirk: Agenda\n(- punt een -)  \n';
      const r = await parseChat({ as: 'chat.md', text });
      assert.deepEqual(r.messages[0].meta, { reactions: [{ by: 'Jansen, Piet', emoji: '👍' }, { by: 'Eva', emoji: '👍' }] });
      assert.equal(r.messages[1].text, 'Agenda\n(- punt een -)');
      assert.equal(r.messages[1].meta, undefined);
    });

    it('a header whose date does not exist continues the message before it', async () => {
      const r = await parseChat({ as: 'chat.md', text: '[2024-05-13 14:00:00] Dirk: een\n[2024-02-30 14:01:00] Dirk: twee\n' });
      assert.equal(r.messages.length, 1);
      assert.equal(r.messages[0].text, 'een\n[2024-02-30 14:01:00] Dirk: twee');
    });
  });

  describe('chat.md, older form `[2019-12-24, 12:23] Jane Doe: `', () => {
    it('minutes, no empty lines between messages, multi-line bodies, media', async () => {
      const r = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD_2019) });
      assert.deepEqual(r.conversation.participants, ['Femke Jansen', 'Me', 'Gert'].map((name) => ({ name })));
      const m = (n: number, timestamp: string, sender: string, text: string, line: number, lines = 1, attachments: Message['attachments'] = []): Message => ({
        id: `m00000${n}`, timestamp, precision: 'minute', sender, direction: sender === 'Me' ? 'outgoing' : 'incoming',
        kind: attachments.length ? 'media' : 'message', text, attachments, replyTo: null, source: { line, lines },
      });
      assertEachMessage(r.messages, [
        m(1, '2019-12-24T12:23:00', 'Femke Jansen', 'Goedemiddag, is de dijkwacht voor de kerst rond?', 1),
        m(2, '2019-12-24T12:25:00', 'Me', 'Ja, rooster volgt vanavond.', 2),
        m(3, '2019-12-24T12:31:00', 'Femke Jansen', 'Prima. Ik stuur de lijst met telefoonnummers:\n06-00000001 (Gert)\n06-00000002 (Hanna)', 3, 3),
        m(4, '2019-12-24T12:40:00', 'Me', '', 6, 1, [{ name: 'media/2019-12-24_00_rooster.jpg', present: false }]),
        m(5, '2019-12-24T18:02:00', 'Gert', 'Ik kan de 26e niet, ruil met Hanna?', 7),
      ]);
    });

    it('without the comma, and in a file of another name', async () => {
      const r = await parseChat({ as: 'Crisisteam.md', text: '[2019-12-24 12:23] Femke Jansen: Hallo  \n' });
      assert.equal(r.format, 'signal');
      assert.equal(r.conversation.title, 'Crisisteam');
      assert.equal(r.messages[0].timestamp, '2019-12-24T12:23:00');
    });
  });

  describe('data.json (JSON lines)', () => {
    it('the same messages as chat.md, one line each', async () => {
      const r = await parseChat({ as: 'data.json', text: fixtureText(DATA_JSON) });
      assert.equal(r.format, 'signal');
      assert.deepEqual(r.conversation, { title: 'data', participants: PARTICIPANTS });
      assertEachMessage(r.messages, expected2024(() => false, jsonLines));
    });

    it('chat.md and data.json of one chat agree on everything but their lines', async () => {
      const md = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD) });
      const json = await parseChat({ as: 'data.json', text: fixtureText(DATA_JSON) });
      assert.deepEqual(json.messages.map(content), md.messages.map(content));
      assert.deepEqual(json.messages.map((m) => m.replyTo), md.messages.map((m) => m.replyTo));
    });

    it('media present from the media folder', async () => {
      const r = await readChecked({ fileName: 'data.json', bytes: encode(fixtureText(DATA_JSON)), siblings: new Set(['media/draaiboek.pdf']) });
      assert.deepEqual(r.messages[4].attachments, [{ name: 'media/draaiboek.pdf', present: true }, { name: 'media/IMG_0042.jpeg', present: false }]);
    });

    it('zoned dates go through --tz; naive ones are wall-clock time already; minutes without seconds', async () => {
      const line = (date: string) => JSON.stringify({ date, sender: 'Bram', body: 'Stand?  ' });
      const text = [line('2024-05-13T12:05:33.5+00:00'), line('2024-05-13T14:05:33Z'), line('2024-05-13T14:05:33.999999'), line('2024-05-13 14:05')].join('\n');
      const r = await parseChat({ as: 'data.json', text }, { timeZone: 'Europe/Amsterdam' });
      assert.deepEqual(r.messages.map((m) => [m.timestamp, m.precision]), [
        ['2024-05-13T14:05:33', 'second'], ['2024-05-13T16:05:33', 'second'], ['2024-05-13T14:05:33', 'second'], ['2024-05-13T14:05:00', 'minute'],
      ]);
    });

    it('older records: a Sticker object, nulls, no optional keys, unknown keys, empty lines between records', async () => {
      const text = [
        JSON.stringify({ date: '2021-03-01T10:00:00', sender: 'Dirk', body: null, quote: null, sticker: { id: '3', packId: 'p', emoji: '🚒' }, reactions: null, attachments: null }),
        '',
        JSON.stringify({ date: '2021-03-01T10:01:00', sender: 'Dirk', body: 'Onderweg  ', extra: { nieuw: true } }),
        JSON.stringify({ date: '2021-03-01T10:02:00', sender: 'Dirk', body: '', sticker: { emoji: null } }),
        JSON.stringify({ date: '2021-03-01T10:03:00', sender: 'Dirk', body: 'Plain quote  ', quote: 'Onderweg' }),
      ].join('\n');
      const r = await parseChat({ as: 'data.json', text });
      assert.deepEqual(r.messages.map((m) => [m.kind, m.text, m.meta, m.source.line, m.replyTo]), [
        ['media', '', { sticker: '🚒' }, 1, null],
        ['message', 'Onderweg', undefined, 3, null],
        ['media', '', { sticker: 'sticker' }, 4, null],
        ['message', 'Plain quote', undefined, 5, 'm000002'],
      ]);
    });
  });
});
