import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedExport } from '../../../src/model/conversation';
import { readExport } from '../../../src/parsers';
import { encode, fixtureText, parseFixture, readChecked, writeChatFolder, writeFiles } from '../support/fixtures';
import { participants } from '../support/messages';
import { makeZip, type ZipEntrySpec } from '../support/zips';

async function parseZip(zipName: string, entries: ZipEntrySpec[], beside: string[] = []): Promise<ParsedExport> {
  return readChecked(writeChatFolder(zipName, await makeZip(entries), beside));
}

function attachments(r: ParsedExport): { name: string; present: boolean }[] {
  return r.messages.flatMap((m) => m.attachments);
}

/** The messages with attachment presence left out, to compare a zip with the bare chat. */
function withoutPresence(r: ParsedExport) {
  return r.messages.map((m) => ({ ...m, attachments: m.attachments.map((a) => a.name) }));
}

describe('WhatsApp zips', () => {
  const IOS_MEDIA = ['00000014-PHOTO-2024-01-13-18-53-00.jpg', '00000017-Manifesto.pdf', '00000018-PHOTO-2024-01-13-18-55-00.jpg'];

  it('iOS `WhatsApp Chat - X.zip` with `_chat.txt` (CRLF) and some of the media', async () => {
    const chat = fixtureText('ios-nl.txt');
    const r = await parseZip('WhatsApp Chat - Crisisteam Hoogwater.zip', [
      { name: '_chat.txt', data: encode(chat, 'utf-8', '\r\n') },
      { name: IOS_MEDIA[0], data: 'jpeg', compress: false },
      { name: IOS_MEDIA[1], data: '%PDF' },
    ]);
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater');
    assert.deepEqual(attachments(r), [
      { name: IOS_MEDIA[0], present: true },
      { name: IOS_MEDIA[1], present: true },
      { name: IOS_MEDIA[2], present: false },
    ]);
    // Everything else, source lines included, is what the bare chat gives.
    assert.deepEqual(withoutPresence(r), withoutPresence(await parseFixture('ios-nl.txt')));
    assert.deepEqual(r.conversation.participants, participants('Annelies', 'Bram', '+31 6 00000003', '~ Gijs', 'Carlijn', 'Dirk'));
  });

  it('Android zip holding `WhatsApp-chat met X.txt` and `IMG-…` media: title from the chat file', async () => {
    const r = await parseZip('export.zip', [
      { name: 'WhatsApp-chat met Crisisteam Hoogwater.txt', data: encode(fixtureText('android-nl.txt')) },
      { name: 'IMG-20220323-WA0002.jpg', data: 'jpeg' },
    ]);
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater');
    assert.deepEqual(attachments(r), [
      { name: 'IMG-20220323-WA0001.jpg', present: false },
      { name: 'IMG-20220323-WA0002.jpg', present: true },
    ]);
    assert.deepEqual(withoutPresence(r), withoutPresence(await parseFixture('android-nl.txt')));
  });

  it('a chat in a sub-folder, media beside it; files beside the zip on disk do not count', async () => {
    const r = await parseZip('archief.zip', [
      { name: 'Crisisteam Hoogwater/', data: '' },
      { name: 'Crisisteam Hoogwater/_chat.txt', data: encode(fixtureText('ios-nl.txt'), 'utf-16le-bom', '\r\n') },
      { name: `Crisisteam Hoogwater/${IOS_MEDIA[2]}`, data: 'jpeg' },
    ], [IOS_MEDIA[0]]);
    assert.equal(r.conversation.title, 'Crisisteam Hoogwater', 'from the group-name author');
    assert.deepEqual(attachments(r).map((a) => a.present), [false, false, true]);
    assert.equal(r.messages.length, 23);
  });

  it('a zip with one other .txt holding a chat', async () => {
    const r = await parseZip('WhatsApp Chat - Gemaal.zip', [{ name: 'chat export.txt', data: encode(fixtureText('ios-dots.txt')) }]);
    assert.equal(r.conversation.title, 'Gemaal');
    assert.equal(r.messages.length, 3);
  });

  it('reads the zip in place: nothing is extracted next to it', async () => {
    const zipPath = writeFiles({ 'WhatsApp Chat - Gemaal.zip': await makeZip([{ name: '_chat.txt', data: encode(fixtureText('ios-dots.txt')) }]) });
    const before = fs.readdirSync(path.dirname(zipPath));
    await readExport(zipPath);
    assert.deepEqual(fs.readdirSync(path.dirname(zipPath)), before);
  });
});
