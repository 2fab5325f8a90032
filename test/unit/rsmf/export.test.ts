import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateRsmfManifest, writeRsmf, zonedTimestamp } from '../../../src/clean/rsmf';
import type { Message, ParsedExport } from '../../../src/model/conversation';
import { readRsmfMail } from '../../../src/parsers/rsmf/mail';
import { openZip } from '../../../src/parsers/zip';
import { inputError } from '../support/errors';
import { encode, fixtureText as whatsappText, tempDir, writeFiles } from '../support/fixtures';
import { FIXTURES, fixtureText, parse, TZ } from './support';

const NOW = new Date('2026-11-22T10:14:00Z');

async function* chunksOf(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The files of a written .rsmf's zip, by name. */
async function zipFiles(file: string): Promise<Map<string, Buffer>> {
  const zip = await openZip((await readRsmfMail(chunksOf(fs.readFileSync(file)), file)).zip, 'rsmf.zip');
  const files = new Map<string, Buffer>();
  for (const name of zip.entries.keys()) {
    const parts: Uint8Array[] = [];
    for await (const chunk of zip.openEntry(name)) parts.push(chunk);
    files.set(name, Buffer.concat(parts));
  }
  zip.close();
  return files;
}

async function writeExport(from: ParsedExport, files: Record<string, string> = {}, name = 'export.rsmf'): Promise<string> {
  const target = path.join(tempDir(), name);
  await writeRsmf(target, from.conversation, from.messages, {
    format: from.format, now: NOW, timeZone: TZ, attachments: async (n) => (n in files ? Buffer.from(files[n]) : undefined),
  });
  return target;
}

/** What a round trip keeps: everything but where the message sat in the file. */
const kept = (messages: Message[]) => messages.map(({ source: _source, ...rest }) => rest);

describe('RSMF export', () => {
  it('writes an RFC 5322 mail with X-RSMF headers and base64 rsmf.zip: manifest plus the files at hand', async () => {
    const original = await parse(path.join(FIXTURES, 'crisisteam.rsmf'));
    const file = await writeExport(original, { 'kaart-dijkring-14.jpg': 'jpeg' });
    const text = fs.readFileSync(file, 'latin1');
    assert.ok(!/[^\r]\n/.test(text), 'CRLF line ends only');
    const header = text.slice(0, text.indexOf('\r\n\r\n'));
    for (const field of ['X-RSMF-Version: 2.0.0', 'X-RSMF-EventCount: 11', 'X-RSMF-AttachmentCount: 1', 'X-RSMF-BeginDate: 2024-01-13T18:00:00+01:00',
      'X-RSMF-EndDate: 2024-01-13T18:30:00+01:00', 'Date: Sun, 22 Nov 2026 10:14:00 +0000', 'Subject: Crisisteam Hoogwater', 'X-RSMF-Application: rsmf']) {
      assert.ok(header.split('\r\n').includes(field), field);
    }
    assert.ok(text.split('\r\n').every((l) => l.length <= 78), 'no line above 78 characters');
    const files = await zipFiles(file);
    assert.deepEqual([...files.keys()].sort(), ['kaart-dijkring-14.jpg', 'rsmf_manifest.json']);
    const manifest = JSON.parse(files.get('rsmf_manifest.json')!.toString('utf8'));
    assert.deepEqual(validateRsmfManifest(manifest), []);
    assert.deepEqual(manifest.events[3].attachments, [{ id: 'kaart-dijkring-14.jpg', display: 'kaart-dijkring-14.jpg', size: 4 }]);
    const [annelies, , carlijn, dirk] = manifest.participants.map((p: { id: string }) => p.id);
    assert.deepEqual(manifest.events[2].reactions, [{ value: '👍', count: 2, participants: [annelies, carlijn] }, { value: '❤️', count: 2, participants: [dirk] }]);
    assert.equal(manifest.conversations[0].custodian, annelies, 'the owner of the outgoing messages');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['export.rsmf'], 'no temporary file left');
  });

  it('round trip: the importer reads back senders, texts, times, kinds, replies, directions, attachments, reactions', async () => {
    const original = await parse(path.join(FIXTURES, 'crisisteam.rsmf'));
    const back = await parse(await writeExport(original, { 'kaart-dijkring-14.jpg': 'jpeg' }));
    assert.deepEqual(back.conversation, original.conversation);
    assert.deepEqual(kept(back.messages), kept(original.messages));
  });

  it('round trip of a WhatsApp chat: minute precision, media present or not, placeholders, a poll, system lines, deletions, non-ASCII title', async () => {
    const chat = writeFiles({
      'WhatsApp-chat met Crisisteam Hoogwater – Zuid.txt': encode(whatsappText('android-nl.txt')),
      'IMG-20220323-WA0002.jpg': 'jpeg',
    });
    const original = await parse(chat);
    const file = await writeExport(original, { 'IMG-20220323-WA0002.jpg': 'jpeg' }, 'chat.rsmf');
    assert.match(fs.readFileSync(file, 'utf8'), /\r\nSubject: =\?UTF-8\?B\?[^?]+\?=\r\n/);
    const back = await parse(file);
    assert.deepEqual(back.conversation, original.conversation);
    assert.deepEqual(kept(back.messages), kept(original.messages));
    assert.deepEqual(new Set(original.messages.map((m) => m.kind)), new Set(['system', 'message', 'media', 'deleted']));
    assert.ok(original.messages.some((m) => m.meta?.poll) && original.messages.some((m) => m.kind === 'media' && !m.attachments.length));
  });

  it('timestamps carry the offset of the zone at that moment; the machine zone by default', () => {
    assert.equal(zonedTimestamp('2024-01-13T18:00:00', TZ), '2024-01-13T18:00:00+01:00');
    assert.equal(zonedTimestamp('2024-07-01T10:00:00', TZ), '2024-07-01T10:00:00+02:00');
    assert.equal(zonedTimestamp('2024-03-31T02:30:00', TZ), '2024-03-31T02:30:00+01:00', 'the skipped hour: the offset before the change');
    assert.equal(zonedTimestamp('2024-10-27T02:30:00', TZ), '2024-10-27T02:30:00+01:00', 'the repeated hour: the later offset');
    assert.equal(zonedTimestamp('2024-01-13T18:00:00', 'America/St_Johns'), '2024-01-13T18:00:00-03:30');
    assert.equal(zonedTimestamp('2024-01-13T18:00:00', 'UTC'), '2024-01-13T18:00:00+00:00');
    const minutes = -new Date(2024, 0, 13, 18, 0, 0).getTimezoneOffset();
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    assert.equal(zonedTimestamp('2024-01-13T18:00:00', undefined),
      `2024-01-13T18:00:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`);
  });

  it('participant ids are stable per name across files; a reply to a message left out loses its parent', async () => {
    const original = await parse(path.join(FIXTURES, 'crisisteam.rsmf'));
    const manifestOf = async (messages: Message[]) => JSON.parse((await zipFiles(await writeExport({ ...original, messages }))).get('rsmf_manifest.json')!.toString('utf8'));
    const whole = await manifestOf(original.messages);
    const cleaned = await manifestOf(original.messages.filter((m) => m.id !== 'm000002'));
    const ids = (m: { participants: { id: string; display: string }[] }) => Object.fromEntries(m.participants.map((p) => [p.display, p.id]));
    assert.deepEqual(ids(cleaned), ids(whole));
    assert.equal(new Set(Object.values(ids(whole))).size, 4);
    assert.equal(whole.events[4].parent, 'm000002');
    assert.equal(cleaned.events[3].id, 'm000005');
    assert.equal(cleaned.events[3].parent, undefined);
    assert.deepEqual(validateRsmfManifest(cleaned), []);
  });

  it('written atomically: a failure leaves neither the target nor a temporary file, and an old file intact', async () => {
    const original = await parse(path.join(FIXTURES, 'crisisteam.rsmf'));
    const dir = tempDir();
    const target = path.join(dir, 'export.rsmf');
    fs.writeFileSync(target, 'old');
    const failing = writeRsmf(target, original.conversation, original.messages, {
      format: 'rsmf', attachments: async () => { throw new Error('disk gone'); },
    });
    await assert.rejects(failing, /disk gone/);
    assert.deepEqual(fs.readdirSync(dir), ['export.rsmf']);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    assert.match(await inputError(writeRsmf(target, original.conversation, original.messages, { format: 'rsmf', timeZone: 'Mars/Olympus' })), /unknown time zone "Mars\/Olympus"/);
  });

  describe('validateRsmfManifest', () => {
    /** The fixture, whose last reply points at an event it does not hold, made whole. */
    const valid = () => {
      const manifest = JSON.parse(fixtureText('crisisteam/rsmf_manifest.json'));
      delete manifest.events[9].parent;
      return manifest;
    };

    it('accepts a complete manifest; reports schema problems with their paths', () => {
      assert.deepEqual(validateRsmfManifest(valid()), []);
      assert.deepEqual(validateRsmfManifest({ version: '2.0.0', participants: [] }), [
        'conversations: Invalid input: expected array, received undefined',
        'events: Invalid input: expected array, received undefined',
      ]);
      const wrong = valid();
      wrong.events[0].type = 'sms';
      wrong.conversations[0].type = 'group';
      wrong.events[1].attachments = [{ display: 'x.jpg' }];
      assert.deepEqual(validateRsmfManifest(wrong).map((p) => p.split(':')[0]), ['conversations[0].type', 'events[0].type', 'events[1].attachments[0].id']);
      assert.deepEqual(validateRsmfManifest([]), ['(manifest): Invalid input: expected object, received array']);
    });

    it('catches what the schema says in words: dangling ids, duplicates, times without a zone', () => {
      const broken = valid();
      broken.version = '1.0.0';
      broken.participants.push({ id: 'P1', display: 'Dubbel' });
      broken.conversations[0].participants.push('P9');
      broken.conversations[0].custodian = 'P4';
      broken.events[1].participant = 'P8';
      broken.events[2].conversation = 'C2';
      broken.events[3].attachments.push({ id: 'kaart-dijkring-14.jpg' });
      broken.events[4].parent = 'E404';
      broken.events[5].id = 'E1';
      broken.events[6].timestamp = '2024-01-13T18:13:00';
      delete broken.events[7].timestamp;
      broken.events[2].reactions[0].participants.push('P7');
      assert.deepEqual(validateRsmfManifest(broken), [
        'version: "1.0.0" is not an RSMF 2 version',
        'participants[4].id: "P1" is used twice',
        'conversations[0].participants[3]: "P9" is not among the participants',
        'conversations[0].custodian: "P4" is not among its participants',
        'events[2].conversation: "C2" is not among the conversations',
        'events[5].id: "E1" is used twice in conversation "C1"',
        'events[1].participant: "P8" is not among the participants',
        'events[2].reactions[0].participants[2]: "P7" is not among the participants',
        'events[3].attachments[1].id: "kaart-dijkring-14.jpg" is used twice',
        'events[4].parent: no event "E404" in its conversation',
        'events[6].timestamp: "2024-01-13T18:13:00" has no UTC offset (RFC 3339 date-time)',
        'events[7].timestamp: missing',
      ]);
    });
  });
});
