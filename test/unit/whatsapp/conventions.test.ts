import * as assert from 'node:assert/strict';
import { normalizeAuthor } from '../../../src/parsers/whatsapp/body';
import { inputError } from '../support/errors';
import { ENCODINGS, fixtureText, LINE_ENDS, parseFixture, parseText, unmark } from '../support/fixtures';
import { assertMessages } from '../support/messages';

const FIXTURES = [
  'android-nl.txt', 'android-nl-2017.txt', 'ios-nl.txt', 'ios-nl-2020.txt', 'ios-2017.txt', 'android-en-gb.txt',
  'android-en-us.txt', 'ios-en-24h.txt', 'ios-en-ampm.txt', 'ios-dots.txt', 'ios-dotted-time.txt', 'android-year-first.txt',
];

describe('WhatsApp conventions', () => {
  describe('encodings and line ends', () => {
    for (const fixture of FIXTURES) {
      it(`${fixture}: the same result in UTF-8 (±BOM), UTF-16LE/BE with BOM, BOM-less UTF-16LE; LF, CRLF, CR`, async () => {
        const base = await parseFixture(fixture);
        for (const encoding of ENCODINGS) {
          for (const eol of LINE_ENDS) {
            assert.deepEqual(await parseFixture(fixture, { encoding, eol }), base, `${encoding} ${JSON.stringify(eol)}`);
          }
        }
      });
    }
  });

  describe('day order', () => {
    const firstTimestamps = async (text: string, dayOrder?: 'day-first' | 'month-first') =>
      (await parseText(unmark(text), {}, { dayOrder })).messages.map((m) => m.timestamp);

    it('ambiguous slash dates without AM/PM are an error naming both flags', async () => {
      const message = await inputError(parseFixture('ambiguous.txt'));
      assert.match(message, /^ambiguous\.txt: .*day order.*--day-first.*--month-first/);
    });

    it('the ambiguous file with --day-first and with --month-first', async () => {
      const day = await parseFixture('ambiguous.txt', {}, { dayOrder: 'day-first' });
      assertMessages(day.messages, [
        { ts: '2023-02-01T10:35:00', sender: 'Annelies', kind: 'message', src: [1, 1], text: 'Sandbags delivered' },
        { ts: '2023-02-01T10:40:00', sender: 'Bram', kind: 'message', src: [2, 1], text: 'Thanks' },
        { ts: '2023-02-03T09:00:00', sender: 'Annelies', kind: 'message', src: [3, 1], text: 'Status?' },
      ], 'second');
      const month = await parseFixture('ambiguous.txt', {}, { dayOrder: 'month-first' });
      assert.deepEqual(month.messages.map((m) => m.timestamp), ['2023-01-02T10:35:00', '2023-01-02T10:40:00', '2023-03-02T09:00:00']);
    });

    it('a file with both a first and a second part above 12 is an error', async () => {
      assert.match(await inputError(parseFixture('mixed.txt')), /^mixed\.txt mixes day-first and month-first dates.*--day-first.*--month-first/);
    });

    it('a flag overrides the evidence, and a header whose date does not exist in that order is an error', async () => {
      assert.match(await inputError(parseFixture('mixed.txt', {}, { dayOrder: 'day-first' })),
        /^mixed\.txt: line 2 has a date that does not exist with --day-first; is that the right day order\?$/);
    });

    it('text before the first header is an error, blank lines there are not', async () => {
      assert.match(await inputError(parseText('cut off mid-message\n23-03-2022 13:31 - Jan: hoi\n', { as: 'x.txt' })),
        /^x\.txt: line 1 comes before the first message header/);
      assert.equal((await parseText('\n\n23-03-2022 13:31 - Jan: hoi\n')).messages.length, 1);
    });

    it('`-` and `.` separators mean day first', async () => {
      assert.deepEqual(await firstTimestamps('[01-02-2023 10:00:00] Annelies: ok\n'), ['2023-02-01T10:00:00']);
      assert.deepEqual(await firstTimestamps('01.02.23, 10:00 - Annelies: ok\n'), ['2023-02-01T10:00:00']);
    });

    it('`/` with AM/PM means month first', async () => {
      assert.deepEqual(await firstTimestamps('1/2/23, 10:00‹NNBSP›PM - Annelies: ok\n'), ['2023-01-02T22:00:00']);
      assert.deepEqual(await firstTimestamps('[1/2/23, 10:00:00 AM] Annelies: ok\n'), ['2023-01-02T10:00:00']);
    });

    it('Dutch system strings mean day first', async () => {
      assert.deepEqual(await firstTimestamps('1/2/23, 10:00 - Annelies: <Media weggelaten>\n1/2/23, 10:01 - Bram: ok\n'),
        ['2023-02-01T10:00:00', '2023-02-01T10:01:00']);
    });

    it('a part above 12 decides even when it comes after many ambiguous headers', async () => {
      const lines = Array.from({ length: 150 }, (_, i) => `[1/2/23, 10:${String(i % 60).padStart(2, '0')}:00] Annelies: bericht ${i}`);
      lines.push('[3/14/23, 09:00:00] Bram: pi');
      const ts = await firstTimestamps(lines.join('\n') + '\n');
      assert.equal(ts.length, 151);
      assert.equal(ts[0], '2023-01-02T10:00:00');
      assert.equal(ts[150], '2023-03-14T09:00:00');
    });

  });

  describe('titles', () => {
    const ios = fixtureText('ios-nl.txt');
    const android = fixtureText('android-nl-2017.txt');

    it('from `WhatsApp-chat met X.txt`, `WhatsApp Chat with X.txt` and numbered copies', async () => {
      assert.equal((await parseText(android, { as: 'WhatsApp-chat met Gemaal Noord.txt' })).conversation.title, 'Gemaal Noord');
      assert.equal((await parseText(android, { as: 'WhatsApp Chat with Gemaal Noord.txt' })).conversation.title, 'Gemaal Noord');
      assert.equal((await parseText(android, { as: 'WhatsApp-chat met Gemaal Noord (2).txt' })).conversation.title, 'Gemaal Noord');
      assert.equal((await parseText(ios, { as: 'WhatsApp Chat - Gemaal Noord.txt' })).conversation.title, 'Gemaal Noord', 'the name wins over the group-name author');
    });

    it('from the group-name author of the first iOS event, else the file stem', async () => {
      assert.equal((await parseText(ios, { as: '_chat.txt' })).conversation.title, 'Crisisteam Hoogwater');
      assert.equal((await parseText(android, { as: 'export 14 maart.txt' })).conversation.title, 'export 14 maart');
    });

    it('a missed call names the caller, not the chat', async () => {
      const text = unmark('[13-01-2024, 18:58:00] Bram: ‹LRM›Gemiste spraakoproep\n'
        + '[13-01-2024, 18:59:00] Crisisteam Hoogwater: ‹LRM›Annelies heeft Bram toegevoegd\n');
      assert.equal((await parseText(text, { as: '_chat.txt' })).conversation.title, 'Crisisteam Hoogwater');
      const onlyCall = unmark('[13-01-2024, 18:58:00] Bram: ‹LRM›Gemiste spraakoproep\n[13-01-2024, 18:59:00] Bram: hallo?\n');
      assert.equal((await parseText(onlyCall, { as: '_chat.txt' })).conversation.title, '_chat');
    });
  });

  describe('senders', () => {
    it('lose bidi marks and isolates; odd spaces become spaces; trimmed', () => {
      assert.equal(normalizeAuthor('\u202A+31\u00A06\u00A000000003\u202C'), '+31 6 00000003');
      assert.equal(normalizeAuthor('~\u202FPiet'), '~ Piet');
      assert.equal(normalizeAuthor('\u200E\u2068Annelies\u2069\u200F '), 'Annelies');
      assert.equal(normalizeAuthor('\u202BBram\u202C'), 'Bram');
    });

    it('participants are the non-null senders in order of first appearance', async () => {
      const r = await parseText(unmark('[13-01-2024, 18:00:00] Crisisteam: ‹LRM›Bram heeft je toegevoegd\n'
        + '[13-01-2024, 18:01:00] Bram: ‹LRM›Gemiste spraakoproep\n'
        + '[13-01-2024, 18:02:00] ~‹NNBSP›Gijs: ‹LRM›Dit bericht is verwijderd.\n'
        + '[13-01-2024, 18:03:00] Annelies: hoi\n[13-01-2024, 18:04:00] ~ Gijs: ja\n'));
      assert.deepEqual(r.conversation.participants, [{ name: '~ Gijs' }, { name: 'Annelies' }]);
    });
  });

  describe('lines and text', () => {
    it('source lines count every line of the chat text, also lines before the first header', async () => {
      const r = await parseText('\n\n[13-01-2024, 18:00:00] Annelies: een\ntwee\n\n[13-01-2024, 18:01:00] Bram: drie\n');
      assertMessages(r.messages, [
        { ts: '2024-01-13T18:00:00', sender: 'Annelies', kind: 'message', src: [3, 3], text: 'een\ntwee\n' },
        { ts: '2024-01-13T18:01:00', sender: 'Bram', kind: 'message', src: [6, 1], text: 'drie' },
      ], 'second');
    });

    it('a body ending in blank lines keeps them; the final line break of the file starts no line', async () => {
      const r = await parseText('[13-01-2024, 18:00:00] Annelies: een\n\n\n');
      assert.equal(r.messages[0].text, 'een\n\n');
      assert.deepEqual(r.messages[0].source, { line: 1, lines: 3 });
    });

    it('an empty body is an empty message', async () => {
      const r = await parseText('23-03-2022 13:31 - Annelies: \n');
      assertMessages(r.messages, [{ ts: '2022-03-23T13:31:00', sender: 'Annelies', kind: 'message', src: [1, 1], text: '' }], 'minute');
    });

    it('a placeholder with a caption-like tail is not a placeholder', async () => {
      const r = await parseText('23-03-2022 13:31 - Annelies: Dit bericht is verwijderd, zei Bram\n');
      assert.equal(r.messages[0].kind, 'message');
    });
  });

  describe('body forms', () => {
    const one = async (line: string) => {
      const r = await parseText(unmark(line), {}, { dayOrder: 'day-first' });
      assert.equal(r.messages.length, 1);
      const { kind, sender, text, attachments, meta } = r.messages[0];
      return { kind, sender, text, attachments, meta };
    };

    it('the edited note after a multi-line body', async () => {
      assert.deepEqual(await one('[13-01-2024, 18:00:00] Annelies: een\ntwee ‹LRM›<Dit bericht is bewerkt>\n'),
        { kind: 'message', sender: 'Annelies', text: 'een\ntwee', attachments: [], meta: { edited: true } });
    });

    it('an iOS attachment with the caption on the next line', async () => {
      assert.deepEqual(await one('[13-01-2024, 18:00:00] Annelies: ‹LRM›<bijgevoegd: 00000001-PHOTO-2024-01-13-18-00-00.jpg>\nDe kade\n'),
        { kind: 'media', sender: 'Annelies', text: 'De kade', attachments: [{ name: '00000001-PHOTO-2024-01-13-18-00-00.jpg', present: false }], meta: undefined });
    });

    it('an Android attachment with a caption of several lines', async () => {
      assert.deepEqual(await one('23-03-2022 13:40 - Bram: DOC-20220323-WA0004.pdf (bestand bijgevoegd)\nDraaiboek\nversie 2\n'),
        { kind: 'media', sender: 'Bram', text: 'Draaiboek\nversie 2', attachments: [{ name: 'DOC-20220323-WA0004.pdf', present: false }], meta: undefined });
    });

    it('a document descriptor with a typographic apostrophe or a single page is no caption', async () => {
      for (const descriptor of ['Manifesto.pdf • 116 pagina’s', 'Manifesto.pdf • 1 pagina', 'Manifesto.pdf • 3 pages']) {
        const m = await one(`[13-01-2024, 18:00:00] Annelies: ‹LRM›${descriptor} ‹LRM›<bijgevoegd: 00000017-Manifesto.pdf>\n`);
        assert.equal(m.text, '', descriptor);
      }
    });

    it('an iOS poll whose question and options each start with an LRM', async () => {
      const m = await one('[13-01-2024, 18:00:00] Annelies: ‹LRM›PEILING:\n‹LRM›Wanneer?\n‹LRM›OPTIE: 14:00 (1 stem)\n');
      assert.equal(m.kind, 'message');
      assert.deepEqual(m.meta, { poll: { question: 'Wanneer?', options: [{ text: '14:00', votes: 1 }] } });
    });

    it('deleted by an admin', async () => {
      assert.deepEqual(await one('[13-01-2024, 18:00:00] Bram: ‹LRM›Dit bericht is verwijderd door een beheerder.\n'),
        { kind: 'deleted', sender: 'Bram', text: '', attachments: [], meta: { placeholder: 'Dit bericht is verwijderd door een beheerder.' } });
    });

    it('an iOS encryption notice without LRM in a recent chat is still an event', async () => {
      assert.deepEqual(await one('[13-01-2024, 18:00:00] Bram: Berichten en oproepen worden end-to-end versleuteld.\n'),
        { kind: 'system', sender: null, text: 'Berichten en oproepen worden end-to-end versleuteld.', attachments: [], meta: undefined });
    });
  });

  describe('errors', () => {
    it('--format whatsapp on a text without messages', async () => {
      const message = await inputError(parseFixture('no-messages.txt', {}, { format: 'whatsapp' }));
      assert.match(message, /^no-messages\.txt: no recognisable WhatsApp messages/);
    });

    it('an unknown --format', async () => {
      assert.match(await inputError(parseFixture('ios-dots.txt', {}, { format: 'telex' })), /unknown format "telex" \(known: .*whatsapp/);
    });
  });
});
