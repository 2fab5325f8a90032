import * as assert from 'node:assert/strict';
import { inputError } from '../support/errors';
import { fixtureText, listConversations, parseFixture, writeExport } from './support';

describe('Telegram full exports', () => {
  it('lists every chat, left chats included: id, title (unnamed ones too), message count', async () => {
    assert.deepEqual(await listConversations(writeExport(fixtureText('export-full.json'))), [
      { id: '1000000011', title: 'Saved Messages', messages: 1 },
      { id: '1000000012', title: 'Bram de Wit', messages: 4 },
      { id: '1000000001', title: 'Crisisteam Hoogwater', messages: 3 },
      { id: '1000000099', title: 'Deleted Account', messages: 0 },
      { id: '1000000031', title: 'Waterschap Nieuws', messages: 1 },
    ]);
    assert.deepEqual(await listConversations(writeExport(fixtureText('chat-group.json'))),
      [{ id: '1000000001', title: 'Crisisteam Hoogwater', messages: 21 }], 'a single-chat file lists its chat (without the unsupported object)');
  });

  it('without --conversation, more than one chat is an error listing them', async () => {
    assert.equal(await inputError(parseFixture('export-full.json')),
      'result.json holds 5 conversations; choose one with --conversation: 1000000011 "Saved Messages" (1 message), '
      + '1000000012 "Bram de Wit" (4 messages), 1000000001 "Crisisteam Hoogwater" (3 messages), '
      + '1000000099 "Deleted Account" (0 messages), 1000000031 "Waterschap Nieuws" (1 message)');
  });

  it('a chat chosen by id; the owner named in personal_information makes messages outgoing or incoming', async () => {
    const r = await parseFixture('export-full.json', {}, { conversation: '1000000012' });
    assert.equal(r.format, 'telegram');
    assert.deepEqual(r.conversation, { title: 'Bram de Wit', participants: [{ name: 'Bram de Wit' }, { name: 'Annelies de Vries' }] });
    assert.deepEqual(r.messages.map((m) => [m.id, m.sender, m.direction, m.kind, m.replyTo, m.text]), [
      ['m000001', 'Bram de Wit', 'incoming', 'message', null, 'Goedemorgen Annelies, heb je even?'],
      ['m000002', 'Annelies de Vries', 'outgoing', 'message', 'm000001', 'Ja, bel maar'],
      ['m000003', null, null, 'system', null, 'Annelies de Vries called (240 s)'],
      ['m000004', 'Annelies de Vries', 'outgoing', 'media', null, 'De nieuwe planning'],
    ]);
    assert.deepEqual(r.messages[3].attachments, [{ name: 'chats/chat_002/photos/photo_1@05-02-2024_08-40-00.jpg', present: false }]);
    assert.deepEqual(r.messages.map((m) => m.source), [{ line: 79, lines: 15 }, { line: 94, lines: 16 }, { line: 110, lines: 13 }, { line: 123, lines: 18 }]);
  });

  it('saved messages, a left channel (bare reaction counts name nobody) and an empty chat', async () => {
    const saved = await parseFixture('export-full.json', {}, { conversation: '1000000011' });
    assert.equal(saved.conversation.title, 'Saved Messages');
    assert.deepEqual(saved.messages.map((m) => [m.sender, m.direction, m.text]), [['Annelies de Vries', 'outgoing', 'Niet vergeten: sleutel meldkamer ophalen']]);
    const channel = await parseFixture('export-full.json', {}, { conversation: '1000000031' });
    assert.deepEqual(channel.messages.map((m) => [m.sender, m.direction, m.text, m.meta]),
      [['Waterschap Nieuws', 'incoming', 'Hoogwaterbericht: dijkring 14 op code geel', undefined]]);
    const empty = await parseFixture('export-full.json', {}, { conversation: '1000000099' });
    assert.deepEqual([empty.conversation.title, empty.messages], ['Deleted Account', []]);
  });

  it('a full export with one chat reads without --conversation, as when it is chosen', async () => {
    const r = await parseFixture('export-one-chat.json');
    assert.equal(r.conversation.title, 'Bram de Wit');
    assert.deepEqual(r, await parseFixture('export-one-chat.json', {}, { conversation: '1000000012' }));
    assert.deepEqual(r.messages.map((m) => m.direction), ['incoming', 'outgoing', null, 'outgoing']);
  });

  it('an unknown --conversation is an error naming the chats; a single-chat file accepts its own id', async () => {
    assert.match(await inputError(parseFixture('export-full.json', {}, { conversation: '42' })),
      /^result\.json has no conversation "42"; it holds 1000000011 "Saved Messages" \(1 message\), 1000000012 "Bram de Wit"/);
    assert.equal((await parseFixture('chat-group.json', {}, { conversation: '1000000001' })).messages.length, 21);
    assert.match(await inputError(parseFixture('chat-group.json', {}, { conversation: '1000000012' })),
      /^result\.json has no conversation "1000000012"; it holds 1000000001 "Crisisteam Hoogwater" \(21 messages\)$/);
  });

  it('single-chat exports do not name the owner: every direction is null', async () => {
    const r = await parseFixture('chat-group.json');
    assert.deepEqual(new Set(r.messages.map((m) => m.direction)), new Set([null]));
  });
});
