import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { buildCli, runCli } from '../support/cli';
import { encode, fixtureText, tempDir } from '../support/fixtures';
import { lieAboutSize, makeZip, renameEntry } from '../support/zips';

const CHAT = fixtureText('ios-nl-2020.txt');

/** Deterministic noise, so a failure can be reproduced byte for byte. */
function noise(size: number, seed = 42): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function smallJpeg(): Buffer {
  const width = 16;
  const height = 16;
  const data = Buffer.alloc(width * height * 4, 0x80);
  return jpeg.encode({ data, width, height }, 80).data;
}

interface BadInput {
  name: string;
  /** The file to parse, written into a folder of its own; absent for paths made by `target`. */
  file?: string;
  bytes?: () => Buffer | Promise<Buffer>;
  /** A path to parse instead of a written file (nonexistent path, a folder). */
  target?: (dir: string) => string;
  /** What the one line on stderr must say. */
  says: RegExp;
}

const CASES: BadInput[] = [
  { name: 'empty file', file: 'WhatsApp-chat met Leeg.txt', bytes: () => Buffer.alloc(0), says: /is empty/ },
  { name: 'random bytes renamed .txt', file: '_chat.txt', bytes: () => Buffer.concat([noise(3000), Buffer.alloc(8)]), says: /binary file/ },
  { name: 'a JPEG renamed .txt', file: '_chat.txt', bytes: smallJpeg, says: /binary file/ },
  {
    name: 'invalid UTF-8 (Latin-1 bytes in a chat)', file: '_chat.txt',
    bytes: () => Buffer.concat([encode(CHAT), Buffer.from('[12-03-2020 14:09:00] Eva: caf\xe9 om 15:00\n', 'latin1')]),
    says: new RegExp(`not valid UTF-8 text \\(bad byte near offset ${encode(CHAT).length + '[12-03-2020 14:09:00] Eva: caf'.length}\\)`),
  },
  {
    name: 'a file truncated in the middle of a character', file: '_chat.txt',
    bytes: () => { const b = encode(CHAT + '[12-03-2020 14:09:00] Eva: €'); return b.subarray(0, b.length - 1); },
    says: /middle of a character.*truncated/,
  },
  { name: 'text without messages', file: 'notulen.txt', bytes: () => encode(fixtureText('no-messages.txt')), says: /no recognisable chat messages/ },
  { name: 'one huge line without a newline', file: 'groot.txt', bytes: () => Buffer.alloc(5 * 1024 * 1024, 'x'), says: /no recognisable chat messages/ },
  {
    name: 'a chat with a line over 4 MiB characters', file: '_chat.txt',
    bytes: () => Buffer.concat([encode(CHAT), Buffer.from('[12-03-2020 14:09:00] Eva: '), Buffer.alloc(5 * 1024 * 1024, 'x')]),
    says: /line longer than 4 Mi/,
  },
  {
    name: 'a truncated zip (cut in half)', file: 'WhatsApp Chat - Calamiteitenoverleg.zip',
    bytes: async () => { const z = await makeZip([{ name: '_chat.txt', data: encode(CHAT) }, { name: 'IMG.jpg', data: noise(20000) }]); return z.subarray(0, z.length >> 1); },
    says: /not a readable zip.*truncated or corrupt/,
  },
  {
    name: 'a corrupt zip (garbage after the PK magic)', file: 'export.zip',
    bytes: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(5000, 7)]),
    says: /not a readable zip/,
  },
  {
    name: 'a zip entry named ../evil.txt', file: 'export.zip',
    bytes: async () => renameEntry(await makeZip([{ name: '_chat.txt', data: encode(CHAT) }, { name: 'xx/evil.txt', data: 'boo' }]), 'xx/evil.txt', '../evil.txt'),
    says: /path leaves the archive.*\.\.\/evil\.txt/,
  },
  {
    name: 'a zip entry named /etc/evil.txt', file: 'export.zip',
    bytes: async () => renameEntry(await makeZip([{ name: '_chat.txt', data: encode(CHAT) }, { name: 'xetc/evil.txt', data: 'boo' }]), 'xetc/evil.txt', '/etc/evil.txt'),
    says: /path leaves the archive.*\/etc\/evil\.txt/,
  },
  {
    name: 'a zip bomb (64 MiB of zeros in one entry)', file: 'WhatsApp Chat - Bom.zip',
    bytes: () => makeZip([{ name: '_chat.txt', data: Buffer.alloc(64 * 1024 * 1024) }]),
    says: /zip bomb/,
  },
  {
    name: 'a zip bomb whose entry name holds a line break', file: 'export.zip',
    bytes: () => makeZip([{ name: '_chat.txt', data: encode(CHAT) }, { name: 'bom\nb.bin', data: Buffer.alloc(64 * 1024 * 1024) }]),
    says: /"bom\\nb\.bin".*zip bomb/,
  },
  {
    name: 'a zip whose headers understate an entry\'s size', file: 'export.zip',
    bytes: async () => lieAboutSize(await makeZip([{ name: '_chat.txt', data: encode(CHAT.repeat(20)) }]), '_chat.txt', 100),
    says: /does not match its declared size/,
  },
  {
    name: 'a zip whose headers overstate an entry\'s size', file: 'export.zip',
    bytes: async () => lieAboutSize(await makeZip([{ name: '_chat.txt', data: encode(CHAT) }]), '_chat.txt', 1_000_000),
    says: /truncated or corrupt|does not match its declared size/,
  },
  {
    name: 'a zip without a chat', file: 'WhatsApp Chat - Leeg.zip',
    bytes: () => makeZip([{ name: '00000014-PHOTO-2024-01-13-18-53-00.jpg', data: smallJpeg() }, { name: 'notities.md', data: '# niets' }]),
    says: /zip without a recognisable chat export/,
  },
  { name: 'a nonexistent path', target: (dir) => path.join(dir, 'bestaat-niet.txt'), says: /no such file/ },
  { name: 'an empty folder', target: (dir) => { fs.mkdirSync(path.join(dir, 'map')); return path.join(dir, 'map'); }, says: /is an empty folder/ },
  { name: 'a folder without screenshots', target: (dir) => { fs.mkdirSync(path.join(dir, 'map')); fs.writeFileSync(path.join(dir, 'map', 'notes.txt'), 'boodschappen'); return path.join(dir, 'map'); }, says: /map is a folder without a recognisable chat export/ },
  { name: 'a screenshot cut short', target: (dir) => screenshots(dir, { 'IMG_1.PNG': whitePng(), 'IMG_2.PNG': whitePng().subarray(0, 200) }), says: /IMG_2\.PNG is cut short/ },
  { name: 'text named as a screenshot', target: (dir) => screenshots(dir, { 'IMG_1.PNG': whitePng(), 'IMG_2.PNG': Buffer.from('geen plaatje') }), says: /IMG_2\.PNG cannot be read as a screenshot: it is damaged or not a PNG\/JPEG image/ },
  {
    name: 'a screenshot declaring 100,000 × 100,000 pixels (a decompression bomb)',
    target: (dir) => screenshots(dir, { 'IMG_1.PNG': withSize(whitePng(), 100_000, 100_000) }),
    says: /IMG_1\.PNG declares 100000×100000 pixels/,
  },
];

/** A folder of screenshots, as the team copies them off a phone. */
function screenshots(dir: string, files: Record<string, Uint8Array>): string {
  const folder = path.join(dir, 'screenshots');
  fs.mkdirSync(folder);
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), bytes);
  return folder;
}

function whitePng(): Buffer {
  const png = new PNG({ width: 120, height: 200 });
  png.data.fill(0xff);
  return PNG.sync.write(png);
}

/** The PNG with other dimensions in its header (its pixel data unchanged, its header CRC not fixed). */
function withSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out;
}

describe('chatreview parse: bad input exits 2 with one line', function () {
  this.timeout(60_000);
  before(buildCli);

  for (const c of CASES) {
    it(c.name, async () => {
      const dir = tempDir();
      let target: string;
      if (c.target) target = c.target(dir);
      else {
        target = path.join(dir, c.file!);
        fs.writeFileSync(target, await c.bytes!());
      }
      const before = fs.readdirSync(dir).sort();
      const r = runCli(['parse', target], dir);
      assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.match(r.stderr, /^chatreview: [^\n]+\n$/, 'exactly one line on stderr');
      assert.match(r.stderr, c.says);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at |Error:/, 'no stack trace or internal error');
      assert.ok(r.stderr.length < 400, `short message: ${r.stderr}`);
      assert.deepEqual(fs.readdirSync(dir).sort(), before, 'nothing written next to the input');
    });
  }
});
