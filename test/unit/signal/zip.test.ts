import * as assert from 'node:assert/strict';
import { getFormat } from '../../../src/parsers';
import { openExport } from '../../../src/parsers/input';
import { inputError } from '../support/errors';
import { encode, readChecked, writeFiles } from '../support/fixtures';
import { content } from '../support/messages';
import { makeZip, renameEntry, type ZipEntrySpec } from '../support/zips';
import { CHAT_MD, DATA_JSON, fixtureText, parseChat } from './support';

async function writeZip(entries: ZipEntrySpec[], name = 'CrisisteamHoogwater.zip'): Promise<string> {
  return writeFiles({ [name]: await makeZip(entries) });
}

const FOLDER = 'CrisisteamHoogwater';
const chatFolder = (folder: string, files: ('chat.md' | 'data.json')[], media: string[] = []): ZipEntrySpec[] => [
  ...files.map((f) => ({ name: `${folder}/${f}`, data: encode(fixtureText(f === 'chat.md' ? CHAT_MD : DATA_JSON)) })),
  ...media.map((m) => ({ name: `${folder}/media/${m}`, data: 'jpeg', compress: false })),
];

describe('Signal: signal-export zips', () => {
  it('a zipped chat folder: data.json is read (one line a message), media present from media/ in the folder', async () => {
    const zip = await writeZip(chatFolder(FOLDER, ['chat.md', 'data.json'], ['kade noord.jpg', 'kaart.png']), 'export.zip');
    const r = await readChecked(zip);
    assert.equal(r.format, 'signal');
    assert.equal(r.conversation.title, FOLDER);
    assert.deepEqual(r.messages.map((m) => m.source), r.messages.map((_, i) => ({ line: i + 1, lines: 1 })));
    assert.deepEqual(r.messages.flatMap((m) => m.attachments), [
      { name: 'media/kade noord.jpg', present: true },
      { name: 'media/draaiboek.pdf', present: false },
      { name: 'media/IMG_0042.jpeg', present: false },
      { name: 'media/kaart.png', present: true },
    ]);
  });

  it('a zip with only chat.md reads chat.md, with the same messages as data.json', async () => {
    const md = await readChecked(await writeZip(chatFolder(FOLDER, ['chat.md'], ['kaart.png'])));
    const json = await readChecked(await writeZip(chatFolder(FOLDER, ['data.json'], ['kaart.png'])));
    assert.equal(md.messages[1].source.line, 4, 'lines of chat.md');
    assert.deepEqual(md.messages.map(content), json.messages.map(content));
    assert.deepEqual(md.messages[9].attachments, [{ name: 'media/kaart.png', present: true }]);
  });

  it('a chat at the root of the zip takes its title from the zip', async () => {
    const r = await readChecked(await writeZip([{ name: 'chat.md', data: encode(fixtureText(CHAT_MD)) }, { name: 'media/kaart.png', data: 'png' }]));
    assert.equal(r.conversation.title, 'CrisisteamHoogwater');
    assert.equal(r.messages[9].attachments[0].present, true);
  });

  it('the whole export zipped: its chats are listed, --conversation picks one, none is an error naming them', async () => {
    const zip = await writeZip([
      ...chatFolder('signal-export/Bram', ['chat.md']),
      ...chatFolder('signal-export/CrisisteamHoogwater', ['chat.md', 'data.json'], ['kaart.png']),
    ], 'signal-export.zip');
    const input = await openExport(zip);
    try {
      assert.deepEqual(await getFormat('signal')!.conversations!(input, {}), [
        { id: 'signal-export/Bram', title: 'Bram', messages: 14 },
        { id: 'signal-export/CrisisteamHoogwater', title: 'CrisisteamHoogwater', messages: 14 },
      ]);
    } finally {
      input.close();
    }
    assert.match(await inputError(readChecked(zip)),
      /^signal-export\.zip holds 2 Signal chats \("signal-export\/Bram", "signal-export\/CrisisteamHoogwater"\); choose one with --conversation$/);
    const chosen = await readChecked(zip, { conversation: 'signal-export/CrisisteamHoogwater' });
    assert.equal(chosen.conversation.title, 'CrisisteamHoogwater');
    assert.equal(chosen.messages[9].attachments[0].present, true);
    assert.match(await inputError(readChecked(zip, { conversation: 'Eva' })), /^signal-export\.zip has no Signal chat "Eva" \(it has "signal-export\/Bram", /);
  });

  it('a plain chat.md is one conversation named after the file; another --conversation is an error', async () => {
    const file = writeFiles({ 'chat.md': encode(fixtureText(CHAT_MD)) });
    const input = await openExport(file);
    try {
      assert.deepEqual(await getFormat('signal')!.conversations!(input, {}), [{ id: 'chat.md', title: 'chat', messages: 14 }]);
    } finally {
      input.close();
    }
    assert.equal((await readChecked(file, { conversation: 'chat.md' })).messages.length, 14);
    assert.match(await inputError(readChecked(file, { conversation: 'Bram' })), /^chat\.md has no Signal chat "Bram" \(it has "chat\.md"\)$/);
  });

  it('a zip without chat.md or data.json is not Signal; with --format signal it is an error', async () => {
    const zip = await writeZip([{ name: 'notulen.md', data: '# Notulen\n' }], 'stukken.zip');
    assert.match(await inputError(readChecked(zip)), /^stukken\.zip is a zip without a recognisable chat export inside/);
    assert.match(await inputError(readChecked(zip, { format: 'signal' })), /^stukken\.zip holds no Signal chat \(a folder with chat\.md or data\.json\)$/);
  });

  it('an entry whose path leaves the archive is refused by the zip layer', async () => {
    const zip = await makeZip([...chatFolder(FOLDER, ['data.json']), { name: 'xx/evil.txt', data: 'x' }]);
    const file = writeFiles({ 'CrisisteamHoogwater.zip': renameEntry(zip, 'xx/evil.txt', '../evil.txt') });
    assert.match(await inputError(readChecked(file)), /holds an entry whose path leaves the archive \("\.\.\/evil\.txt"\); refusing to read it/);
  });

  it('a data.json in a zip that is not signal-export is no Signal chat', async () => {
    const zip = await writeZip([{ name: 'app/data.json', data: '{"version": 3, "items": []}\n' }], 'app.zip');
    assert.match(await inputError(readChecked(zip)), /is a zip without a recognisable chat export inside/);
  });

  it('unzipped: an attachment is present when the files listed beside chat.md hold media/<name>', async () => {
    const r = await readChecked({ fileName: 'chat.md', bytes: encode(fixtureText(CHAT_MD)), siblings: new Set(['media', 'media/kaart.png']) });
    assert.deepEqual(r.messages[9].attachments, [{ name: 'media/kaart.png', present: true }]);
  });

  // ExportInput.siblings() lists only the names beside a file on disk, not what media/ holds:
  // needs input.ts to list the files of folders beside the export as `media/<name>` (see README).
  it('unzipped on disk: media/ beside chat.md holds the attachments', async () => {
    const r = await parseChat({ as: 'chat.md', text: fixtureText(CHAT_MD), beside: ['media/kaart.png'] });
    assert.deepEqual(r.messages[9].attachments, [{ name: 'media/kaart.png', present: true }]);
  });
});
