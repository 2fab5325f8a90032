import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readExport } from '../../../src/parsers';
import { readRsmfMail } from '../../../src/parsers/rsmf/mail';
import { inputError } from '../support/errors';
import { writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { FIXTURES, fixtureText, manifestFolder, rsmfMail } from './support';

const MAIL = fixtureText('crisisteam.rsmf');
const MANIFEST = fixtureText('crisisteam/rsmf_manifest.json');

async function* chunks(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text);
}

/** The error reading a manifest text (as `rsmf_manifest.json`) gives. */
const manifestError = (text: string, options = {}) => inputError(readExport(manifestFolder(text), { format: 'rsmf', ...options }));
/** The error reading a mail text (as `x.rsmf`) gives. */
const mailError = (text: string | Buffer) => inputError(readExport(writeFiles({ 'x.rsmf': text }), { format: 'rsmf' }));

describe('RSMF bad input', () => {
  describe('the mail', () => {
    it('without X-RSMF-Version, not multipart, or without rsmf.zip', async () => {
      assert.equal(await mailError(MAIL.replace('X-RSMF-Version: 2.0.0\r\n', '')), 'x.rsmf is not an RSMF file: its header has no X-RSMF-Version');
      assert.equal(await mailError('X-RSMF-Version: 2.0.0\r\nContent-Type: text/plain\r\n\r\nhoi\r\n'),
        'x.rsmf has no rsmf.zip attachment (it is not a multipart message)');
      assert.equal(await mailError(MAIL.replace(/filename="rsmf\.zip"/, 'filename="other.zip"').replace('name="rsmf.zip"', 'name="other.zip"')),
        'x.rsmf has no rsmf.zip attachment');
      assert.equal(await mailError(MAIL.slice(0, 200)), 'x.rsmf ends inside its header; the file looks truncated');
    });

    it('an attachment that is not base64, damaged base64, a truncated zip, a zip without manifest', async () => {
      assert.match(await mailError(MAIL.replace('Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: 8bit')), /^x\.rsmf: its rsmf\.zip attachment is not base64-encoded \(8bit\)$/);
      assert.match(await mailError(MAIL.replace(/\r\n(UEsDB[^\r]{10})/, '\r\n$1%')), /^x\.rsmf: line 37 of the rsmf\.zip attachment is not base64$/);
      const cut = MAIL.slice(0, MAIL.indexOf('\r\n', Math.floor(MAIL.length * 0.6)));
      assert.match(await mailError(cut), /^x\.rsmf \(rsmf\.zip\) is not a readable zip/);
      assert.equal(await mailError(await rsmfMail([{ name: 'notes.txt', data: 'x' }])), 'x.rsmf holds no rsmf_manifest.json');
    });

    it('an rsmf.zip beyond the memory cap is refused before it is held whole', async () => {
      const mail = await rsmfMail([{ name: 'rsmf_manifest.json', data: MANIFEST, compress: false }]);
      assert.ok((await readRsmfMail(chunks(mail), 'x.rsmf', 2 * MANIFEST.length)).zip.length > MANIFEST.length);
      await assert.rejects(readRsmfMail(chunks(mail), 'x.rsmf', 1000), { name: 'InputError', message: /^x\.rsmf: its rsmf\.zip is larger than .* MiB; refusing to unpack it into memory$/ });
    });
  });

  describe('the manifest', () => {
    it('the first schema problem, with its path and line', async () => {
      assert.equal(await manifestError(MANIFEST.replace('"type": "join"', '"type": "sms"')),
        'rsmf_manifest.json: line 112: events[5].type: Invalid option: expected one of "message"|"disclaimer"|"join"|"leave"|"history"|"unknown"');
      assert.equal(await manifestError(MANIFEST.replace('"2024-01-13T17:10:00Z"', '"13-01-2024 18:10"')),
        'rsmf_manifest.json: line 96: events[4].timestamp: not an ISO 8601 date and time');
      assert.equal(await manifestError(MANIFEST.replace('"2024-01-13T17:10:00Z"', '"2024-02-30T17:10:00Z"')),
        'rsmf_manifest.json: line 96: events[4].timestamp: not an ISO 8601 date and time');
      assert.equal(await manifestError(MANIFEST.replace(/\s*"timestamp": "2024-01-13T17:16:00Z",/, '')),
        'rsmf_manifest.json: line 139: events[8] has no timestamp');
      assert.equal(await manifestError(MANIFEST.replace('"platform": "whatsapp",', '')),
        'rsmf_manifest.json: conversations[0].platform: Invalid input: expected string, received undefined');
      assert.equal(await manifestError(MANIFEST.replace('"version": "2.0.0"', '"version": "3.0.0"')),
        'rsmf_manifest.json: RSMF version "3.0.0" is not supported (1.x and 2.x are)');
    });

    it('the conversation an event names must exist; several conversations need every event to name one', async () => {
      assert.equal(await manifestError(MANIFEST.replace('"conversation": "C1",\n      "timestamp": "2024-01-13T17:30:00Z"', '"conversation": "C9",\n      "timestamp": "2024-01-13T17:30:00Z"')),
        'rsmf_manifest.json: line 155: the event\'s conversation "C9" is not among the conversations');
      const multi = fixtureText('multi/rsmf_manifest.json').replace('"conversation": "team",\n            "timestamp": "2024-07-01T08:01:00Z"', '"timestamp": "2024-07-01T08:01:00Z"');
      assert.equal(await manifestError(multi, { conversation: 'team' }), 'rsmf_manifest.json: line 13: the event names no conversation, and the manifest has 2');
    });

    it('a minified manifest is refused: its events do not have lines of their own to clean', async () => {
      assert.match(await manifestError(JSON.stringify(JSON.parse(MANIFEST))), /^rsmf_manifest\.json: line 1 holds an event and other JSON; .*pretty-printed/);
      const sharedComma = MANIFEST.replace(/\n {4}\},\n {4}\{\n {6}"id": "E3"/, '\n    }\n    ,{\n      "id": "E3"');
      assert.match(await manifestError(sharedComma), /^rsmf_manifest\.json: line 54 holds an event and other JSON/);
    });

    it('not JSON, truncated, no events list, events not objects, an empty file', async () => {
      assert.match(await manifestError('{\n  "version": "2.0.0",\n  "events": [\n    {]\n}\n'), /^rsmf_manifest\.json is not valid JSON \(line 4\)$/);
      const cut = MANIFEST.slice(0, 2000);
      assert.equal(await manifestError(cut), `rsmf_manifest.json ends before its JSON is complete (after line ${cut.split('\n').length}); the file looks truncated`);
      assert.equal(await manifestError('{\n  "version": "2.0.0",\n  "participants": [],\n  "conversations": []\n}\n'), 'rsmf_manifest.json is not an RSMF manifest: it has no "events" list');
      assert.equal(await manifestError('{\n  "events": [\n    "hoi"\n  ]\n}\n'), 'rsmf_manifest.json: events[0] is not an object (line 3)');
      assert.equal(await manifestError('[\n]\n'), 'rsmf_manifest.json is not an RSMF manifest: its JSON is not an object');
      assert.equal(await inputError(readExport(writeFiles({ 'rsmf_manifest.json': '' }))), 'rsmf_manifest.json is empty');
    });

    it('errors inside a zip name the entry', async () => {
      const file = writeFiles({ 'rsmf.zip': await makeZip([{ name: 'rsmf_manifest.json', data: 'not json' }]) });
      assert.equal(await inputError(readExport(file, { format: 'rsmf' })), 'rsmf.zip ("rsmf_manifest.json") is not valid JSON (line 1)');
      assert.equal(await inputError(readExport(path.join(FIXTURES, 'crisisteam.rsmf'), { conversation: 'C2' })),
        'crisisteam.rsmf ("rsmf_manifest.json") has no conversation "C2"; it holds "C1" Crisisteam Hoogwater (11 events)');
    });
  });
});
