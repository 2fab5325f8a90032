import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import yazl from 'yazl';
import { cleanExport, outputNames } from '../../../src/clean/cleaner';

import { verifyExport } from '../../../src/clean/verify';
import { RemovalReport, sha256File, type Message, type ParsedExport, type ReviewState } from '../../../src/model';
import { readExport } from '../../../src/parsers';
import { readCaptureTime } from '../../../src/parsers/screenshots/capture';
import { createOcrEngine } from '../../../src/parsers/screenshots/ocr';
import { decodeScreenshot, isBlack, pixelBoxes } from '../../../src/parsers/screenshots/pixels';
import { findChromium, renderSets } from '../../screenshots/render';

const at = '2026-11-22T10:00:00.000Z';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every file of a folder with its sha256, to prove the export is only ever read. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

describe('cleaning a conversation read from screenshots', function () {
  this.timeout(600_000);
  let root = '';
  let shots = '';
  let ocr: { cacheDir: string };
  let parsed: ParsedExport;
  /** Removed: a message shown on two screenshots (an overlap). Redacted: a word of another. */
  let removed: Message;
  let redacted: Message;
  let span: { start: number; end: number };
  let state: ReviewState;

  before(async function () {
    if (!findChromium()) {
      console.log('      (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; CI installs it)');
      this.skip();
    }
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-clean-shots-'));
    ocr = { cacheDir: path.join(root, 'ocr') };
    const rendered = path.join(root, 'rendered');
    await renderSets(rendered, { sets: 1, seed: 11, minMessages: 12, maxMessages: 14, styles: ['imessage'], concurrency: 1 });
    shots = path.join(root, 'shots');
    fs.mkdirSync(shots);
    const set = path.join(rendered, 'set-000');
    for (const f of fs.readdirSync(set).filter((f) => /\.png$/i.test(f))) fs.copyFileSync(path.join(set, f), path.join(shots, f));
    parsed = await readExport(shots, { ocr });
    assert.equal(parsed.format, 'screenshots');
    removed = parsed.messages.find((m) => m.meta?.image?.copies?.length && m.text.length > 12)!;
    assert.ok(removed, 'the set has a message shown on two screenshots');
    redacted = parsed.messages.find((m) => m !== removed && !m.meta?.image?.copies && m.meta!.image!.words.length >= 3 && m.meta!.image!.words[1].end - m.meta!.image!.words[1].start >= 4)!;
    assert.ok(redacted, 'the set has a message with a word to redact');
    const word = redacted.meta!.image!.words[1];
    span = { start: word.start, end: word.end };
    state = {
      version: 1,
      export: { file: 'shots', sha256: await sha256File(shots) },
      tags: [{ id: removed.id, tag: 'AVG', rule: 'bsn', by: 'tester', at }],
      redactions: [{ id: redacted.id, ...span, tag: 'privé', by: 'tester', at }],
    };
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes the cleaned transcript, the screenshots with what went blacked out, the diff and the report; the export is untouched', async () => {
    const before = snapshot(shots);
    const result = await cleanExport(shots, state, { reviewer: 'tester', ocr, now: new Date(at) });
    assert.deepEqual(snapshot(shots), before, 'the screenshots are only read');
    assert.deepEqual([result.cleaned, result.screenshots].map((f) => path.basename(f!)), ['shots.cleaned.txt', 'shots.cleaned']);

    // The transcript: the removed message's lines gone, the redacted word a marker.
    const transcript = fs.readFileSync(result.cleaned, 'utf8');
    assert.match(transcript, /^# .* read from screenshots by OCR/);
    assert.ok(!transcript.includes(removed.text), 'the removed message is gone');
    const redactedText = redacted.text.slice(0, span.start) + '[privé]' + redacted.text.slice(span.end);
    assert.ok(transcript.includes(redactedText), 'the redacted word is a marker');
    assert.equal(transcript.split('\n').filter((l) => /^\[\d{4}-/.test(l)).length, parsed.messages.length - 1);

    // The screenshots: every one copied; each showing the removed bubble has it black.
    const report = RemovalReport.parse(JSON.parse(fs.readFileSync(result.report, 'utf8')));
    const images = report.screenshots!;
    assert.equal(images.file, 'shots.cleaned');
    assert.equal(images.sha256, await sha256File(result.screenshots!));
    assert.deepEqual(fs.readdirSync(result.screenshots!).sort(), Object.keys(before));
    const image = removed.meta!.image!;
    const showing = [{ file: image.file, box: image.box }, ...image.copies!];
    assert.ok(showing.length >= 2);
    for (const { file, box } of showing) {
      const cleaned = decodeScreenshot(fs.readFileSync(path.join(result.screenshots!, file)), file);
      assert.ok(isBlack(cleaned, pixelBoxes([box], cleaned.width, cleaned.height)), `${file}: the removed bubble is black`);
      assert.ok(images.images.find((i) => i.name === file)!.blackedOut.length > 0);
    }
    const wordBox = redacted.meta!.image!.words[1].box;
    const withWord = decodeScreenshot(fs.readFileSync(path.join(result.screenshots!, redacted.meta!.image!.file)), 'x.png');
    assert.ok(isBlack(withWord, pixelBoxes([wordBox], withWord.width, withWord.height)), 'the redacted word is black');
    const nextWord = redacted.meta!.image!.words[2].box;
    assert.ok(!isBlack(withWord, pixelBoxes([nextWord], withWord.width, withWord.height)), 'the word after it is not');

    // Outside the boxes, the pixels are the screenshot's own (PNG is lossless).
    for (const entry of images.images) {
      const original = decodeScreenshot(fs.readFileSync(path.join(shots, entry.name)), entry.name);
      const cleaned = decodeScreenshot(fs.readFileSync(path.join(result.screenshots!, entry.name)), entry.name);
      const inside = (x: number, y: number) => entry.blackedOut.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height);
      let differs = 0;
      for (let y = 0; y < original.height; y += 3) {
        for (let x = 0; x < original.width; x += 3) {
          const i = (y * original.width + x) * 4;
          if (!inside(x, y) && (original.data[i] !== cleaned.data[i] || original.data[i + 1] !== cleaned.data[i + 1] || original.data[i + 2] !== cleaned.data[i + 2])) differs++;
        }
      }
      assert.equal(differs, 0, `${entry.name}: only the boxes changed`);
      // Metadata (capture time, and with it any place or device) is not carried over.
      assert.equal(await readCaptureTime(fs.readFileSync(path.join(result.screenshots!, entry.name))), undefined);
    }

    // Read again by OCR, no cleaned screenshot shows the removed text.
    const engine = createOcrEngine({ workers: 2 });
    try {
      const read = await engine.recognizeAll(showing.map(({ file }) => ({ image: fs.readFileSync(path.join(result.screenshots!, file)), file })));
      for (const page of read) {
        const text = squash(page.words.map((w) => w.text).join(' '));
        const longest = removed.text.split(/\s+/).filter((w) => w.length >= 6);
        for (const w of longest) assert.ok(!text.includes(w), `${page.file}: "${w}" of the removed message can still be read`);
      }
    } finally {
      await engine.close();
    }

    // The diff: the transcript's hunks, then each blacked-out screenshot as a changed binary file.
    const diff = fs.readFileSync(result.diff, 'utf8');
    assert.match(diff, /^diff --git a\/transcript\.txt b\/transcript\.txt$/m);
    assert.ok(diff.includes(`-${`[${removed.timestamp.slice(0, 10)}`}`), 'the removed line is in the diff');
    for (const { file } of showing) assert.ok(diff.includes(`Binary files a/${file} and b/${file} differ`), file);
    assert.deepEqual(report.counts, { 'privé': 0, AVG: 1, scope: 0, redactions: 1 });
  });

  it('cleans again over an earlier cleaning, and verify holds', async () => {
    const result = await cleanExport(shots, state, { reviewer: 'tester', ocr, rsmf: true });
    assert.ok(fs.existsSync(result.rsmf!));
    assert.equal(fs.readdirSync(root).filter((f) => f.startsWith('.chatreview-')).length, 0, 'no temporary folder is left');
    const { problems, checks } = await verifyExport(shots, result.report, { ocr });
    assert.deepEqual(problems, []);
    assert.ok(checks > 10);
    // Originals slipped in beside the copies (a subfolder, a hidden file) are found.
    const first = fs.readdirSync(shots)[0];
    fs.mkdirSync(path.join(result.screenshots!, 'originals'));
    fs.copyFileSync(path.join(shots, first), path.join(result.screenshots!, 'originals', first));
    fs.copyFileSync(path.join(shots, first), path.join(result.screenshots!, `.${first}`));
    const smuggled = await verifyExport(shots, result.report, { ocr });
    assert.ok(smuggled.problems.some((p) => p.includes(`"originals/${first}", which is not a cleaned screenshot`)), smuggled.problems.join('; '));
    assert.ok(smuggled.problems.some((p) => p.includes(`".${first}", which is not a cleaned screenshot`)), smuggled.problems.join('; '));
    fs.rmSync(path.join(result.screenshots!, 'originals'), { recursive: true });
    fs.rmSync(path.join(result.screenshots!, `.${first}`));
    // A pixel of the removed bubble put back is found.
    const file = path.join(result.screenshots!, removed.meta!.image!.file);
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(fs.readFileSync(file));
    const box = removed.meta!.image!.box;
    const i = (Math.round(box.y + box.height / 2) * png.width + Math.round(box.x + box.width / 2)) * 4;
    png.data[i] = 255;
    fs.writeFileSync(file, PNG.sync.write(png));
    const tampered = await verifyExport(shots, result.report, { ocr });
    assert.ok(tampered.problems.some((p) => p.includes(removed.meta!.image!.file)), tampered.problems.join('; '));
  });

  it('names a folder\'s outputs after the whole folder name, and refuses a screenshot name a diff cannot hold plainly', async () => {
    const dated = path.join(root, 'Chat 2020.03');
    fs.cpSync(shots, dated, { recursive: true });
    const names = outputNames(dated, undefined, undefined, 'screenshots');
    assert.deepEqual(Object.values(names).map((f) => path.basename(f)).sort(), [
      'Chat 2020.03.cleaned', 'Chat 2020.03.cleaned.rsmf', 'Chat 2020.03.cleaned.txt', 'Chat 2020.03.removal.diff', 'Chat 2020.03.removal.json',
    ]);
    const result = await cleanExport(dated, { ...state, export: { file: 'Chat 2020.03', sha256: await sha256File(dated) } }, { reviewer: 'tester', ocr });
    assert.equal(result.report, names.report);
    const odd = path.join(root, 'odd');
    fs.cpSync(shots, odd, { recursive: true });
    const first = fs.readdirSync(odd)[0];
    fs.renameSync(path.join(odd, first), path.join(odd, `IMG\n${first}`));
    const oddState = { version: 1 as const, export: { file: 'odd', sha256: await sha256File(odd) }, tags: [] };
    await assert.rejects(cleanExport(odd, oddState, { reviewer: 'tester', ocr }), /the screenshot name "IMG\\n.*" holds a control character/);
    assert.deepEqual(fs.readdirSync(root).filter((f) => f.startsWith('odd.')), [], 'nothing was written');
  });

  it('keeps a zip of screenshots a zip', async () => {
    const zipPath = path.join(root, 'zipped.zip');
    const zip = new yazl.ZipFile();
    for (const f of fs.readdirSync(shots)) zip.addFile(path.join(shots, f), f);
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(zipPath)).on('close', () => resolve()));
    const zipState = { ...state, export: { file: 'zipped.zip', sha256: await sha256File(zipPath) } };
    const result = await cleanExport(zipPath, zipState, { reviewer: 'tester', ocr });
    assert.equal(path.basename(result.screenshots!), 'zipped.cleaned.zip');
    assert.equal(path.basename(result.cleaned), 'zipped.cleaned.txt');
    const cleaned = await readExport(result.screenshots!, { ocr: { cacheDir: path.join(root, 'ocr-cleaned') } });
    assert.ok(!cleaned.messages.some((m) => squash(m.text) === squash(removed.text)), 'the cleaned zip, read again, lacks the removed message');
  });
});
