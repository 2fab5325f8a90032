import * as assert from 'node:assert/strict';
import { messageId, type Message } from '../../../src/model/conversation';
import { getFormat } from '../../../src/parsers';
import { openExport } from '../../../src/parsers/input';
import { sms } from '../../../src/parsers/sms';
import { inputError } from '../support/errors';
import { FIXTURES as WHATSAPP_FIXTURES, fixtureText as whatsappText, writeFiles } from '../support/fixtures';
import { assertEachMessage } from '../support/messages';
import { fixtureText, GROUP, MULTI, openBackup, parseBackup, SINGLE } from './helpers';

type Row = Omit<Message, 'id' | 'precision' | 'replyTo' | 'timestamp' | 'source' | 'attachments'> & {
  ts: string;
  src: [line: number, lines: number];
  attachments?: Message['attachments'];
};

/** Compares message by message; ids count from m000001, precision is always seconds. */
function assertMessages(actual: Message[], rows: Row[]): void {
  const expected = rows.map(({ ts, src, attachments, ...rest }, i): Message => ({
    id: messageId(i + 1),
    timestamp: ts,
    precision: 'second',
    replyTo: null,
    attachments: attachments ?? [],
    source: { line: src[0], lines: src[1] },
    ...rest,
  }));
  assertEachMessage(actual, expected);
}

const sms1 = (tag: string) => `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1">\n  ${tag}\n</smses>\n`;

describe('SMS Backup & Restore: reading', () => {
  it('one thread: received and sent SMS, line breaks, entities, emoji as surrogate references, MMS with text and image', async () => {
    const r = await parseBackup(fixtureText(SINGLE), {}, SINGLE);
    assert.equal(r.format, 'sms');
    assert.deepEqual(r.conversation, { title: 'Annelies de Vries', participants: [{ name: 'Annelies de Vries' }, { name: 'Ik' }] });
    const annelies = { sender: 'Annelies de Vries', direction: 'incoming' } as const;
    const me = { sender: 'Ik', direction: 'outgoing' } as const;
    assertMessages(r.messages, [
      { ts: '2024-01-13T18:47:25', ...annelies, kind: 'message', text: 'Goedemiddag, hoe staat de dijk bij gemaal De Hoop?', src: [5, 1] },
      { ts: '2024-01-13T18:49:02', ...me, kind: 'message', text: 'Pompen draaien.\nZandzakken zijn onderweg.\n\nUpdate om 20:00.', src: [6, 1] },
      { ts: '2024-01-13T18:52:40', ...annelies, kind: 'message', text: 'Top 👍 & dank <3', src: [7, 1] },
      // The SMIL layout part is dropped; the text part is the text, the image an attachment with its data.
      { ts: '2024-01-13T19:05:11', ...annelies, kind: 'media', text: 'Kade bij gemaal De Hoop', src: [8, 11],
        attachments: [{ name: 'kade.png', present: true }], meta: { subject: 'Foto kade' } },
      { ts: '2024-01-13T19:06:00', ...me, kind: 'message', text: 'Gezien.\nIk bel de waterschapper.', src: [19, 10] },
      // Draft, outbox, failed, queued: written by the owner on this phone, so outgoing, with their status.
      { ts: '2024-01-13T19:07:30', ...me, kind: 'message', text: 'Concept: morgen 9:00 evaluatie in de meldkamer?', src: [29, 1], meta: { status: 'draft' } },
      { ts: '2024-01-13T19:10:45', ...me, kind: 'message', text: 'Ben onderweg', src: [30, 1], meta: { status: 'outbox' } },
      { ts: '2024-01-13T19:15:00', ...me, kind: 'message', text: 'Bereik is slecht hier', src: [31, 1], meta: { status: 'failed' } },
      { ts: '2024-01-13T19:20:33', ...me, kind: 'message', text: 'Ik probeer het later', src: [32, 1], meta: { status: 'queued' } },
    ]);
  });

  it('the owner is `Me` when readable_date is not Dutch, or missing', async () => {
    const english = sms1('<sms address="+31600000001" date="1705168142000" type="2" body="On my way" readable_date="Jan 13, 2024 6:49:02 PM" contact_name="Annelies" />');
    assert.equal((await parseBackup(english)).messages[0].sender, 'Me');
    const bare = sms1('<sms address="+31600000001" date="1705168142000" type="2" body="On my way" />');
    assert.deepEqual((await parseBackup(bare)).conversation, { title: '+31600000001', participants: [{ name: 'Me' }, { name: '+31600000001' }] });
  });

  it('epoch milliseconds become wall-clock time in the zone asked for, to the second', async () => {
    const text = sms1('<sms address="+31600000001" date="1720940470999" type="1" body="x" />');
    assert.equal((await parseBackup(text)).messages[0].timestamp, '2024-07-14T09:01:10');
    assert.equal((await parseBackup(text, { timeZone: 'UTC' })).messages[0].timestamp, '2024-07-14T07:01:10');
    assert.equal((await parseBackup(text, { timeZone: 'America/New_York' })).messages[0].timestamp, '2024-07-14T03:01:10');
    assert.match(await inputError(parseBackup(text, { timeZone: 'Mars/Olympus' })), /unknown time zone "Mars\/Olympus"/);
  });

  it('`null` and missing values are absent: no body, subject, contact name', async () => {
    const r = await parseBackup(sms1('<sms address="+31600000001" date="1705168142000" type="1" subject="null" body="null" contact_name="null" />'));
    assert.deepEqual({ ...r.messages[0], id: undefined }, {
      id: undefined, timestamp: '2024-01-13T18:49:02', precision: 'second', sender: '+31600000001', direction: 'incoming',
      kind: 'message', text: '', attachments: [], replyTo: null, source: { line: 3, lines: 1 },
    });
    const withSubject = await parseBackup(sms1('<sms address="+31600000001" date="1705168142000" type="1" subject="Dijkring 14" body="Zie onder" />'));
    assert.deepEqual(withSubject.messages[0].meta, { subject: 'Dijkring 14' });
  });

  describe('several threads', () => {
    it('conversations() lists one per thread: ids are the normalised numbers, titles the contact names', async () => {
      const input = await openBackup(fixtureText(MULTI), MULTI);
      assert.deepEqual(await sms.conversations!(input, {}), [
        { id: '+31600000001', title: 'Annelies de Vries', messages: 2 },
        { id: GROUP, title: 'Annelies de Vries, Bram Jansen, +31600000003', messages: 3 },
        { id: '+31600000002', title: 'Bram Jansen', messages: 1 },
        { id: '+31600000004', title: '+31600000004', messages: 2 },
        { id: 'KPN', title: 'KPN', messages: 1 },
      ]);
    });

    it('parse without --conversation is an error listing ids and titles on one line', async () => {
      const message = await inputError(parseBackup(fixtureText(MULTI), {}, MULTI));
      assert.match(message, /^sms-20240715080000\.xml holds 5 conversations; pick one with --conversation: \+31600000001 \(Annelies de Vries, 2 messages\); /);
      assert.match(message, /\+31600000001~\+31600000002~\+31600000003 \(Annelies de Vries, Bram Jansen, \+316000…, 3 messages\)/);
      assert.match(message, /; KPN \(KPN, 1 message\)$/);
    });

    it('a long list is shortened', async () => {
      const tags = Array.from({ length: 12 }, (_, i) => `<sms address="+316100000${String(i).padStart(2, '0')}" date="1705168142000" type="1" body="x" />`);
      const message = await inputError(parseBackup(sms1(tags.join('\n  '))));
      assert.match(message, /holds 12 conversations; .*\+31610000007 \(\+31610000007, 1 message\); … and 4 more$/);
    });

    it('a group MMS: sender from the `from` addr, names from contact_name in address order, parts and subject', async () => {
      const r = await parseBackup(fixtureText(MULTI), { conversation: GROUP }, MULTI);
      assert.deepEqual(r.conversation, {
        title: 'Annelies de Vries, Bram Jansen, +31600000003',
        participants: [{ name: 'Bram Jansen' }, { name: 'Ik' }, { name: '+31600000003' }, { name: 'Annelies de Vries' }],
      });
      assertMessages(r.messages, [
        { ts: '2024-07-14T09:05:00', sender: 'Bram Jansen', direction: 'incoming', kind: 'media', text: "Foto's van de kade", src: [7, 15],
          attachments: [{ name: 'kade1.jpg', present: true }, { name: 'kade2.jpg', present: false }, { name: 'Bram Jansen.vcf', present: true }] },
        // Its address lists the members in another order and its contact_name names them in that order.
        { ts: '2024-07-14T09:07:00', sender: 'Ik', direction: 'outgoing', kind: 'message', text: 'Ontvangen, ik kom eraan', src: [23, 11] },
        { ts: '2024-07-14T09:10:00', sender: '+31600000003', direction: 'incoming', kind: 'message', text: 'Wie neemt de aggregaat mee?', src: [34, 11],
          meta: { subject: 'Aggregaat' } },
      ]);
    });

    it('--conversation takes the numbers in any spelling and order; two spellings of a number are one thread', async () => {
      const spellings = ['+31600000001', '0600000001', '+31 6 00000001', '0031-6-0000-0001'];
      for (const conversation of spellings) {
        const r = await parseBackup(fixtureText(MULTI), { conversation }, MULTI);
        assert.deepEqual(r.messages.map((m) => [m.id, m.sender, m.text, m.source.line]), [
          ['m000001', 'Annelies de Vries', 'Hoogwater verwacht vannacht. Crisisteam om 10:00?', 5],
          ['m000002', 'Ik', 'Ik ben er.', 6],
        ], conversation);
      }
      const group = await parseBackup(fixtureText(MULTI), { conversation: '0600000003~+31600000002~06-00000001' }, MULTI);
      assert.equal(group.messages.length, 3);
    });

    it('an unknown number: "(Unknown)" and "null" contact names leave the number; a short code is its own thread', async () => {
      const unknown = await parseBackup(fixtureText(MULTI), { conversation: '+31600000004' }, MULTI);
      assert.deepEqual(unknown.conversation, { title: '+31600000004', participants: [{ name: '+31600000004' }, { name: 'Ik' }] });
      assert.deepEqual(unknown.messages.map((m) => [m.sender, m.direction]), [['+31600000004', 'incoming'], ['Ik', 'outgoing']]);
      const kpn = await parseBackup(fixtureText(MULTI), { conversation: 'KPN' }, MULTI);
      assert.deepEqual(kpn.messages.map((m) => [m.sender, m.text]), [['KPN', 'Uw bundel is bijna op.']]);
    });

    it('an id the file does not hold is an error listing what it holds; the only thread may be named too', async () => {
      assert.match(await inputError(parseBackup(fixtureText(MULTI), { conversation: '+31699999999' }, MULTI)),
        /^sms-20240715080000\.xml has no conversation "\+31699999999"; it holds: \+31600000001 \(Annelies de Vries, 2 messages\); /);
      assert.equal((await parseBackup(fixtureText(SINGLE), { conversation: '+31600000001' }, SINGLE)).messages.length, 9);
    });

    it('an MMS without address falls back on its addrs; one never addressed is `no-address`', async () => {
      const text = sms1([
        '<mms date="1705168142000" msg_box="1" address="null"><parts><part ct="text/plain" text="via addrs" /></parts>'
        + '<addrs><addr address="+31600000002" type="137" /><addr address="+31600000001" type="151" /></addrs></mms>',
        '<sms address="+31600000002" date="1705168143000" type="2" body="terug" />',
        '<sms address="+31600000001" date="1705168143000" type="2" body="ander" />',
        '<sms address="null" date="1705168144000" type="3" body="concept zonder ontvanger" />',
      ].join('\n  '));
      const input = await openBackup(text);
      assert.deepEqual((await sms.conversations!(input, {})).map((c) => [c.id, c.title, c.messages]), [
        ['+31600000001~+31600000002', '+31600000002, +31600000001', 1],
        ['+31600000002', '+31600000002', 1],
        ['+31600000001', '+31600000001', 1],
        ['no-address', '(no address)', 1],
      ]);
      const draft = await parseBackup(text, { conversation: 'no-address' });
      assert.deepEqual(draft.messages.map((m) => [m.sender, m.text]), [['Me', 'concept zonder ontvanger']]);
    });
  });

  describe('detection', () => {
    it('the fixtures are SMS backups with certainty; a root other than <smses> is not', async () => {
      for (const name of [SINGLE, MULTI]) assert.equal(await sms.sniff(await openBackup(fixtureText(name), name)), 1, name);
      assert.equal(await sms.sniff(await openBackup('<?xml version="1.0"?>\n<smses count="0"></smses>\n')), 0.9);
      assert.equal(await sms.sniff(await openBackup('<?xml version="1.0"?>\n<calls count="0"></calls>\n')), 0);
      assert.equal(await sms.sniff(await openBackup('<html><body>smses</body></html>')), 0);
    });

    it('WhatsApp rates the backups 0, and the SMS format rates WhatsApp chats 0', async () => {
      const whatsapp = getFormat('whatsapp')!;
      for (const name of [SINGLE, MULTI]) assert.equal(await whatsapp.sniff(await openBackup(fixtureText(name), name)), 0, name);
      for (const name of ['android-nl.txt', 'ios-nl.txt']) {
        const input = await openExport(writeFiles({ [name]: whatsappText(name) }));
        assert.equal(await sms.sniff(input), 0, `${WHATSAPP_FIXTURES}/${name}`);
      }
    });
  });
});
