import * as assert from 'node:assert/strict';
import { messageId, type Message } from '../../../src/model/conversation';
import { inputError } from '../support/errors';
import { assertEachMessage } from '../support/messages';
import { BACKUP_TXT, fixtureText, parseChat } from './support';

function row(n: number, timestamp: string, sender: string | null, kind: Message['kind'], text: string, line: number, lines = 1,
  extra: Partial<Pick<Message, 'attachments' | 'meta'>> = {}): Message {
  const m: Message = {
    id: messageId(n), timestamp, precision: 'second', sender, direction: null, kind, text,
    attachments: extra.attachments ?? [], replyTo: null, source: { line, lines },
  };
  if (extra.meta) m.meta = extra.meta;
  return m;
}

describe('Signal: signalbackup-tools --exporttxt', () => {
  it('every field of every message: events, reactions, multi-line bodies, files, a poll', async () => {
    const r = await parseChat({ as: BACKUP_TXT, text: fixtureText(BACKUP_TXT), beside: ['Signal-2023-07-10-012600.jpeg'] });
    assert.equal(r.format, 'signal');
    assert.deepEqual(r.conversation, { title: 'Crisisteam Hoogwater', participants: ['Annelies', 'Bram', 'Carlijn', 'Dirk'].map((name) => ({ name })) });
    const expected = [
      row(1, '2023-07-10T01:23:45', null, 'system', 'Annelies created the group.', 1),
      row(2, '2023-07-10T01:24:02', 'Annelies', 'message', 'Nachtdienst: waterstand bij sluis 3 stijgt', 2, 1,
        { meta: { reactions: [{ by: 'Bram', emoji: '👍' }, { by: 'Carlijn', emoji: '😮' }] } }),
      // Blank lines inside a body are kept.
      row(3, '2023-07-10T01:25:13', 'Bram', 'message', 'Ik ga kijken.\nNeem jij de portofoon mee?\n\nGroet, Bram', 3, 4),
      row(4, '2023-07-10T01:26:00', 'Bram', 'media', '', 7, 1, { attachments: [{ name: 'Signal-2023-07-10-012600.jpeg', present: true }] }),
      row(5, '2023-07-10T01:26:00', 'Bram', 'message', 'Peilschaal sluis 3 staat op 2,10 m', 8),
      row(6, '2023-07-10T01:27:30', 'Carlijn', 'media', '', 9, 1,
        { meta: { reactions: [{ by: 'Annelies', emoji: '👍' }], placeholder: 'sent file of type audio/aac' } }),
      row(7, '2023-07-10T01:28:00', 'Carlijn', 'message',
        `Poll: Wanneer evalueren we?\n${' '.repeat(40)}[2] Morgen 09:00\n${' '.repeat(40)}[1] Vrijdag`, 10, 3,
        { meta: { poll: { question: 'Wanneer evalueren we?', options: [{ text: 'Morgen 09:00', votes: 2 }, { text: 'Vrijdag', votes: 1 }] } } }),
      row(8, '2023-07-10T01:30:00', null, 'system', 'Missed voice call', 13),
      // Parentheses without emoji are part of the text.
      row(9, '2023-07-10T01:31:00', 'Dirk', 'message', 'Sorry, sliep. (Uitleg volgt: morgen)', 14),
      // An earlier time than the message before it: the file's order stays.
      row(10, '2023-07-09T23:59:59', 'Dirk', 'message', 'Bericht met een oudere tijd', 15, 1,
        { meta: { reactions: [{ by: 'Annelies', emoji: '❤️' }, { by: 'Jansen, Piet', emoji: '🙏' }] } }),
    ];
    assertEachMessage(r.messages, expected);
  });

  it('the owner is not marked in this export: no message has a direction', async () => {
    const r = await parseChat({ as: BACKUP_TXT, text: fixtureText(BACKUP_TXT) });
    assert.ok(r.messages.every((m) => m.direction === null));
  });

  it('one-digit days, a file without a name, a body that is only parentheses, a title from any file name', async () => {
    const text = '[Jan 5, 2024 08:00:00] *** <Eva> sent file\n[Jan 5, 2024 08:01:00] <Eva> (Bram: 👍)\n';
    const r = await parseChat({ as: 'export.txt', text });
    assert.equal(r.conversation.title, 'export');
    assert.deepEqual(r.messages.map((m) => [m.timestamp, m.kind, m.text, m.meta]), [
      ['2024-01-05T08:00:00', 'media', '', { placeholder: 'sent file' }],
      ['2024-01-05T08:01:00', 'message', '(Bram: 👍)', undefined],
    ]);
  });

  it('a header with a date that does not exist continues the message before it', async () => {
    const r = await parseChat({ as: BACKUP_TXT, text: '[Feb 28, 2023 10:00:00] <Eva> een\n[Feb 30, 2023 10:00:00] <Eva> twee\n' });
    assert.deepEqual(r.messages.map((m) => m.text), ['een\n[Feb 30, 2023 10:00:00] <Eva> twee']);
  });

  it('text before the first header is refused: the file looks cut off', async () => {
    const message = await inputError(parseChat({ as: BACKUP_TXT, text: 'nog een regel\n' + fixtureText(BACKUP_TXT) }, { format: 'signal' }));
    assert.match(message, /^Crisisteam Hoogwater \(_id12\)\.txt: line 1 comes before the first message header/);
  });
});
