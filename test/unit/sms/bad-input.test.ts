import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { inputError } from '../support/errors';
import { makeZip } from '../support/zips';
import { fixtureText, parseBackup, SINGLE, writeBackup } from './helpers';

const backup = (...tags: string[]) => `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${tags.length}">\n${tags.map((t) => `  ${t}\n`).join('')}</smses>\n`;
const SMS = '<sms address="+31600000001" date="1705168142000" type="1" body="hallo" />';

/** The error of reading a backup with the format forced, as `--format sms` does. */
const refusal = (data: string | Uint8Array, name = 'sms.xml') => inputError(parseBackup(data, { format: 'sms' }, name));

describe('SMS Backup & Restore: bad input', () => {
  describe('entities are never expanded', () => {
    it('"billion laughs": the DOCTYPE is refused at once, naming its line', async () => {
      const started = Date.now();
      const message = await inputError(parseBackup(fixtureText('billion-laughs.xml'), {}, 'billion-laughs.xml'));
      assert.match(message, /^billion-laughs\.xml: line 2 has a DOCTYPE declaration; SMS Backup & Restore writes none, and its entities are refused unread/);
      assert.ok(Date.now() - started < 2000, 'no expansion');
    });

    it('an external entity is refused the same way, before anything is read', async () => {
      assert.match(await inputError(parseBackup(fixtureText('external-entity.xml'), {}, 'external-entity.xml')),
        /^external-entity\.xml: line 2 has a DOCTYPE declaration/);
    });

    it('an entity without declaration is malformed XML, not a lookup', async () => {
      assert.match(await refusal(backup(SMS, '<sms address="+31600000001" date="1705168142000" type="1" body="&geheim;" />')),
        /^sms\.xml: malformed XML at line 4: undefined entity$/);
    });
  });

  describe('malformed and truncated XML names the line', () => {
    it('mismatched tags, unquoted attributes, `<` in a value, a second root', async () => {
      const cases: [string, RegExp][] = [
        [backup('<mms date="1705168142000" msg_box="1" address="+31600000001">', '</sms>'), /^sms\.xml: malformed XML at line 4: unexpected close tag/],
        [backup('<sms address=+31600000001 date="1705168142000" type="1" />'), /^sms\.xml: malformed XML at line 3: unquoted attribute value/],
        [backup('<sms address="+31600000001" date="1705168142000" type="1" body="a < b" />'), /^sms\.xml: malformed XML at line 3: disallowed character/],
        [backup(SMS) + '<smses></smses>\n', /^sms\.xml: malformed XML at line 5: documents may contain only one root$/],
      ];
      for (const [text, expected] of cases) assert.match(await refusal(text), expected);
    });

    it('a file cut inside an MMS says where it ends and what is still open', async () => {
      const text = fixtureText(SINGLE);
      const cut = text.slice(0, text.indexOf('data="iVBOR') + 20);
      assert.match(await refusal(cut, SINGLE), /^sms-20240114120000\.xml ends at line 11 inside <part> \(opened at line 11\); the file looks truncated$/);
      const afterElement = text.slice(0, text.indexOf('</mms>') + 6);
      assert.match(await refusal(afterElement), /^sms\.xml ends at line 18 inside <smses> \(opened at line 4\); the file looks truncated$/);
    });

    it('a cut anywhere is an InputError, never a crash or a partial success', async () => {
      const bytes = Buffer.from(fixtureText(SINGLE), 'utf8');
      const end = bytes.lastIndexOf('</smses>');
      for (let at = 1; at < end; at += 61) {
        assert.match(await refusal(bytes.subarray(0, at)), /looks truncated|malformed XML|middle of a character/, `cut at ${at}`);
      }
    });
  });

  describe('not a backup', () => {
    it('another root element: named with its line when forced, not recognised otherwise', async () => {
      const calls = '<?xml version="1.0"?>\n<calls count="1">\n  <call number="+31600000001" duration="12" date="1705168142000" type="1" />\n</calls>\n';
      assert.match(await refusal(calls), /^sms\.xml: line 2: the root element is <calls>, not <smses>; not an SMS Backup & Restore file$/);
      assert.match(await inputError(parseBackup(calls)), /^sms\.xml has no recognisable chat messages/);
    });

    it('an empty backup, a blank file, a zip', async () => {
      assert.match(await inputError(parseBackup(backup())), /^sms\.xml holds no messages$/);
      assert.match(await refusal('\n  \n'), /^sms\.xml: malformed XML at line 3: document must contain a root element$/);
      const zip = writeBackup(await makeZip([{ name: 'sms.xml', data: backup(SMS) }]), 'sms.zip');
      assert.match(await inputError(readExport(zip, { format: 'sms' })), /^sms\.zip is a zip; give the SMS Backup & Restore \.xml file itself$/);
    });

    it('UTF-16, binary and invalid UTF-8', async () => {
      assert.match(await refusal(Buffer.from('\uFEFF' + backup(SMS), 'utf16le')), /^sms\.xml is UTF-16 text; SMS Backup & Restore writes UTF-8$/);
      assert.match(await refusal(Buffer.from([0x3c, 0x00, 0x00, 0x01, 0x02, 0x00, 0x03, 0x00, 0xff, 0x00, 0x10, 0x00])), /binary file/);
      const invalid = Buffer.concat([Buffer.from(backup(SMS).slice(0, 100)), Buffer.from([0xc3, 0x28]), Buffer.from(backup(SMS).slice(100))]);
      assert.match(await refusal(invalid), /^sms\.xml is not valid UTF-8 text \(near line \d+\)/);
    });
  });

  describe('attributes of the wrong type name the element and its line', () => {
    it('a date that is no number, or none', async () => {
      assert.match(await refusal(backup(SMS, '<sms address="+31600000001" date="gisteren" type="1" body="x" />')),
        /^sms\.xml: line 4: <sms> has date="gisteren"; expected epoch milliseconds$/);
      assert.match(await refusal(backup('<mms address="+31600000001" msg_box="1">\n  </mms>')),
        /^sms\.xml: line 3: <mms> has no date; expected epoch milliseconds$/);
    });

    it('an sms type or mms msg_box outside 1–6, or none', async () => {
      assert.match(await refusal(backup('<sms address="+31600000001" date="1705168142000" type="9" body="x" />')),
        /^sms\.xml: line 3: <sms> has type="9"; expected 1 to 6$/);
      assert.match(await refusal(backup(SMS, SMS, '<mms address="+31600000001" date="1705168142000"></mms>')),
        /^sms\.xml: line 5: <mms> has no msg_box; expected 1 to 6$/);
    });
  });
});
