import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Box } from '../../model/conversation';
import { InputError } from '../../model/errors';

/**
 * A screenshot's pixels: decoded (PNG, JPEG), cropped for the hover, blacked out for cleaning,
 * encoded again. pngjs and jpeg-js are pure JavaScript: nothing native to build or ship.
 */

/** More pixels than any phone screenshot has: decoding is refused before it could exhaust memory. */
export const MAX_PIXELS = 60_000_000;
const JPEG_QUALITY = 92;

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a PNG or JPEG screenshot to RGBA; a one-line InputError for anything else or too large. */
export function decodeScreenshot(bytes: Uint8Array, name: string): RgbaImage {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) {
      const width = b.readUInt32BE(16);
      const height = b.readUInt32BE(20);
      if (width * height > MAX_PIXELS) throw new InputError(`${name} is ${width}×${height} pixels: not a phone screenshot`);
      const png = PNG.sync.read(b);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
      const image = jpeg.decode(b, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
      return { width: image.width, height: image.height, data: image.data };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name} cannot be decoded: it is damaged or not a PNG/JPEG (${(e as Error).message.split('\n')[0]})`);
  }
  throw new InputError(`${name} is not a PNG or JPEG image`);
}

/** Encodes as the screenshot was (PNG or JPEG), from pixels only: no metadata (EXIF, GPS, XMP) is carried over. */
export function encodeScreenshot(image: RgbaImage, name: string): Buffer {
  if (/\.jpe?g$/i.test(name)) return jpeg.encode({ width: image.width, height: image.height, data: image.data }, JPEG_QUALITY).data;
  const png = new PNG({ width: image.width, height: image.height });
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data);
  return PNG.sync.write(png);
}

/** The boxes as whole pixels inside the image (a box partly outside is cut to it). */
export function pixelBoxes(boxes: readonly Box[], width: number, height: number): Box[] {
  return boxes.flatMap((b) => {
    const x0 = Math.max(0, Math.floor(b.x));
    const y0 = Math.max(0, Math.floor(b.y));
    const x1 = Math.min(width, Math.ceil(b.x + b.width));
    const y1 = Math.min(height, Math.ceil(b.y + b.height));
    return x1 > x0 && y1 > y0 ? [{ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }] : [];
  });
}

/** Fills the boxes opaque black. */
export function fillBlack(image: RgbaImage, boxes: readonly Box[]): void {
  for (const b of boxes) {
    for (let y = b.y; y < b.y + b.height; y++) {
      const row = (y * image.width + b.x) * 4;
      for (let i = 0; i < b.width; i++) {
        const at = row + i * 4;
        image.data[at] = image.data[at + 1] = image.data[at + 2] = 0;
        image.data[at + 3] = 255;
      }
    }
  }
}

/** Whether every pixel of the boxes is black, within `tolerance` per channel (JPEG's rounding). */
export function isBlack(image: RgbaImage, boxes: readonly Box[], tolerance = 0): boolean {
  for (const b of boxes) {
    for (let y = b.y; y < b.y + b.height; y++) {
      for (let x = b.x; x < b.x + b.width; x++) {
        const at = (y * image.width + x) * 4;
        if (image.data[at] > tolerance || image.data[at + 1] > tolerance || image.data[at + 2] > tolerance) return false;
      }
    }
  }
  return true;
}

/**
 * The box of an image, scaled down (by averaging whole blocks of pixels, which keeps text
 * legible) to at most `maxWidth` pixels wide.
 */
export function cropScreenshot(image: RgbaImage, box: Box, maxWidth: number): RgbaImage {
  const [b] = pixelBoxes([box], image.width, image.height);
  if (!b) return { width: 0, height: 0, data: new Uint8Array(0) };
  const k = Math.max(1, Math.ceil(b.width / maxWidth));
  const width = Math.floor(b.width / k) || 1;
  const height = Math.floor(b.height / k) || 1;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) {
          const row = (b.y + y * k + dy) * image.width + b.x + x * k;
          for (let dx = 0; dx < k; dx++) sum += image.data[(row + dx) * 4 + c];
        }
        data[(y * width + x) * 4 + c] = Math.round(sum / (k * k));
      }
    }
  }
  return { width, height, data };
}
