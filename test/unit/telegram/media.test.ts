import * as assert from 'node:assert/strict';
import type { ParsedExport } from '../../../src/model/conversation';
import { inputError } from '../support/errors';
import { readChecked, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { fixtureText, parseFixture, parseZipped } from './support';

const PHOTO = 'photos/photo_1@13-01-2024_18-53-00.jpg';
const PDF = 'files/Draaiboek hoogwater.pdf';
const PDF_THUMB = 'files/Draaiboek hoogwater.pdf_thumb.jpg';
const STICKER = 'stickers/sticker.webp';

function presence(r: ParsedExport): Record<string, boolean> {
  return Object.fromEntries(r.messages.flatMap((m) => m.attachments.map((a) => [a.name, a.present])));
}

describe('Telegram media', () => {
  it('a zipped export folder: the files it holds are present, the others and skipped files are not', async () => {
    const r = await parseZipped(fixtureText('chat-group.json'), [PHOTO, PDF_THUMB, STICKER]);
    assert.deepEqual(presence(r), {
      [PHOTO]: true, photo: false, [PDF]: false, [PDF_THUMB]: true, voice_message: false, [STICKER]: true, 'stickers/sticker.webp_thumb.jpg': false,
    });
  });

  it('a zip with result.json at its root; paths of a full export start at the export folder (chats/chat_002/…)', async () => {
    const rooted = await parseZipped(fixtureText('chat-group.json'), [PDF], '');
    assert.equal(presence(rooted)[PDF], true);
    const full = await parseZipped(fixtureText('export-one-chat.json'), ['chats/chat_002/photos/photo_1@05-02-2024_08-40-00.jpg']);
    assert.deepEqual(presence(full), { 'chats/chat_002/photos/photo_1@05-02-2024_08-40-00.jpg': true });
  });

  it('an export read as bytes (Live Share) whose folder listing holds the media paths', async () => {
    const r = await readChecked({ fileName: 'result.json', bytes: Buffer.from(fixtureText('chat-group.json')), siblings: new Set(['result.json', PHOTO]) });
    assert.equal(presence(r)[PHOTO], true);
    assert.equal(presence(r)[PDF], false);
  });

  it('a file not included names the file (file_name) or its kind, with the export\'s note as placeholder', async () => {
    const r = await parseFixture('chat-group.json');
    const skipped = r.messages.filter((m) => m.meta?.placeholder);
    assert.deepEqual(skipped.map((m) => [m.attachments, m.meta?.placeholder]), [
      [[{ name: 'photo', present: false }], '(File not included. Change data exporting settings to download.)'],
      [[{ name: 'voice_message', present: false }], '(File exceeds maximum size. Change data exporting settings to download.)'],
    ]);
    const named = fixtureText('chat-group.json').replace(`"file": "${PDF}"`, '"file": "(File unavailable, please try again later)"');
    const pdf = (await parseZipped(named)).messages[7];
    assert.deepEqual(pdf.attachments, [{ name: 'Draaiboek hoogwater.pdf', present: false }, { name: PDF_THUMB, present: false }]);
    assert.equal(pdf.meta?.placeholder, '(File unavailable, please try again later)');
  });

  it('a zip without result.json is not a Telegram export', async () => {
    const file = writeFiles({ 'export.zip': await makeZip([{ name: 'chat.json', data: fixtureText('chat-group.json') }]) });
    assert.match(await inputError(readChecked(file)), /^export\.zip is a zip without a recognisable chat export inside/);
    assert.match(await inputError(readChecked(file, { format: 'telegram' })), /^export\.zip holds no Telegram Desktop export \(result\.json\)$/);
  });

  // Needs ExportInput to answer for files in folders beside a plain file (see src/parsers/telegram/index.ts).
  it('an unzipped export folder: media in photos/, files/ … beside result.json are present', async () => {
    const r = await parseFixture('chat-group.json', { media: [PHOTO, PDF] });
    assert.equal(presence(r)[PHOTO], true);
    assert.equal(presence(r)[PDF], true);
  });
});
