import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { layoutPage } from '../../../src/parsers/screenshots/layout';
import {
  colourOf,
  createOcrEngine,
  decodeGray,
  downscaleGray,
  imageSize,
  isAbortError,
  markPictographs,
  normaliseBackgrounds,
  PICTOGRAPH,
  pictographShare,
  preprocess,
  preprocessScale,
  TARGET_WIDTH,
} from '../../../src/parsers/screenshots/ocr';
import { sha256 } from '../../../src/model/hash';
import type { Bubble, DaySeparator, OcrPage } from '../../../src/parsers/screenshots/types';
import { findChromium, renderSets, type SetTruth, type TruthMessage, type TruthSeparator } from '../../screenshots/render';

/** A 780×300 render (2×) of a separator "Vandaag 14:05", a grey bubble and a blue one. */
const FIXTURE = path.join(__dirname, 'fixtures', 'bubbles.png');
const ROOT = path.join(__dirname, '..', '..', '..');

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `chatreview-${prefix}-`));
}

// --- Test images, written with the libraries the engine decodes with --------------------------

/**
 * A PNG of RGBA pixels (`pixels` row by row, samples of `bitDepth` bits), stored as `colorType`
 * (0 grey, 2 RGB, 4 grey + alpha, 6 RGBA).
 */
function writePng(width: number, height: number, pixels: number[], colorType: 0 | 2 | 4 | 6 = 6, bitDepth: 8 | 16 = 8): Buffer {
  const png = new PNG({ width, height });
  png.data = bitDepth === 16 ? Buffer.from(new Uint16Array(pixels).buffer) : Buffer.from(pixels);
  return PNG.sync.write(png, { colorType, bitDepth, inputColorType: 6, inputHasAlpha: true });
}

/** A grey image from a function of the pixel. */
function gray(width: number, height: number, f: (x: number, y: number) => number): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
}

describe('screenshots: OCR images', () => {
  it('reads the size of PNG, JPEG, GIF, BMP and WebP images from their headers', () => {
    assert.deepEqual(imageSize(writePng(3, 2, new Array(3 * 2 * 4).fill(0), 2)), { width: 3, height: 2 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x09, 0xc4, 0x04, 0x92, 0x03, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(imageSize(jpeg), { width: 1170, height: 2500 });
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x92, 0x04, 0xc4, 0x09]);
    assert.deepEqual(imageSize(gif), { width: 1170, height: 2500 });
    const bmp = Buffer.alloc(30);
    bmp.write('BM', 0, 'latin1');
    bmp.writeInt32LE(1170, 18);
    bmp.writeInt32LE(-2500, 22);
    assert.deepEqual(imageSize(bmp), { width: 1170, height: 2500 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBPVP8X', 8, 'latin1');
    webp.writeUIntLE(1169, 24, 3);
    webp.writeUIntLE(2499, 27, 3);
    assert.deepEqual(imageSize(webp), { width: 1170, height: 2500 });
    assert.equal(imageSize(Buffer.from('not an image at all, just text')), null);
    assert.deepEqual(imageSize(fs.readFileSync(FIXTURE)), { width: 780, height: 300 });
  });

  it('decodes PNGs (any colour type and depth) and JPEGs to grey; transparency on white; anything else is left alone', () => {
    const luma = (r: number, g: number, b: number): number => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    // Pure colours, white, black, grey and odd values, stored as RGB.
    const colours = [
      [255, 0, 0], [0, 255, 0], [0, 0, 255],
      [255, 255, 255], [0, 0, 0], [128, 128, 128],
      [10, 20, 30], [200, 100, 50], [1, 250, 90],
    ];
    const rgb = decodeGray(writePng(3, 3, colours.flatMap(([r, g, b]) => [r, g, b, 255]), 2));
    assert.ok(rgb);
    assert.deepEqual([rgb.width, rgb.height], [3, 3]);
    assert.deepEqual([...rgb.data], colours.map(([r, g, b]) => luma(r, g, b)));
    // RGBA: a transparent pixel is page white, a half-transparent black one mid-grey.
    assert.deepEqual([...(decodeGray(writePng(2, 1, [0, 0, 0, 0, 0, 0, 0, 128]))?.data ?? [])], [255, 127]);
    // 16-bit grey and 8-bit grey with alpha.
    assert.deepEqual([...(decodeGray(writePng(2, 1, [0x1234, 0x1234, 0x1234, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff], 0, 16))?.data ?? [])], [0x12, 0xff]);
    assert.deepEqual([...(decodeGray(writePng(1, 1, [0, 0, 0, 255], 4))?.data ?? [])], [0]);
    // A JPEG: left half iMessage blue, right half white (lossy: within a few levels).
    const width = 16;
    const height = 8;
    const pixels = Buffer.alloc(width * height * 4);
    for (let p = 0; p < width * height; p++) pixels.set(p % width < 8 ? [0, 122, 255, 255] : [255, 255, 255, 255], p * 4);
    const jpegBytes = encodeJpeg({ width, height, data: pixels }, 100).data;
    const jpeg = decodeGray(jpegBytes);
    assert.ok(jpeg);
    assert.deepEqual([jpeg.width, jpeg.height], [width, height]);
    assert.ok(Math.abs(jpeg.data[2 * width + 2] - luma(0, 122, 255)) <= 4, `blue read as ${jpeg.data[2 * width + 2]}`);
    assert.ok(jpeg.data[2 * width + 13] >= 250);
    // So a JPEG screenshot gets the same preprocessing as a PNG: tesseract is given a grey PGM.
    assert.equal(Buffer.from(preprocess(jpegBytes).input.subarray(0, 2)).toString('latin1'), 'P5');
    assert.equal(Buffer.from(preprocess(Buffer.from('GIF89a')).input).toString('latin1'), 'GIF89a');
    // Not a PNG or JPEG, or a broken one: left to tesseract.
    assert.equal(decodeGray(Buffer.from('GIF89a')), null);
    assert.equal(decodeGray(Buffer.from([0xff, 0xd8, 0xff])), null);
    assert.equal(decodeGray(writePng(2, 2, new Array(16).fill(9)).subarray(0, 40)), null);
  });

  it('downscales by averaging areas, also by fractional factors', () => {
    const img = gray(4, 2, (x, y) => (x < 2 ? 0 : 200) + y * 10);
    assert.deepEqual([...downscaleGray(img, 0.5).data], [5, 205]);
    const stripes = gray(3, 1, (x) => [0, 90, 180][x]);
    const two = downscaleGray(stripes, 2 / 3);
    assert.deepEqual([two.width, two.height], [2, 1]);
    assert.deepEqual([...two.data], [30, 150]);
    assert.equal(preprocessScale(1170), TARGET_WIDTH / 1170);
    assert.equal(preprocessScale(700), 1, 'narrow enough already');
    assert.equal(preprocessScale(1170, 0), 1, 'downscaling off');
  });

  it('turns white text on a coloured bubble dark on white, without outlining the bubble; light bubbles stay', () => {
    // White page; an iMessage-blue bubble (grey 100) with a white "letter"; a light grey bubble with a black one.
    const inBlue = (x: number, y: number): boolean => x >= 10 && x < 70 && y >= 10 && y < 50;
    const blueLetter = (x: number, y: number): boolean => x >= 30 && x < 36 && y >= 20 && y < 40;
    const inGrey = (x: number, y: number): boolean => x >= 10 && x < 70 && y >= 60 && y < 95;
    const greyLetter = (x: number, y: number): boolean => x >= 30 && x < 36 && y >= 70 && y < 85;
    const img = gray(100, 100, (x, y) => (blueLetter(x, y) ? 255 : inBlue(x, y) ? 100 : greyLetter(x, y) ? 0 : inGrey(x, y) ? 233 : 255));
    // The bubble's anti-aliased edge: a ring of light grey around it.
    for (let x = 9; x <= 70; x++) img.data[9 * 100 + x] = 200;
    const out = normaliseBackgrounds(img, 20);
    const at = (x: number, y: number): number => out.data[y * 100 + x];
    assert.equal(at(32, 30), 0, 'white text is now black');
    assert.equal(at(50, 30), 255, 'the blue background is now white');
    assert.equal(at(20, 9), 255, 'the rim is gone');
    assert.equal(at(10, 30), 255, 'the bubble’s own edge pixels are background');
    assert.equal(at(32, 75), 0, 'black text on a light bubble stays');
    assert.equal(at(50, 75), 233, 'a light bubble stays');
    assert.equal(at(90, 5), 255, 'the page stays');
  });
});

describe('screenshots: emoji', () => {
  /** A 40×20 RGBA image of `background`, with `paint(x, y)` deciding the pixels that are not. */
  const picture = (background: number[], paint: (x: number, y: number) => number[] | null) => {
    const width = 40;
    const height = 20;
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([...(paint(x, y) ?? background), 255], (y * width + x) * 4);
    return colourOf({ width, height, data }, 1);
  };
  const blend = (a: number[], b: number[], t: number): number[] => a.map((v, i) => Math.round(v + (b[i] - v) * t));
  const white = [255, 255, 255];
  const black = [0, 0, 0];
  const blue = [0, 122, 255];
  const yellow = [252, 194, 27];
  const brown = [140, 80, 30];
  const stroke = (x: number, y: number): number => (x % 4 === 1 && y > 3 && y < 16 ? 1 : x % 4 === 2 && y > 3 && y < 16 ? 0.5 : 0);
  const whole = { x: 0, y: 0, width: 40, height: 20 };

  it('tells emoji (coloured ink) from text of any colour on any background, anti-aliased edges included', () => {
    const blackOnWhite = picture(white, (x, y) => (stroke(x, y) ? blend(white, black, stroke(x, y)) : null));
    const whiteOnBlue = picture(blue, (x, y) => (stroke(x, y) ? blend(blue, white, stroke(x, y)) : null));
    const navyOnLightBlue = picture([211, 227, 253], (x, y) => (stroke(x, y) ? blend([211, 227, 253], [4, 30, 73], stroke(x, y)) : null));
    // A background read a shade off the cube's face (254 for 255): its barely moving channel sets no limit.
    const whiteOnNearlyBlue = picture([1, 122, 254], (x, y) => (stroke(x, y) ? blend([1, 122, 254], white, stroke(x, y)) : null));
    for (const text of [blackOnWhite, whiteOnBlue, navyOnLightBlue, whiteOnNearlyBlue]) assert.equal(pictographShare(text, whole), 0);
    const face = (x: number, y: number): number[] | null => ((x - 20) ** 2 + (y - 10) ** 2 < 64 ? ((x + y) % 5 === 0 ? brown : yellow) : null);
    assert.ok(pictographShare(picture(white, face), whole) > 0.8, 'a yellow face on white');
    assert.ok(pictographShare(picture(blue, face), whole) > 0.8, 'a yellow face on blue');
    assert.equal(pictographShare(picture(white, () => null), whole), 0, 'no ink, nothing to say');
  });

  it('reads emoji words as one U+FFFD each and leaves the text alone', () => {
    // "Top" in black at x 0–15, an emoji at x 20–35 that tesseract split into two words.
    const colour = picture(white, (x, y) => (x >= 20 && x < 36 && y >= 2 && y < 18 ? ((x * y) % 7 === 0 ? brown : yellow) : x < 16 && stroke(x, y) ? black : null));
    const word = (text: string, x: number, width: number) => ({ text, confidence: 90, box: { x, y: 2, width, height: 16 } });
    const words = markPictographs([word('Top', 0, 16), word('«', 20, 6), word('ds', 27, 9)], colour);
    assert.deepEqual(words.map((w) => w.text), ['Top', PICTOGRAPH]);
    assert.deepEqual(words[1].box, { x: 20, y: 2, width: 16, height: 16 });
    assert.equal(PICTOGRAPH, '\uFFFD');
  });
});

describe('screenshots: OCR engine (tesseract.js, offline)', function () {
  this.timeout(120_000);
  const fixture = fs.readFileSync(FIXTURE);

  it('reads words with boxes and confidences, caches them by sha256 (a second run is instant), and rewrites a corrupt cache file', async () => {
    const cacheDir = tmp('ocr-cache');
    try {
      const progress: string[] = [];
      const engine = createOcrEngine({ cacheDir, workers: 1, onProgress: (done, total) => progress.push(`${done}/${total}`) });
      const page = await engine.recognize(fixture, 'bubbles.png');
      await engine.close();
      assert.deepEqual(progress, ['0/1', '1/1']);
      assert.equal(page.file, 'bubbles.png');
      assert.equal(page.sha256, sha256(fixture));
      assert.deepEqual([page.width, page.height], [780, 300]);
      const text = page.words.map((w) => w.text).join(' ');
      assert.match(text, /Vandaag 14:05/);
      assert.match(text, /Hoi, ben je er al\?/);
      assert.match(text, /Bijna, nog tien minuten\./, 'white text on blue is read');
      for (const w of page.words) {
        assert.ok(w.confidence >= 0 && w.confidence <= 100);
        assert.ok(w.box.x >= 0 && w.box.y >= 0 && w.box.x + w.box.width <= 780 && w.box.y + w.box.height <= 300, 'boxes in the image’s own pixels');
      }
      const bijna = page.words.find((w) => w.text === 'Bijna,');
      assert.ok(bijna && bijna.box.x > 300 && bijna.box.y > 150, 'the blue bubble’s words are where the bubble is');

      const file = path.join(cacheDir, page.sha256.slice(0, 2), `${page.sha256}.json`);
      assert.ok(fs.existsSync(file), 'cached as JSON per sha256');
      assert.deepEqual(
        fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')),
        [],
        'no temporary files left',
      );

      // A second run: from the cache, without starting tesseract.
      const again = createOcrEngine({ cacheDir, workers: 1 });
      const started = Date.now();
      const cached = await again.recognize(fixture, 'copy.png');
      const ms = Date.now() - started;
      await again.close();
      assert.ok(ms < 250, `cached in ${ms} ms`);
      assert.deepEqual(cached, { ...page, file: 'copy.png' });

      // A corrupt cache file is ignored and rewritten.
      fs.writeFileSync(file, '{"version":1,"words":[{"text":');
      const third = createOcrEngine({ cacheDir, workers: 1 });
      assert.deepEqual(await third.recognize(fixture, 'bubbles.png'), page);
      await third.close();
      assert.equal((JSON.parse(fs.readFileSync(file, 'utf8')) as { sha256: string }).sha256, page.sha256);
      assert.ok(!fs.existsSync(path.join(process.cwd(), 'nld.traineddata')) && !fs.existsSync(path.join(process.cwd(), 'eng.traineddata')), 'nothing written to the cwd');
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('cancels: pending recognitions reject with an AbortError, the engine recovers; aborting the engine closes it', async () => {
    const engine = createOcrEngine({ workers: 1 });
    try {
      const controller = new AbortController();
      const images = [0, 1, 2].map((i) => ({ image: Buffer.concat([fixture, Buffer.from([i])]), file: `${i}.png` }));
      const progress: Array<[number, number]> = [];
      const all = engine.recognizeAll(images, { signal: controller.signal, onProgress: (d, t) => progress.push([d, t]) });
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await assert.rejects(all, (e: unknown) => isAbortError(e));
      assert.ok(Date.now() - started < 5000, 'rejected promptly');
      assert.deepEqual(progress, [[0, 3]]);
      // The worker that was stopped is replaced when there is work again.
      const page = await engine.recognize(fixture, 'after.png');
      assert.ok(page.words.length > 5);
    } finally {
      await engine.close();
    }
    await assert.rejects(engine.recognize(fixture, 'closed.png'), (e: unknown) => isAbortError(e), 'a closed engine takes no work');

    const controller = new AbortController();
    const aborted = createOcrEngine({ workers: 1, signal: controller.signal });
    const pending = aborted.recognize(Buffer.concat([fixture, Buffer.from([9])]), 'x.png');
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending, (e: unknown) => isAbortError(e));
  });

  it('needs no network: a recognition in a process where every network call throws', () => {
    const dir = tmp('ocr-offline');
    const cwd = path.join(dir, 'cwd');
    fs.mkdirSync(cwd);
    try {
      const preload = path.join(dir, 'no-network.cjs');
      fs.writeFileSync(
        preload,
        `// Any network use throws, in the main thread and in worker threads (they run this preload too).
// Local IPC (a socket path, no host or port: tsx talks to its parent that way) is no network.
const { isMainThread } = require('node:worker_threads');
const blocked = (what, original) => function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const ipc = (typeof options === 'string' && Number.isNaN(Number(options))) || (options && typeof options === 'object' && typeof options.path === 'string' && !options.host && !options.port);
  if (original && ipc) return original.apply(this, args);
  process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n');
  throw new Error('network blocked: ' + what);
};
const net = require('node:net'), tls = require('node:tls'), dns = require('node:dns'), http = require('node:http'), https = require('node:https');
net.connect = net.createConnection = blocked('net.connect', net.connect);
net.Socket.prototype.connect = blocked('net.Socket.connect', net.Socket.prototype.connect);
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.promises.lookup');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
globalThis.fetch = blocked('fetch');
process.stderr.write('network blocked in ' + (isMainThread ? 'main thread' : 'worker thread') + '\\n');
`,
      );
      const child = path.join(dir, 'child.ts');
      fs.writeFileSync(
        child,
        `import * as fs from 'node:fs';
import { createOcrEngine } from ${JSON.stringify(path.join(ROOT, 'src', 'parsers', 'screenshots', 'ocr'))};
(async () => {
  const engine = createOcrEngine({ cacheDir: ${JSON.stringify(path.join(dir, 'cache'))}, workers: 1 });
  const page = await engine.recognize(fs.readFileSync(${JSON.stringify(FIXTURE)}), 'bubbles.png');
  await engine.close();
  process.stdout.write(page.words.map((w) => w.text).join(' '));
})().catch((e) => {
  process.stderr.write('FAILED: ' + String(e) + '\\n');
  process.exit(1);
});
`,
      );
      const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;
      const proxy = 'http://127.0.0.1:9';
      const run = spawnSync(process.execPath, ['--require', preload, '--import', tsx, child], {
        cwd,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, NODE_OPTIONS: '', HTTP_PROXY: proxy, HTTPS_PROXY: proxy, http_proxy: proxy, https_proxy: proxy },
      });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /network blocked in main thread/);
      assert.match(run.stderr, /network blocked in worker thread/, 'the tesseract worker thread ran under the block too');
      assert.doesNotMatch(run.stderr, /NETWORK ATTEMPT/);
      assert.match(run.stdout, /Vandaag 14:05/);
      assert.deepEqual(fs.readdirSync(cwd), [], 'nothing written to the working directory');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- Rendered screenshots --------------------------------------------------------------------------

function distance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const row = [i];
    for (let j = 1; j <= B.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[B.length];
}

/** Text as compared: whitespace squashed, emoji (which OCR cannot read) left out of the truth. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const withoutEmoji = (s: string): string => squash(s.replace(/\p{Extended_Pictographic}\uFE0F?/gu, ''));

describe('screenshots: OCR and layout of rendered screenshots', function () {
  this.timeout(300_000);
  let dir = '';
  const read: Array<{ truth: SetTruth; file: string; page: OcrPage }> = [];

  before(async function () {
    if (!findChromium()) {
      console.log('      (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; CI installs it)');
      this.skip();
    }
    dir = tmp('ocr-rendered');
    // Two short sets: iMessage (set 0) and Google Messages (set 1); two screenshots of each.
    await renderSets(dir, { sets: 2, seed: 3, minMessages: 14, maxMessages: 18, concurrency: 1 });
    const engine = createOcrEngine({ workers: 2 });
    try {
      for (const set of ['set-000', 'set-001']) {
        const truth = JSON.parse(fs.readFileSync(path.join(dir, set, 'truth.json'), 'utf8')) as SetTruth;
        const files = [truth.order[0], truth.order[truth.order.length - 1]];
        const pages = await engine.recognizeAll(files.map((file) => ({ image: fs.readFileSync(path.join(dir, set, file)), file })));
        pages.forEach((page, i) => read.push({ truth, file: files[i], page }));
      }
    } finally {
      await engine.close();
    }
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the bubbles on their sides, parses the separators, reads the title, with a character error rate under 3%', () => {
    let errors = 0;
    let chars = 0;
    let whole = 0;
    let found = 0;
    for (const { truth, file, page } of read) {
      const layout = layoutPage(page);
      assert.ok(layout.title !== null && distance(layout.title, truth.title) <= 1, `${truth.style.name} ${file}: title ${layout.title} ≠ ${truth.title}`);
      const shot = truth.screenshots.find((s) => s.file === file);
      assert.ok(shot);
      const byId = new Map(truth.conversation.map((c) => [c.id, c]));
      const bubbles = layout.items.filter((i): i is Bubble => i.kind === 'bubble');
      const separators = layout.items.filter((i): i is DaySeparator => i.kind === 'separator');
      for (const item of shot.items) {
        if (item.cut) continue;
        const said = byId.get(item.id);
        if (item.kind === 'separator') {
          const sep = said as TruthSeparator;
          const match = separators.find((s) => withoutEmoji(s.text).replace(/[·:-]/g, '') === squash(sep.text).replace(/[·:-]/g, '').replace(/\s+/g, ' ') || s.time === sep.time);
          assert.ok(match, `${file}: separator ${sep.text}`);
          const says = 'weekday' in sep.says ? { weekday: sep.says.weekday % 7 } : sep.says;
          assert.deepEqual([match.date, match.time ?? null], [says, sep.time], `${file}: ${sep.text}`);
          continue;
        }
        const message = said as TruthMessage;
        const expected = withoutEmoji(message.text);
        if (!expected) continue; // an emoji alone: nothing OCR can read
        whole++;
        let best: Bubble | undefined;
        let bestDistance = Infinity;
        for (const b of bubbles) {
          const d = distance(squash(b.text), expected);
          if (d < bestDistance) [best, bestDistance] = [b, d];
        }
        chars += [...expected].length;
        if (!best || bestDistance > 0.3 * expected.length) {
          errors += [...expected].length;
          continue;
        }
        found++;
        errors += bestDistance;
        assert.equal(best.side, message.side, `${file}: side of ${JSON.stringify(expected)}`);
      }
    }
    const cer = errors / chars;
    console.log(`      ${read.length} screenshots: ${found}/${whole} whole bubbles found, CER ${(100 * cer).toFixed(2)}% (${errors}/${chars})`);
    assert.ok(found >= 0.9 * whole, `bubbles found: ${found}/${whole}`);
    assert.ok(cer < 0.03, `CER ${(100 * cer).toFixed(2)}%`);
  });
});
