import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { formatRoundTrip } from '../clean/support/formatRoundTrip';

/**
 * Parses the whole text with a conforming XML parser: any error fails the test. The app writes
 * emoji as two surrogate references, which XML forbids; the export already holds those, so
 * they are read as the character first.
 */
function assertWellFormed(xml: string): void {
  const parser = new SaxesParser();
  xml = xml.replace(/&#(5[5-7]\d{3});&#(5[6-7]\d{3});/g, (_, hi: string, lo: string) => `&#${String.fromCharCode(+hi, +lo).codePointAt(0)};`);
  let elements = 0;
  parser.on('opentag', () => void elements++);
  parser.write(xml).close();
  assert.ok(elements > 1);
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'sms');

describe('clean: SMS Backup & Restore', function () {
  this.timeout(30_000);

  it('a backup with one thread: removed elements go, redacted bodies are re-escaped, the XML stays well-formed', async () => {
    const { result } = (await formatRoundTrip(path.join(FIXTURES, 'sms-20240114120000.xml')))!;
    assertWellFormed(fs.readFileSync(result.cleaned, 'utf8'));
  });

  for (const seed of [1, 2, 3]) {
    it(`one thread of several (seed ${seed}): the cleaned file holds that thread only, and the diff says why the others went`, async () => {
      const { result, again } = (await formatRoundTrip(path.join(FIXTURES, 'sms-20240715080000.xml'), { conversation: '+31600000001~+31600000002~+31600000003', seed }))!;
      assert.ok(again.length > 0);
      assert.equal(result.summary.conversation?.id, '+31600000001~+31600000002~+31600000003');
      assert.equal(result.summary.conversation?.otherMessagesRemoved, 6);
      assert.match(fs.readFileSync(result.diff, 'utf8'), /@@ scope · another conversation than \+31600000001~\+31600000002~\+31600000003 \(not reviewed\)/);
      assert.ok(!fs.readFileSync(result.cleaned, 'utf8').includes('KPN'), 'another thread is gone');
      assertWellFormed(fs.readFileSync(result.cleaned, 'utf8'));
      const cleaned = fs.readFileSync(result.cleaned, 'utf8');
      assert.equal(Number(/<smses\b[^>]*\bcount="(\d+)"/.exec(cleaned)![1]), again.length, 'the root counts the messages it holds');
      assert.match(fs.readFileSync(result.diff, 'utf8'), /SMS Backup & Restore · count of the \d+ messages kept/);
    });
  }
});
