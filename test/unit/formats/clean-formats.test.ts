/**
 * Every format cleans in its own format: the round trip (re-parse, real git apply, verify) over
 * each fixture of each family, with a few seeds for different tags and redactions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanExport } from '../../../src/clean/cleaner';
import { verifyExport } from '../../../src/clean/verify';
import { ReviewState, type Message } from '../../../src/model';
import { readExport } from '../../../src/parsers';
import { tempDir } from '../support/fixtures';
import { sha256 } from '../clean/support/harness';
import { AT } from '../clean/support/small';
import { formatRoundTrip } from '../clean/support/formatRoundTrip';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

/**
 * imessage-exporter writes thread replies inside their message's block; removing a reply alone
 * joins the part of its message that follows the thread back to that message (as it should), so
 * these cases tag no thread message and leave that to the tests of the format.
 */
const outsideThreads = (m: Message, all: Message[]) => m.replyTo === null && !all.some((x) => x.replyTo === m.id);

const CASES: { family: string; file: string; conversation?: string; composedEvents?: boolean; mayTag?: typeof outsideThreads }[] = [
  { family: 'signal', file: 'chat-2024.md' },
  { family: 'signal', file: 'chat-2019.md' },
  { family: 'signal', file: 'data-2024.json' },
  { family: 'signal', file: 'Crisisteam Hoogwater (_id12).txt' },
  { family: 'telegram', file: 'chat-2019.json', composedEvents: true },
  { family: 'telegram', file: 'chat-group.json', composedEvents: true },
  { family: 'telegram', file: 'export-one-chat.json', composedEvents: true },
  { family: 'rsmf', file: 'crisisteam/rsmf_manifest.json' },
  { family: 'rsmf', file: 'multi/rsmf_manifest.json', conversation: 'team' },
  { family: 'rsmf', file: 'multi/rsmf_manifest.json', conversation: 'sms-bram' },
  { family: 'sms', file: 'sms-20240715080000.xml', conversation: '+31600000004' },
  { family: 'imessage', file: 'imazing-sessions.csv', conversation: 'Crisisteam Hoogwater' },
  { family: 'imessage', file: 'imazing-newest.csv' },
  { family: 'imessage', file: 'imazing-no-edited.csv' },
  { family: 'imessage', file: 'imazing-reactions.csv' },
  { family: 'imessage', file: 'imazing-whatsapp.csv' },
  { family: 'imessage', file: 'imessage-exporter.txt', mayTag: outsideThreads },
  { family: 'imessage', file: 'imessage-exporter-legacy.txt', mayTag: outsideThreads },
];

describe('clean: every format in its own format', function () {
  this.timeout(60_000);
  for (const c of CASES) {
    for (const seed of [1, 2, 3]) {
      it(`${c.family}/${c.file} (seed ${seed})`, async () => {
        await formatRoundTrip(path.join(FIXTURES, c.family, c.file), { seed, conversation: c.conversation, composedEvents: c.composedEvents, mayTag: c.mayTag });
      });
    }
  }
});

describe('clean: iMazing CSV is safe to open in a spreadsheet', function () {
  this.timeout(30_000);

  it('cells that would run as formulas are neutralised; phone numbers and other cells stay as they were', async () => {
    const dir = tempDir();
    const csv = [
      'Chat Session,Message Date,Delivered Date,Read Date,Edited Date,Service,Type,Sender ID,Sender Name,Status,Replying to,Subject,Text,Attachment,Attachment type',
      'Team,2024-01-13 18:40:00,,,,iMessage,Incoming,+31600000001,Annelies,,,,"=HYPERLINK(""http://x.invalid"",""klik"")",,',
      'Team,2024-01-13 18:41:00,,,,iMessage,Incoming,+31600000001,Annelies,,,,- pompen draaien,,',
      'Team,2024-01-13 18:42:00,,,,iMessage,Incoming,+31600000002,Bram,,,,weg ermee,,',
      '',
    ].join('\r\n');
    const file = path.join(dir, 'Messages - Team.csv');
    fs.writeFileSync(file, csv);
    const state = ReviewState.parse({ version: 1, export: { file: path.basename(file), sha256: sha256(fs.readFileSync(file)) }, tags: [{ id: 'm000003', tag: 'privé', by: 'jdv', at: AT }] });
    const result = await cleanExport(file, state, { reviewer: 'jdv' });
    const lines = fs.readFileSync(result.cleaned, 'utf8').split('\r\n');
    assert.equal(lines[1], `Team,2024-01-13 18:40:00,,,,iMessage,Incoming,+31600000001,Annelies,,,,"'=HYPERLINK(""http://x.invalid"",""klik"")",,`);
    assert.equal(lines[2], `Team,2024-01-13 18:41:00,,,,iMessage,Incoming,+31600000001,Annelies,,,,'- pompen draaien,,`);
    assert.equal(lines.length, 4, 'the removed record is gone');
    assert.match(fs.readFileSync(result.diff, 'utf8'), /CSV · a cell that would run as a formula in a spreadsheet, neutralised/);
    assert.deepEqual((await verifyExport(file, result.report)).problems, []);
  });
});

describe('clean --rsmf: the cleaned conversation as RSMF 2.0', function () {
  this.timeout(60_000);

  it('writes a valid RSMF holding exactly the kept messages with their markers; verify checks its hash', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, '..', '..', 'media', 'samples'), dir, { recursive: true });
    const file = path.join(dir, 'WhatsApp Chat - Crisisteam Vaccinatie.zip');
    const parsed = await readExport(file);
    const [start, end] = [parsed.messages[8].text.indexOf('111222333'), parsed.messages[8].text.indexOf('111222333') + 9];
    const state = ReviewState.parse({
      version: 1, export: { file: path.basename(file), sha256: sha256(fs.readFileSync(file)) },
      tags: [{ id: 'm000002', tag: 'privé', by: 'jdv', at: AT }],
      redactions: [{ id: 'm000009', start, end, tag: 'AVG', by: 'jdv', at: AT }],
    });
    const result = await cleanExport(file, state, { reviewer: 'jdv', rsmf: true, timeZone: 'Europe/Amsterdam' });
    assert.ok(result.rsmf && fs.existsSync(result.rsmf));
    const rsmf = await readExport(result.rsmf, { timeZone: 'Europe/Amsterdam' });
    const cleaned = await readExport(result.cleaned);
    assert.equal(rsmf.format, 'rsmf');
    assert.deepEqual(rsmf.messages.map((m) => [m.timestamp, m.sender, m.text]), cleaned.messages.map((m) => [m.timestamp, m.sender, m.text]));
    assert.ok(!rsmf.messages.some((m) => m.text.includes('111222333')), 'the redacted BSN is not in the RSMF');
    assert.equal(rsmf.messages.length, parsed.messages.length - 1);
    assert.equal(result.summary.rsmf?.sha256, sha256(fs.readFileSync(result.rsmf)));
    assert.deepEqual((await verifyExport(file, result.report)).problems, []);
    fs.appendFileSync(result.rsmf, 'x');
    assert.match((await verifyExport(file, result.report)).problems.join('\n'), /RSMF file .* differs/);
  });
});
