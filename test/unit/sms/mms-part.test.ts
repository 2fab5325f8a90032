import * as assert from 'node:assert/strict';
import type { ExportInput } from '../../../src/parsers/input';
import { readMmsPart } from '../../../src/parsers/sms';
import { PartDataFilter } from '../../../src/parsers/sms/partData';
import { inputError } from '../support/errors';
import { chunkedInput, fixtureText, GROUP, MULTI, openBackup, parseBackup, SINGLE } from './helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgiFoAQhAKABjmA+mntNmmAAAAAElFTkSuQmCC', 'base64');

async function bytesOf(input: ExportInput, conversation: string | undefined, message: string, attachment: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readMmsPart(input, conversation, message, attachment)) parts.push(chunk);
  return Buffer.concat(parts);
}

const mms = (parts: string) => `<smses>\n  <mms date="1705168142000" msg_box="1" address="+31600000001">\n    <parts>\n${parts}\n    </parts>\n  </mms>\n</smses>\n`;

describe('SMS Backup & Restore: MMS part data', () => {
  it('readMmsPart streams the decoded bytes of an attachment, found again by conversation, message and index', async () => {
    const single = await openBackup(fixtureText(SINGLE), SINGLE);
    assert.deepEqual(await bytesOf(single, undefined, 'm000004', 0), PNG);
    assert.deepEqual(await bytesOf(single, '0600000001', 'm000004', 0), PNG);
    const multi = await openBackup(fixtureText(MULTI), MULTI);
    assert.deepEqual((await bytesOf(multi, GROUP, 'm000001', 0)).subarray(0, 4), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    assert.match((await bytesOf(multi, GROUP, 'm000001', 2)).toString('utf8'), /^BEGIN:VCARD\r\nVERSION:3\.0\r\nFN:Bram Jansen\r\n/);
  });

  it('what it cannot give is an InputError', async () => {
    const multi = await openBackup(fixtureText(MULTI), MULTI);
    assert.match(await inputError(bytesOf(multi, GROUP, 'm000001', 1)), /^sms-20240715080000\.xml: the file holds no data for kade2\.jpg of m000001$/);
    assert.match(await inputError(bytesOf(multi, GROUP, 'm000002', 0)), /: m000002 has no attachment 0 \(it has 0\)$/);
    assert.match(await inputError(bytesOf(multi, GROUP, 'm000009', 0)), /: conversation .* has no message m000009 \(it has 3\)$/);
    assert.match(await inputError(bytesOf(multi, '+31699999999', 'm000001', 0)), /has no conversation "\+31699999999"; it holds: /);
    assert.match(await inputError(bytesOf(multi, undefined, 'm000001', 0)), /holds 5 conversations; pick one with --conversation/);
    assert.match(await inputError(bytesOf(multi, GROUP, '1', 0)), /^"1" is not a message id/);
    const bad = await openBackup(mms('      <part ct="image/png" cl="a.png" data="iVBO*RW0K" />'));
    assert.match(await inputError(bytesOf(bad, undefined, 'm000001', 0)), /the data of this MMS part is not base64/);
  });

  it('data wrapped over lines (LF or CRLF): the lines count for the message, the bytes decode whole, in any chunking', async () => {
    const image = Buffer.alloc(30_000, 0);
    for (let i = 0; i < image.length; i++) image[i] = (i * 7919) % 251;
    for (const eol of ['\n', '\r\n']) {
      const wrapped = image.toString('base64').replace(/.{76}/g, `$&${eol}`);
      const text = mms(`      <part ct="text/plain" text="Plattegrond" />\n      <part ct="image/png" cl="plattegrond.png" data="${wrapped}" />`);
      const r = await parseBackup(text);
      assert.deepEqual(r.messages[0].source, { line: 2, lines: 6 + wrapped.split(eol).length - 1 });
      assert.deepEqual(r.messages[0].attachments, [{ name: 'plattegrond.png', present: true }]);
      const bytes = Buffer.from(text, 'utf8');
      for (const size of [bytes.length, 1000, 7]) {
        assert.deepEqual(await bytesOf(chunkedInput(bytes, size), undefined, 'm000001', 0), image, `${JSON.stringify(eol)} in chunks of ${size}`);
      }
    }
  });

  it('only `data` of <part> is taken out; comments, CDATA, PIs and other attributes are left to the XML parser', async () => {
    const text = mms([
      '      <!-- <part data="AAAA"/> -->',
      '      <?note <part data="AAAA"/> ?>',
      '      <part ct="image/png" cl="a.png" data="QUFB" fn="data=&quot;x&quot;" />',
      '      <part ct="text/plain" text="&lt;part data=&quot;BBBB&quot;/&gt;" />',
      '      <part ct="image/png" cl="b.png" data=\'QkJC\' />',
      '      <part ct="image/png" cl="c.png" data="null" />',
      '      <part ct="image/png" cl="d.png" data=" " />',
      '      <part ct="image/png" name="e.png" />',
    ].join('\n'));
    const r = await parseBackup(text);
    assert.equal(r.messages[0].text, '<part data="BBBB"/>');
    assert.deepEqual(r.messages[0].attachments.map((a) => [a.name, a.present]), [['a.png', true], ['b.png', true], ['c.png', false], ['d.png', false], ['e.png', false]]);
    const input = await openBackup(text);
    assert.equal((await bytesOf(input, undefined, 'm000001', 0)).toString(), 'AAA');
    assert.equal((await bytesOf(input, undefined, 'm000001', 1)).toString(), 'BBB');

    const filter = new PartDataFilter();
    const out = Buffer.from(filter.push(Buffer.from(text))).toString();
    assert.ok(out.includes('<!-- <part data="AAAA"/> -->') && out.includes('cl="a.png" data="" fn'), out);
    assert.deepEqual(filter.found.map((d) => [text.slice(d.start, d.end), d.present]), [['QUFB', true], ['QkJC', true], ['null', false], [' ', false]]);
  });
});
