import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { readCaptureTime } from '../../../src/parsers/screenshots/capture';
import { bsnValid, ibanValid } from '../../eval/holdout/identifiers';
import { generateConversation, Rng, toMinutes } from '../../screenshots/content';
import { findChromium, renderSets, withCaptureTime, type Box, type SetTruth, type TruthMessage } from '../../screenshots/render';

// --- A minimal PNG reader (no pngjs here): chunks with CRCs, IHDR, and 8-bit RGB(A) pixels. ---

interface Png {
  width: number;
  height: number;
  chunks: Array<{ type: string; data: Buffer }>;
  /** RGB at (x, y); decoded on first use. */
  pixel(x: number, y: number): [number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readPng(bytes: Buffer): Png {
  assert.ok(bytes.subarray(0, 8).equals(SIGNATURE), 'PNG signature');
  const chunks: Png['chunks'] = [];
  let at = 8;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    assert.equal(crc, crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0, `CRC of ${type}`);
    chunks.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  assert.equal(chunks[0].type, 'IHDR');
  assert.equal(chunks[chunks.length - 1].type, 'IEND');
  const ihdr = chunks[0].data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8];
  const colorType = ihdr[9];
  assert.equal(depth, 8, 'bit depth');
  assert.ok(colorType === 2 || colorType === 6, `colour type ${colorType}`);
  assert.equal(ihdr[12], 0, 'not interlaced');
  const bpp = colorType === 6 ? 4 : 3;
  let rows: Buffer | null = null;
  const decode = (): Buffer => {
    const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    const stride = width * bpp;
    assert.equal(raw.length, height * (stride + 1), 'IDAT size');
    const out = Buffer.alloc(height * stride);
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      const src = y * (stride + 1) + 1;
      const row = y * stride;
      const prev = row - stride;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? out[row + i - bpp] : 0;
        const b = y > 0 ? out[prev + i] : 0;
        const c = i >= bpp && y > 0 ? out[prev + i - bpp] : 0;
        let v = raw[src + i];
        if (filter === 1) v += a;
        else if (filter === 2) v += b;
        else if (filter === 3) v += (a + b) >> 1;
        else if (filter === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        } else assert.equal(filter, 0, `filter ${filter}`);
        out[row + i] = v & 0xff;
      }
    }
    return out;
  };
  return {
    width,
    height,
    chunks,
    pixel(x, y) {
      rows ??= decode();
      const i = (y * width + x) * bpp;
      return [rows[i], rows[i + 1], rows[i + 2]];
    },
  };
}

function hex(color: string): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function near(a: [number, number, number], b: [number, number, number], tolerance = 3): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}

function inside(box: Box, outer: { left: number; top: number; right: number; bottom: number }): boolean {
  return box.width > 0 && box.height > 0 && box.x >= outer.left && box.y >= outer.top && box.x + box.width <= outer.right && box.y + box.height <= outer.bottom;
}

/** Some pixel in the box differs clearly from the background: there is ink (text) in it. */
function hasInk(png: Png, box: Box, background: [number, number, number]): boolean {
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 2) if (!near(png.pixel(x, y), background, 60)) return true;
  }
  return false;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

// --- Content, no browser ------------------------------------------------------------------------

describe('screenshots: synthetic conversation content (test/screenshots/content.ts)', () => {
  it('is deterministic per seed and different across seeds', () => {
    const a = generateConversation(new Rng(7), 40, toMinutes(2020, 3, 12, 8, 0));
    const b = generateConversation(new Rng(7), 40, toMinutes(2020, 3, 12, 8, 0));
    const c = generateConversation(new Rng(8), 40, toMinutes(2020, 3, 12, 8, 0));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.messages.map((m) => m.text), c.messages.map((m) => m.text));
  });

  it('has valid identifiers, exact spans, 2–3 people, diacritics, emoji and health/private remarks', () => {
    const kinds = new Set<string>();
    const labels = new Set<string>();
    let diacritics = 0;
    let emoji = 0;
    let lineBreaks = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const conv = generateConversation(new Rng(seed), 60, toMinutes(2021, 6, 1, 9, 0));
      assert.equal(conv.messages.length, 60);
      assert.ok(conv.others.length === 1 || conv.others.length === 2);
      const senders = new Set(conv.messages.map((m) => m.sender));
      for (const s of senders) assert.ok([conv.owner, ...conv.others].some((p) => p.name === s));
      let prev = '';
      for (const m of conv.messages) {
        assert.equal(m.side === 'right', m.sender === conv.owner.name);
        assert.match(m.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        assert.ok(m.time >= prev, 'times ascend');
        prev = m.time;
        assert.ok(m.text.length > 0 && m.text.length <= 150, m.text);
        for (const s of m.spans) {
          kinds.add(s.kind);
          assert.equal(m.text.slice(s.start, s.end), s.text);
          if (s.kind === 'bsn') assert.ok(bsnValid(s.text), `BSN ${s.text}`);
          if (s.kind === 'iban') assert.ok(ibanValid(s.text), `IBAN ${s.text}`);
          if (s.kind === 'email') assert.match(s.text, /^[a-z]\.[a-z]+@[a-z.-]+\.[a-z]+$/);
          if (s.kind === 'phone') assert.match(s.text, /^(\+31 6 \d{4} \d{4}|06[- ]?\d{8}|0\d{2}-\d{7})$/);
        }
        for (const l of m.labels) labels.add(l);
        if (/[éëèïöüô’]/i.test(m.text)) diacritics++;
        if (/\p{Extended_Pictographic}/u.test(m.text)) emoji++;
        if (m.text.includes('\n')) lineBreaks++;
      }
    }
    assert.deepEqual([...kinds].sort(), ['address', 'bsn', 'email', 'iban', 'name', 'phone']);
    assert.deepEqual([...labels].sort(), ['health', 'private']);
    assert.ok(diacritics > 10 && emoji > 10 && lineBreaks > 0, `${diacritics} diacritics, ${emoji} emoji, ${lineBreaks} line breaks`);
  });
});

// --- Rendered sets ----------------------------------------------------------------------------

describe('screenshots: rendered sets with ground truth (test/screenshots/render.ts)', function () {
  this.timeout(180_000);
  const chromium = findChromium();
  let root = '';
  let sets: Array<{ dir: string; truth: SetTruth }> = [];

  before(async function () {
    if (!chromium) {
      const why = 'no Chromium (set CHROMIUM_PATH, or run scripts/e2e-setup.sh to install /usr/bin/chromium)';
      if (process.env.CI) throw new Error(`${why}: CI must render the screenshot sets`);
      console.log(`      skipped: ${why}`);
      this.skip();
    }
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-shots-'));
    await renderSets(path.join(root, 'a'), { sets: 2, seed: 42, maxMessages: 40 });
    sets = ['set-000', 'set-001'].map((d) => {
      const dir = path.join(root, 'a', d);
      return { dir, truth: JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as SetTruth };
    });
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes one set of each style, 2–30 PNGs each, named like iPhone files, with an index', () => {
    assert.deepEqual(sets.map((s) => s.truth.style.name), ['imessage', 'sms']);
    const index = JSON.parse(fs.readFileSync(path.join(root, 'a', 'index.json'), 'utf8'));
    assert.deepEqual(index.sets.map((s: { dir: string }) => s.dir), ['set-000', 'set-001']);
    for (const { dir, truth } of sets) {
      const pngs = fs.readdirSync(dir).filter((f) => f !== 'truth.json').sort();
      assert.deepEqual(pngs, truth.files);
      assert.ok(pngs.length >= 2 && pngs.length <= 30, `${pngs.length} screenshots`);
      for (const f of pngs) assert.match(f, /^IMG_\d{4}\.PNG$/);
      const messages = truth.conversation.filter((it) => it.kind === 'message');
      assert.ok(messages.length >= 10 && messages.length <= 120 + 40, `${messages.length} messages`);
      assert.equal(new Set(truth.conversation.map((it) => it.id)).size, truth.conversation.length);
      assert.equal(truth.conversation[0].kind, 'separator');
    }
  });

  it('gives the true order as a permutation of the files, positions and scroll offsets agreeing', () => {
    for (const { truth } of sets) {
      assert.deepEqual([...truth.order].sort(), truth.files);
      assert.notDeepEqual(truth.order, truth.files, 'names do not give the order'); // seeded: holds for these sets
      for (const s of truth.screenshots) assert.equal(truth.order[s.position], s.file);
      const inOrder = truth.order.map((f) => truth.screenshots.find((s) => s.file === f)!);
      assert.equal(inOrder[0].scrollY, 0);
      for (let i = 1; i < inOrder.length; i++) assert.ok(inOrder[i].scrollY >= inOrder[i - 1].scrollY, 'scrolls down');
      const times = inOrder.map((s) => s.capturedAt);
      const sorted = [...times].sort();
      assert.deepEqual(times, truth.captureDirection === 'down' ? sorted : sorted.reverse());
      for (const s of inOrder) {
        assert.ok(s.capturedAt.startsWith(truth.capturedOn));
        assert.equal(s.statusTime.padStart(5, '0'), s.capturedAt.slice(11, 16));
      }
    }
  });

  it('puts every visible item, line, label and time inside the chat area of the image', () => {
    for (const { truth } of sets) {
      const { image, chatArea } = truth.style;
      const area = { left: 0, top: chatArea.top, right: image.width, bottom: chatArea.bottom };
      assert.ok(chatArea.top > 0 && chatArea.bottom < image.height);
      const order = truth.conversation.map((it) => it.id);
      for (const s of truth.screenshots) {
        assert.ok(s.items.length > 0, s.file);
        for (const v of s.items) {
          assert.ok(inside(v.box, area), `${s.file} ${v.id} ${JSON.stringify(v.box)}`);
          assert.equal(v.cut === null, JSON.stringify(v.box) === JSON.stringify(v.fullBox), `${s.file} ${v.id} cut`);
          if (v.cut === 'top') assert.equal(v.box.y, chatArea.top);
          if (v.cut === 'bottom') assert.equal(v.box.y + v.box.height, chatArea.bottom);
          if (v.cut === null) assert.ok(v.lines.length > 0, `${s.file} ${v.id} has lines`); // a cut one may show only padding
          for (const l of v.lines) assert.ok(inside(l.box, { left: v.box.x, top: v.box.y, right: v.box.x + v.box.width, bottom: v.box.y + v.box.height }), `${v.id} line ${l.index}`);
          for (const extra of [v.label, v.timeLabel, v.status, v.avatar]) if (extra) assert.ok(inside(extra.box, area), `${v.id} ${extra.text}`);
        }
        // What one screen shows is a contiguous stretch of the conversation.
        const idx = s.items.map((v) => order.indexOf(v.id));
        for (let i = 1; i < idx.length; i++) assert.equal(idx[i], idx[i - 1] + 1, `${s.file}: contiguous`);
        // Cut items only at the edges.
        s.items.forEach((v, i) => {
          if (v.cut === 'top') assert.equal(i, 0);
          if (v.cut === 'bottom') assert.equal(i, s.items.length - 1);
        });
      }
    }
  });

  it('states the overlaps, duplicates, gaps and unseen items as the screenshots have them', () => {
    let overlaps = 0;
    for (const { truth } of sets) {
      const byFile = new Map(truth.screenshots.map((s) => [s.file, s]));
      const order = truth.conversation.map((it) => it.id);
      assert.equal(truth.joins.length, truth.order.length - 1);
      truth.joins.forEach((j, i) => {
        assert.equal(j.from, truth.order[i]);
        assert.equal(j.to, truth.order[i + 1]);
        const a = byFile.get(j.from)!;
        const b = byFile.get(j.to)!;
        const inB = new Set(b.items.map((v) => v.id));
        const shared = a.items.map((v) => v.id).filter((id) => inB.has(id));
        assert.deepEqual(j.shared, shared);
        assert.equal(j.overlap, shared.length);
        assert.equal(j.gap, shared.length === 0);
        assert.equal(j.duplicate, a.scrollY === b.scrollY);
        if (j.duplicate) assert.deepEqual(a.items, b.items);
        const whole = a.items.filter((v) => inB.has(v.id) && v.cut === null && b.items.find((w) => w.id === v.id)!.cut === null);
        assert.equal(j.overlapWhole, whole.length);
        // Shared items are the bottom of one screen and the top of the next.
        if (!j.gap) {
          assert.deepEqual(shared, a.items.slice(a.items.length - shared.length).map((v) => v.id));
          assert.deepEqual(shared, b.items.slice(0, shared.length).map((v) => v.id));
          if (!j.duplicate) overlaps++;
          // An overlap shares at least one item wholly visible on both screens: never only one
          // bubble cut at the bottom of one and the top of the next (that shares no text).
          assert.ok(j.overlapWhole >= 1, `${j.from} → ${j.to}: only cut items shared`);
        }
      });
      const gapJoins = truth.joins.filter((j) => j.gap);
      assert.equal(truth.gaps.length, gapJoins.length);
      truth.gaps.forEach((g, i) => {
        assert.equal(g.after, gapJoins[i].from);
        assert.equal(g.before, gapJoins[i].to);
        const a = byFile.get(g.after)!;
        const b = byFile.get(g.before)!;
        assert.deepEqual(g.missing, order.slice(order.indexOf(a.items[a.items.length - 1].id) + 1, order.indexOf(b.items[0].id)));
        assert.ok(g.missing.length > 0);
      });
      const seen = new Set(truth.screenshots.flatMap((s) => s.items.map((v) => v.id)));
      assert.deepEqual(truth.unseen, order.filter((id) => !seen.has(id)));
      for (const g of truth.gaps) for (const id of g.missing) assert.ok(truth.unseen.includes(id));
    }
    assert.ok(overlaps > 0);
  });

  it('records the text exactly as rendered: wrapped lines rejoin to the message text', () => {
    for (const { truth } of sets) {
      const byId = new Map(truth.conversation.map((it) => [it.id, it]));
      let checked = 0;
      for (const s of truth.screenshots) {
        for (const v of s.items) {
          if (v.cut !== null) continue;
          const it = byId.get(v.id)!;
          // Lines break at spaces (dropped) or after a hyphen ("ROT-" / "overleg"): compare without whitespace.
          assert.equal(v.lines.map((l) => l.text).join('').replace(/\s+/g, ''), it.text.replace(/\s+/g, ''), `${s.file} ${v.id}`);
          for (const l of v.lines) assert.ok(squash(it.text).includes(l.text), `${v.id}: "${l.text}" is a piece of the text`);
          assert.deepEqual(v.lines.map((l) => l.index), v.lines.map((_, i) => i));
          if (it.kind === 'message') {
            if (v.timeLabel) assert.equal(v.timeLabel.text, it.timeLabel);
            if (v.status) assert.equal(v.status.text, it.status);
            if (v.label) assert.equal(v.label.text, it.label);
          }
          checked++;
        }
      }
      assert.ok(checked > 10);
    }
  });

  it('dates every message as far as the screenshots show it', () => {
    for (const { truth } of sets) {
      let date = '';
      for (const it of truth.conversation) {
        if (it.kind === 'separator') {
          assert.match(it.date, /^\d{4}-\d{2}-\d{2}$/);
          if (it.time) assert.ok(it.text.includes(it.time), it.text);
          date = it.date;
          continue;
        }
        const m: TruthMessage = it;
        assert.equal(m.time.slice(0, 10), date, `${m.id} after its separator`);
        if (m.shown.precision === 'minute') assert.equal(m.shown.timestamp, m.time);
        else assert.equal(m.shown.timestamp, date);
        if (m.timeLabel) assert.equal(m.timeLabel, m.time.slice(11));
      }
    }
  });

  it('writes PNGs that decode, of the stated size, with the boxes on the bubbles’ pixels', () => {
    for (const { dir, truth } of sets) {
      const { image, colors, chatArea } = truth.style;
      const bg = hex(colors.background);
      let sampled = 0;
      for (const s of truth.screenshots) {
        const png = readPng(fs.readFileSync(path.join(dir, s.file)));
        assert.equal(png.width, image.width);
        assert.equal(png.height, image.height);
        assert.ok(near(png.pixel(4, chatArea.top - 6), hex(colors.bars)), `${s.file}: the top bar above the chat area`);
        const byId = new Map(truth.conversation.map((it) => [it.id, it]));
        for (const v of s.items) {
          for (const l of v.lines) if (l.cut === null) assert.ok(hasInk(png, l.box, v.kind === 'message' ? hex(byId.get(v.id)!.kind === 'message' && (byId.get(v.id) as TruthMessage).side === 'right' ? colors.right : colors.left) : bg), `${s.file} ${v.id} line ${l.index} has ink`);
          if (v.kind !== 'message' || v.cut !== null) continue;
          const m = byId.get(v.id) as TruthMessage;
          const y = v.box.y + Math.floor(v.box.height / 2) - 2 * truth.style.scale;
          const fill = hex(m.side === 'right' ? colors.right : colors.left);
          assert.ok(near(png.pixel(v.box.x + 4, y), fill), `${s.file} ${v.id}: bubble colour at its left edge`);
          assert.ok(near(png.pixel(v.box.x + v.box.width - 5, y), fill), `${s.file} ${v.id}: bubble colour at its right edge`);
          const outside = m.side === 'right' ? v.box.x + v.box.width + 3 : v.box.x - 4;
          assert.ok(near(png.pixel(outside, y), bg), `${s.file} ${v.id}: background beside the bubble`);
          sampled++;
        }
      }
      assert.ok(sampled > 10);
    }
  });

  it('writes the capture time into the PNG as eXIf or XMP when the truth says so, and the pipeline reads it back', async () => {
    const check = async (bytes: Buffer, metadata: 'eXIf' | 'XMP' | null, capturedAt: string): Promise<void> => {
      assert.equal(await readCaptureTime(bytes), metadata ? capturedAt : undefined, `capture time from ${metadata}`);
      const chunks = readPng(bytes).chunks;
      const exif = chunks.find((c) => c.type === 'eXIf');
      const xmp = chunks.find((c) => c.type === 'iTXt' && c.data.toString('latin1').startsWith('XML:com.adobe.xmp\0'));
      const firstIdat = chunks.findIndex((c) => c.type === 'IDAT');
      if (metadata === 'eXIf') {
        assert.ok(exif && chunks.indexOf(exif) < firstIdat, 'eXIf before IDAT');
        assert.equal(exif.data.toString('latin1', 0, 4), 'MM\0*');
        assert.ok(exif.data.toString('latin1').includes(`${capturedAt.slice(0, 10).replace(/-/g, ':')} ${capturedAt.slice(11)}\0`));
      } else assert.equal(exif, undefined);
      if (metadata === 'XMP') {
        assert.ok(xmp);
        assert.match(xmp.data.toString('utf8'), new RegExp(`<photoshop:DateCreated>${capturedAt}\\+0[12]:00</photoshop:DateCreated>`));
      } else assert.equal(xmp, undefined);
    };
    const kinds = new Set<string | null>();
    for (const { dir, truth } of sets) {
      for (const s of truth.screenshots) {
        await check(fs.readFileSync(path.join(dir, s.file)), s.metadata, s.capturedAt);
        kinds.add(s.metadata);
      }
    }
    // Both kinds on a PNG without any (whatever these two sets drew).
    const chunks = readPng(fs.readFileSync(path.join(sets[0].dir, sets[0].truth.files[0]))).chunks.filter((c) => c.type !== 'eXIf' && c.type !== 'iTXt');
    const stripped = Buffer.concat([
      SIGNATURE,
      ...chunks.map((c) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(c.data.length, 0);
        head.write(c.type, 4, 'latin1');
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), c.data])) >>> 0, 0);
        return Buffer.concat([head, c.data, crc]);
      }),
    ]);
    await check(stripped, null, '');
    await check(withCaptureTime(stripped, 'eXIf', '2020-03-12T14:05:09', '+01:00'), 'eXIf', '2020-03-12T14:05:09');
    await check(withCaptureTime(stripped, 'XMP', '2020-07-01T09:00:00', '+02:00'), 'XMP', '2020-07-01T09:00:00');
    assert.ok(kinds.size >= 1);
  });

  it('renders the same truth for the same seed (one page or two) and at scale 2 on request', async () => {
    await renderSets(path.join(root, 'b'), { sets: 2, seed: 42, maxMessages: 40, concurrency: 1 });
    for (const d of ['set-000', 'set-001']) {
      assert.ok(fs.readFileSync(path.join(root, 'a', d, 'truth.json')).equals(fs.readFileSync(path.join(root, 'b', d, 'truth.json'))), `${d}/truth.json identical`);
    }
    await renderSets(path.join(root, 'c'), { sets: 1, seed: 3, maxMessages: 20, scale: 2, styles: ['sms'], captureTime: false });
    const truth = JSON.parse(fs.readFileSync(path.join(root, 'c', 'set-000', 'truth.json'), 'utf8')) as SetTruth;
    assert.equal(truth.style.name, 'sms');
    assert.equal(truth.style.scale, 2);
    assert.deepEqual(truth.style.image, { width: truth.style.viewport.width * 2, height: truth.style.viewport.height * 2 });
    for (const s of truth.screenshots) {
      assert.equal(s.metadata, null);
      const png = readPng(fs.readFileSync(path.join(root, 'c', 'set-000', s.file)));
      assert.deepEqual([png.width, png.height], [truth.style.image.width, truth.style.image.height]);
    }
  });
});
