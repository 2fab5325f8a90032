import * as assert from 'node:assert/strict';
import { cropScreenshot, decodeScreenshot, encodeScreenshot, fillBlack, isBlack, pixelBoxes, type RgbaImage } from '../../../src/parsers/screenshots/pixels';

/** A test card: each pixel's red is its column, green its row (mod 256), blue 200. */
function card(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([x & 0xff, y & 0xff, 200, 255], (y * width + x) * 4);
  }
  return { width, height, data };
}

describe('screenshots: pixels', () => {
  it('cuts boxes to whole pixels inside the image', () => {
    assert.deepEqual(pixelBoxes([{ x: -5.5, y: 10.2, width: 20, height: 5.5 }, { x: 90, y: 90, width: 50, height: 50 }, { x: 200, y: 0, width: 5, height: 5 }], 100, 100), [
      { x: 0, y: 10, width: 15, height: 6 },
      { x: 90, y: 90, width: 10, height: 10 },
    ]);
  });

  it('blacks out exactly the boxes, and a PNG keeps every other pixel through encoding', () => {
    const image = card(120, 80);
    const boxes = [{ x: 10, y: 20, width: 30, height: 15 }];
    fillBlack(image, boxes);
    const back = decodeScreenshot(encodeScreenshot(image, 'a.png'), 'a.png');
    assert.ok(isBlack(back, boxes));
    assert.ok(!isBlack(back, [{ x: 9, y: 20, width: 1, height: 1 }]), 'the pixel left of the box is not black');
    assert.deepEqual([back.width, back.height], [120, 80]);
    assert.ok(Buffer.from(back.data).equals(Buffer.from(image.data)), 'every pixel as it was written');
  });

  it('keeps a JPEG a JPEG, black within its rounding', () => {
    const image = card(64, 64);
    const boxes = [{ x: 16, y: 16, width: 32, height: 32 }];
    fillBlack(image, boxes);
    const bytes = encodeScreenshot(image, 'IMG_1.JPG');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const back = decodeScreenshot(bytes, 'IMG_1.JPG');
    assert.ok(isBlack(back, [{ x: 18, y: 18, width: 28, height: 28 }], 24));
  });

  it('crops a box and scales it to the width asked, averaging whole blocks', () => {
    const image = card(1000, 400);
    const crop = cropScreenshot(image, { x: 100, y: 50, width: 900, height: 120 }, 300);
    assert.deepEqual([crop.width, crop.height], [300, 40]);
    // Block (0,0) averages columns 100–102, rows 50–52.
    assert.deepEqual([...crop.data.subarray(0, 4)], [101, 51, 200, 255]);
    const small = cropScreenshot(image, { x: 0, y: 0, width: 200, height: 100 }, 480);
    assert.deepEqual([small.width, small.height], [200, 100], 'a box narrower than asked keeps its size');
    assert.equal(cropScreenshot(image, { x: 2000, y: 0, width: 10, height: 10 }, 480).width, 0, 'a box outside the image is empty');
  });

  it('refuses what is no screenshot with one line naming it', () => {
    assert.throws(() => decodeScreenshot(Buffer.from('geen plaatje'), 'x.png'), /^InputError: x\.png is not a PNG or JPEG image$/);
    const png = Buffer.from(encodeScreenshot(card(10, 10), 'a.png'));
    assert.throws(() => decodeScreenshot(png.subarray(0, 60), 'cut.png'), /cut\.png cannot be decoded: it is damaged or not a PNG\/JPEG/);
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    assert.throws(() => decodeScreenshot(png, 'bom.png'), /bom\.png is 100000×100000 pixels: not a phone screenshot/);
  });
});
