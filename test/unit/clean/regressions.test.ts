/**
 * Cleaner bugs found by the round-trip properties, each as its smallest repro, kept as guards
 * now that they are fixed. Each comment says what was observed and what was decided.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../../src/model/errors';
import { readExport } from '../../../src/parsers';
import { makeZip } from '../support/zips';
import { verifyExport } from '../../../src/clean/verify';
import { gitApply, zipEntryNames } from './support/harness';
import { clean, redaction, small, spanOf, tag } from './support/small';

describe('clean: known bugs (smallest repros)', () => {
  /**
   * BUG (fixed in the working tree while these tests were written, kept as a guard): the diff
   * left the UTF-8 BOM out of line 1, so `git apply` rejected every hunk with line 1 as a change
   * or as context ("error: patch failed: chat.txt:1"). Also: the cleaned file keeps its BOM
   * whatever goes (same format), also when every message goes (then it is the BOM alone; an
   * intermediate fix wrote an empty file there).
   */
  it('a UTF-8 export with a BOM: the cleaned file keeps it and git apply of the diff gives that file', async () => {
    const chat = '\uFEFF12-03-2020 14:05 - Ann: hoi\n12-03-2020 14:06 - Bob: weg\n12-03-2020 14:07 - Ann: nog een\n';
    const failures: string[] = [];
    for (const [what, tags, redactions] of [
      ['line 2 removed (line 1 is context)', [tag('m000002')], []],
      ['line 1 removed', [tag('m000001')], []],
      ['line 1 redacted', [], [redaction('m000001', 0, 3)]],
      ['every line removed', [tag('m000001'), tag('m000002'), tag('m000003')], []],
    ] as const) {
      const s = await small('chat.txt', chat, [...tags], [...redactions]);
      const r = await clean(s, { outDir: path.join(s.dir, 'out') });
      const cleaned = fs.readFileSync(r.cleaned);
      if (!cleaned.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) failures.push(`${what}: the cleaned file lost its BOM`);
      const work = path.join(s.dir, 'apply');
      fs.mkdirSync(work);
      fs.copyFileSync(s.exportPath, path.join(work, 'chat.txt'));
      const applied = gitApply(r.diff, work);
      if (applied.status !== 0) failures.push(`${what}: ${applied.stderr.trim()}`);
      else if (!fs.readFileSync(path.join(work, 'chat.txt')).equals(cleaned)) failures.push(`${what}: applied file differs from the cleaned one`);
    }
    assert.deepEqual(failures, []);
  });

  /**
   * BUG (fixed in e8ab9fb; came with the first BOM fix): with the BOM inside line 1,
   * `bodyColumn` no longer recognises line 1 as a header, the text is searched from column 0,
   * and a first message whose text also stands in its header gets the *header* blacked out:
   * '\uFEFF[12-03-2020 14:05:00] Ann: Ann', redact 0–3 → '\uFEFF[12-03-2020 14:05:00] [AVG]: Ann'
   * (the redacted text stays readable). Found by the byte-for-byte property (Android: text '48',
   * header minute 48). Fix: skip the BOM before looking for the body column.
   */
  it('a UTF-8 export with a BOM: a redaction in the first message hits its text, not its header', async () => {
    const s = await small('chat.txt', '\uFEFF[12-03-2020 14:05:00] Ann: Ann\r\n[12-03-2020 14:06:00] Bob: weg\r\n', [], [redaction('m000001', 0, 3)]);
    const r = await clean(s);
    assert.equal(fs.readFileSync(r.cleaned, 'utf8'), '\uFEFF[12-03-2020 14:05:00] Ann: [AVG]\r\n[12-03-2020 14:06:00] Bob: weg\r\n');
  });

  /**
   * DECIDED: a span across a line break becomes one marker and its line breaks go with it (the
   * lines it touches join), so the cleaned text is the text with the span replaced by its
   * marker. Observed before: 'eerste [AVG]\n regel', which also told how many lines the hidden
   * text had and caused the next two bugs.
   */
  it('a redaction across a line break becomes one marker: the line breaks inside it go too', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: eerste regel\ntweede regel\n12-03-2020 14:06 - Bob: hoi\n');
    const [start, end] = spanOf(s, 0, 'regel\ntweede');
    s.state.redactions = [redaction('m000001', start, end)];
    const r = await clean(s);
    assert.equal((await readExport(r.cleaned)).messages[0].text, 'eerste [AVG] regel');
  });

  /**
   * BUG (fixed: line breaks inside a span go with it): a span from one line into the next deletes the start of that next line without a marker
   * in its place; when the rest of the line reads like a message header, the cleaned export
   * holds a message that was never sent. Original: one message from Ann,
   * 'zie hieronder\n> 12-03-2020 14:06 - Bob: nep'; redact 'hieronder\n> '. Observed cleaned
   * chat: '12-03-2020 14:05 - Ann: zie [AVG]\n12-03-2020 14:06 - Bob: nep\n', which reads as
   * two messages, the second from "Bob". Fixed by the decision above (no line break survives
   * inside a span) or by never letting a span's later pieces vanish without trace.
   */
  it('a redaction across a line break never turns the rest of a line into a message of its own', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: zie hieronder\n> 12-03-2020 14:06 - Bob: nep\n');
    assert.equal(s.parsed.messages.length, 1);
    const [start, end] = spanOf(s, 0, 'hieronder\n> ');
    s.state.redactions = [redaction('m000001', start, end)];
    const r = await clean(s);
    const again = await readExport(r.cleaned);
    assert.deepEqual(again.messages.map((m) => m.sender), ['Ann']);
  });

  /**
   * BUG (fixed: line breaks inside a span go with it): a span made only of line breaks (a selection of an empty line, or of the break between
   * two lines) cannot be cleaned: InputError "cannot place the redaction 1–3 of m000001 in the
   * export (line 1); it was not changed". Expected: it cleans (text 'a[AVG]b' if line breaks in
   * a span go, per the decision above).
   */
  it('a redaction made only of line breaks can be cleaned', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: a\n\nb\n', [], [redaction('m000001', 1, 3)]);
    assert.equal(s.parsed.messages[0].text, 'a\n\nb');
    const r = await clean(s);
    assert.equal((await readExport(r.cleaned)).messages[0].text, 'a[AVG]b');
  });

  /**
   * BUG (fixed: such a redaction is refused, since every redacted message must still read as
   * itself; redacting the whole quote works): an Android event line has no author; the parser knows it from the quote before its
   * first `: ` ('… gewijzigd van "Dijk: Noord" …'). Redacting that quote leaves
   * '… van [AVG]ijk: Noord" …', which re-parses as a *message* from a sender named
   * 'Annelies heeft de groepsnaam gewijzigd van [AVG]ijk'. Expected: still an event (sender
   * null). Fix needs a decision (e.g. refuse such spans, or keep the quote).
   */
  it('a redaction that would turn an Android event line into a message is refused, naming it', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Annelies heeft de groepsnaam gewijzigd van "Dijk: Noord" naar "Crisis"\n12-03-2020 14:06 - Bob: hoi\n');
    assert.equal(s.parsed.messages[0].kind, 'system');
    const [start, end] = spanOf(s, 0, '"D');
    s.state.redactions = [redaction('m000001', start, end)];
    await assert.rejects(clean(s), {
      name: 'InputError',
      message: `the redaction ${start}–${end} of m000001 would make its line read as a message from "Annelies heeft de groepsnaam gewijzigd van [AVG]ijk"; redact a wider span or tag the message instead`,
    });
    // Redacting the whole quoted name keeps it an event.
    const [from, to] = spanOf(s, 0, '"Dijk: Noord"');
    s.state.redactions = [redaction('m000001', from, to)];
    const m = (await readExport((await clean(s)).cleaned)).messages[0];
    assert.deepEqual({ kind: m.kind, sender: m.sender, text: m.text }, { kind: 'system', sender: null, text: 'Annelies heeft de groepsnaam gewijzigd van [AVG] naar "Crisis"' });
  });

  /**
   * BUG (fixed: zips list their folder entries and a cleaned zip keeps them): "a zip keeps every other entry", but folder entries are dropped (openZip lists
   * files only). Zip: 'leeg/', 'X/', 'X/_chat.txt'. Observed cleaned entries: ['X/_chat.txt'];
   * an empty folder is lost after unzipping.
   */
  it('a cleaned zip keeps its folder entries', async () => {
    const chat = '[12-03-2020 14:05:00] Ann: hoi\r\n[12-03-2020 14:06:00] Bob: weg\r\n';
    const s = await small('WhatsApp Chat - X.zip', await makeZip([{ name: 'leeg/', data: '' }, { name: 'X/', data: '' }, { name: 'X/_chat.txt', data: chat }]), [tag('m000002')]);
    const r = await clean(s);
    assert.deepEqual((await zipEntryNames(r.cleaned)).sort(), ['X/', 'X/_chat.txt', 'leeg/']);
  });

  /**
   * SUSPICIOUS (fixed: an attachment is the file beside the chat text, for presence, cleaning
   * and previews alike): attachments were dropped by base name anywhere in the zip, so removing the
   * message that names '00000001-PHOTO-2020.jpg' also drops 'backup/00000001-PHOTO-2020.jpg'
   * (and reports it in attachmentsRemoved). Expected: only the file beside the chat goes.
   */
  it('removing a message drops its own attachment, not a same-named file in another folder', async () => {
    const chat = '[12-03-2020 14:05:00] Ann: foto \u200E<bijgevoegd: 00000001-PHOTO-2020.jpg>\r\n[12-03-2020 14:06:00] Bob: hoi\r\n';
    const s = await small('WhatsApp Chat - X.zip', await makeZip([
      { name: 'X/_chat.txt', data: chat }, { name: 'X/00000001-PHOTO-2020.jpg', data: 'jpg' }, { name: 'backup/00000001-PHOTO-2020.jpg', data: 'other' },
    ]), [tag('m000001')]);
    const r = await clean(s);
    assert.deepEqual((await zipEntryNames(r.cleaned)).sort(), ['X/_chat.txt', 'backup/00000001-PHOTO-2020.jpg']);
    assert.deepEqual(r.summary.attachmentsRemoved.map((a) => a.name), ['X/00000001-PHOTO-2020.jpg']);
  });

  /**
   * BUG (fixed in e8ab9fb: now an InputError): two tag entries for one message (ReviewState allows it) remove it once (the
   * last entry wins in `removed`) but count twice: counts {privé: 1, AVG: 1} beside a single
   * removed entry. Expected: an InputError, or counts that agree with `removed`.
   */
  it('the counts agree with the removed list when the state tags a message twice', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: hoi\n12-03-2020 14:06 - Bob: weg\n', [tag('m000002', 'AVG'), tag('m000002', 'privé')]);
    const r = await clean(s).catch((e: unknown) => {
      assert.ok(e instanceof InputError);
      return null;
    });
    if (r) assert.equal(r.summary.counts.AVG + r.summary.counts['privé'] + r.summary.counts.scope, r.summary.removed.length);
  });

  /**
   * BUG (fixed in e8ab9fb: now an InputError): overlapping redactions were applied one over the other at stale offsets:
   * text 'abcdefghij' with spans 0–5 and 3–8 becomes '[AVG]VG]ij'. Expected: InputError (or the
   * spans merged into one marker).
   */
  it('overlapping redactions are refused (or merged), never applied at stale offsets', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: abcdefghij\n', [], [redaction('m000001', 0, 5), redaction('m000001', 3, 8)]);
    const r = await clean(s).catch((e: unknown) => {
      assert.ok(e instanceof InputError);
      return null;
    });
    if (r) assert.equal((await readExport(r.cleaned)).messages[0].text, '[AVG]ij');
  });

  /**
   * BUG (fixed in e8ab9fb): a redaction ending past the message's text was clipped silently;
   * the report recorded end 50 and the sha256 of the clipped slice. Expected: InputError naming it.
   */
  it('a redaction past the end of its message is refused', async () => {
    const s = await small('chat.txt', '12-03-2020 14:05 - Ann: abcdefghij\n', [], [redaction('m000001', 8, 50)]);
    await assert.rejects(clean(s), InputError);
  });
});

/**
 * A UTF-16 file is binary to git, so a text diff of it cannot apply to its bytes. DECIDED: the
 * diff stays readable (text hunks with their headings) and is of the text as UTF-8; a note above
 * it says how to convert, which `git apply` skips. Verify re-applies it in the file's encoding.
 */
describe('clean: UTF-16 exports', () => {
  const CHAT = '12-03-2020 14:05 - Ann: hoi\r\n12-03-2020 14:06 - Bob: BSN 111222333 weg\r\n12-03-2020 14:07 - Ann: nog één\r\n';
  const forms = [
    { name: 'UTF-16LE with a byte-order mark', encode: (t: string) => Buffer.from('\uFEFF' + t, 'utf16le') },
    { name: 'UTF-16BE without a byte-order mark', encode: (t: string) => Buffer.from(t, 'utf16le').swap16() },
  ];
  for (const form of forms) {
    it(`${form.name}: git apply of the diff to the text as UTF-8 gives the cleaned file's text`, async () => {
      const s = await small('chat.txt', form.encode(CHAT), [tag('m000001', 'privé')]);
      const [start, end] = spanOf(s, 1, '111222333');
      s.state.redactions = [redaction('m000002', start, end)];
      const r = await clean(s);
      assert.ok(fs.readFileSync(r.cleaned).equals(form.encode('12-03-2020 14:06 - Bob: BSN [AVG] weg\r\n12-03-2020 14:07 - Ann: nog één\r\n')));
      const diff = fs.readFileSync(r.diff, 'utf8');
      assert.match(diff, new RegExp(`^# chat\\.txt is ${form.name}\\. This diff is of its text as UTF-8`));
      const work = path.join(s.dir, 'apply');
      fs.mkdirSync(work);
      fs.writeFileSync(path.join(work, 'chat.txt'), CHAT);
      const applied = gitApply(r.diff, work);
      assert.equal(applied.status, 0, applied.stderr);
      assert.ok(form.encode(fs.readFileSync(path.join(work, 'chat.txt'), 'utf8')).equals(fs.readFileSync(r.cleaned)));
      const verified = await verifyExport(s.exportPath, r.report);
      assert.deepEqual(verified.problems, []);
    });
  }
});
