import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listConversations, parseExport } from '../../../src/parsers';
import { tempDir } from '../support/fixtures';
import { TZ } from './helpers';

/** A backup of about `megabytes` MB, mostly base64 photos, written piece by piece. */
function writeLargeBackup(megabytes: number): string {
  const file = path.join(tempDir(), 'sms-large.xml');
  const fd = fs.openSync(file, 'w');
  const photo = Buffer.alloc(375_000, 'synthetische foto ').toString('base64');
  const date = (i: number) => 1705168045000 + i * 1000;
  fs.writeSync(fd, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\" type=\"full\">\n");
  for (let i = 0; fs.fstatSync(fd).size < megabytes * 1024 * 1024; i++) {
    fs.writeSync(fd, `  <sms protocol="0" address="+31600000001" date="${date(2 * i)}" type="${1 + (i % 2)}" body="Bericht ${i}&#10;regel 2" readable_date="13 jan. 2024" contact_name="Annelies de Vries" />\n`);
    fs.writeSync(fd, `  <mms date="${date(2 * i + 1)}" msg_box="1" address="+31600000001" contact_name="Annelies de Vries">\n    <parts>\n`
      + `      <part seq="0" ct="image/jpeg" cl="foto-${i}.jpg" text="null" data="${photo}" />\n`
      + `      <part seq="1" ct="text/plain" text="Foto ${i}" />\n    </parts>\n  </mms>\n`);
  }
  fs.writeSync(fd, '</smses>\n');
  fs.closeSync(fd);
  return file;
}

describe('SMS Backup & Restore: memory', function () {
  this.timeout(60_000);

  it('a 20 MB backup of base64 photos parses with heap growth well below the file size', async () => {
    const file = writeLargeBackup(20);
    const size = fs.statSync(file).size;
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    const { conversations } = await listConversations(file);
    assert.deepEqual(conversations?.map((c) => c.id), ['+31600000001']);
    await parseExport(file, { timeZone: TZ }, {
      message(m) {
        count++;
        if (count % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (m.kind === 'media') assert.deepEqual(m.attachments, [{ name: `foto-${(count - 2) / 2}.jpg`, present: true }]);
      },
    });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    assert.equal(count, conversations![0].messages);
    assert.ok(peak - before < size / 2, `heap grew ${Math.round((peak - before) / 1e6)} MB for a ${Math.round(size / 1e6)} MB file`);
  });
});
