/**
 * OCR of screenshots with tesseract.js, fully offline.
 *
 * - Language data comes from the npm packages `@tesseract.js-data/nld` and `@tesseract.js-data/eng`
 *   (LSTM `4.0.0_best_int` models), resolved in node_modules with `require.resolve`. tesseract.js
 *   takes one `langPath` for all languages and its in-memory alternative (`{ code, data }`) is
 *   broken in 7.0.0 (initialisation joins the data instead of the codes), so the two `.gz` files
 *   are copied once into a private folder (`<cacheDir>/tessdata/…`, or a temporary folder that
 *   `close()` removes). `cacheMethod: 'none'`: tesseract.js itself writes nothing, and never
 *   falls back to its CDN because `langPath` is always set.
 * - A pool of tesseract.js workers (worker threads), as many as the cores by default, created
 *   when there is work, terminated on `close()`.
 * - Results are cached as JSON per image sha256 in the cache folder, written atomically; a file
 *   that does not parse, or was made with other settings, is ignored and rewritten.
 * - PNGs and JPEGs are decoded (pngjs, jpeg-js) and preprocessed in JS (`preprocess`): grey,
 *   downscaled to ~640 pixels wide (text at 3× is far bigger than tesseract needs), coloured bubbles normalised to dark text on white (white
 *   text on iMessage blue was otherwise dropped whole), mid-tones darkened (thin grey separators).
 *   Boxes are given in the original image's pixels.
 * - Words that are emoji (strongly coloured ink, which text never has) read as U+FFFD instead of
 *   the stray letters tesseract makes of them (`markPictographs`). The colours are kept at half
 *   the size tesseract gets (~0.7 MB a screenshot) until its words are back.
 *
 * Nothing here logs recognised text.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { sha256 } from '../../model/hash';
import type { Box, OcrPage, OcrWord } from './types';

// --- Options and API ----------------------------------------------------------------------------

export interface OcrEngineOptions {
  /**
   * Folder for cached results (one JSON per image sha256) and the engine's private copy of the
   * language data. Without one nothing is cached and the language data goes to a temporary folder.
   */
  cacheDir?: string;
  /** Worker threads; default `os.availableParallelism()`, at least 1. */
  workers?: number;
  /** tesseract language codes joined with `+`: `nld`, `eng` or both (default `nld+eng`). */
  languages?: string;
  /**
   * Images wider than this (× 1.2) are downscaled to this width before recognition (default
   * {@link TARGET_WIDTH}; 0: never). See {@link preprocessScale}.
   */
  targetWidth?: number;
  /** Progress of all work given to the engine since it was last idle: `done` of `total` images. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects every pending recognition with an AbortError and terminates the workers. */
  signal?: AbortSignal;
  /** Diagnostics (timings, cache misses). Never receives recognised text. */
  log?: (line: string) => void;
}

export interface RecognizeOptions {
  /** Aborting rejects this recognition with an AbortError (and stops its worker if it runs). */
  signal?: AbortSignal;
  /** The image's sha256 when the caller has it already (hex). */
  sha256?: string;
}

export interface RecognizeAllOptions extends RecognizeOptions {
  onProgress?: (done: number, total: number) => void;
}

/** The cache file's layout version; bump when OcrPage or the recognition changes meaning. */
const CACHE_VERSION = 1;
/** Data packages' model folder: LSTM-only integer models, what tesseract.js itself uses for LSTM. */
const MODEL_FOLDER = '4.0.0_best_int';
const LANGUAGES = ['nld', 'eng'] as const;
/** Names the preprocessing (`preprocess`) in the cache's settings: change it when that changes. */
const PREPROCESSING = 'PNG and JPEG: grey, area downscale, bubble normalisation, gamma 1.5; emoji marked by colour (2)';

/** An error like fetch's when aborted: `name === 'AbortError'`. */
export function abortError(): Error {
  return new DOMException('The OCR was cancelled.', 'AbortError') as unknown as Error;
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

// --- Images ------------------------------------------------------------------------------------

/** Width and height from the image header (PNG, JPEG, GIF, BMP, WebP); null for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') {
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      if (marker === 0xff) {
        at++;
        continue;
      }
      const length = b.readUInt16BE(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
    return null;
  }
  if (b.length >= 10 && b.toString('latin1', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) return { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const kind = b.toString('latin1', 12, 16);
    if (kind === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (kind === 'VP8L') {
      const v = b.readUInt32LE(21);
      return { width: (v & 0x3fff) + 1, height: ((v >> 14) & 0x3fff) + 1 };
    }
    if (kind === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return null;
}

/** A greyscale image, one byte per pixel. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An RGBA image, four bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Decodes a PNG (pngjs: every colour type, depth and interlacing) or a JPEG (jpeg-js) to 8-bit
 * RGBA. Null for anything else (those go to tesseract as they are) and for a file that does not
 * decode.
 */
export function decodeRgba(bytes: Uint8Array): RgbaImage | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let rgba: RgbaImage;
  try {
    if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) rgba = PNG.sync.read(b);
    else if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
      // Limits far above any phone screenshot (a 1290×2796 one is 3.6 MP), far below what hurts.
      rgba = decodeJpeg(b, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 50, maxMemoryUsageInMB: 512 });
    } else return null;
  } catch {
    return null;
  }
  return rgba.width && rgba.height && rgba.data.length >= rgba.width * rgba.height * 4 ? rgba : null;
}

/** Rec. 601 luma of an RGBA image, transparency composited on white. */
export function grayOf(rgba: RgbaImage): GrayImage {
  const { width, height, data } = rgba;
  const out = new Uint8Array(width * height);
  for (let p = 0, q = 0; p < out.length; p++, q += 4) {
    const luma = 0.299 * data[q] + 0.587 * data[q + 1] + 0.114 * data[q + 2];
    const alpha = data[q + 3];
    out[p] = alpha === 255 ? Math.round(luma) : Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, data: out };
}

/** A PNG or JPEG as greyscale (see {@link decodeRgba}, {@link grayOf}); null for anything else. */
export function decodeGray(bytes: Uint8Array): GrayImage | null {
  const rgba = decodeRgba(bytes);
  return rgba ? grayOf(rgba) : null;
}

/** Area-average downscale by `scale` (< 1). */
export function downscaleGray(img: GrayImage, scale: number): GrayImage {
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const fx = img.width / width;
  const fy = img.height / height;
  // Horizontal pass into floats, then vertical; weights handle fractional factors exactly.
  const tmp = new Float32Array(width * img.height);
  for (let x = 0; x < width; x++) {
    const x0 = x * fx;
    const x1 = x0 + fx;
    for (let sx = Math.floor(x0); sx < Math.min(img.width, Math.ceil(x1)); sx++) {
      const w = Math.min(x1, sx + 1) - Math.max(x0, sx);
      if (w <= 0) continue;
      for (let y = 0; y < img.height; y++) tmp[y * width + x] += w * img.data[y * img.width + sx];
    }
  }
  const out = new Uint8Array(width * height);
  const acc = new Float32Array(width);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    const y0 = y * fy;
    const y1 = y0 + fy;
    for (let sy = Math.floor(y0); sy < Math.min(img.height, Math.ceil(y1)); sy++) {
      const w = Math.min(y1, sy + 1) - Math.max(y0, sy);
      if (w <= 0) continue;
      const row = sy * width;
      for (let x = 0; x < width; x++) acc[x] += w * tmp[row + x];
    }
    const norm = 1 / (fx * fy);
    for (let x = 0; x < width; x++) out[y * width + x] = Math.min(255, Math.round(acc[x] * norm));
  }
  return { width, height, data: out };
}

/** Pixels darker than this can be a coloured bubble's background (iMessage blue is ~100, SMS green ~142). */
const DARK_BACKGROUND = 170;
/** Pixels around a normalised region that are its anti-aliased edge. */
const RIM = 2;

/**
 * Makes text on coloured bubbles dark on light, as tesseract wants it. tesseract binarises the
 * whole page with one threshold: a blue or green bubble turns into a black blob, its white text
 * into holes, and the page layout analysis throws the blob away as an image (white text on
 * iMessage blue was missed whole, 44% CER on those bubbles). So every large dark region
 * (connected pixels darker than DARK_BACKGROUND, at least `minSize` in both directions, mostly
 * solid) is filled row by row between its outer edges, and each pixel there becomes its distance
 * from the region's background shade: background white, text black, whichever was lighter.
 * Dark mode (a dark page) is one such region. Light bubbles with dark text are left alone.
 */
export function normaliseBackgrounds(img: GrayImage, minSize = Math.max(8, Math.round(img.width * 0.06))): GrayImage {
  const { width, height, data } = img;
  const n = width * height;
  const labels = new Int32Array(n);
  const out = new Uint8Array(data);
  const stack = new Int32Array(n);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== 0 || data[start] >= DARK_BACKGROUND) continue;
    const label = ++next;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    let minX = width;
    let maxX = -1;
    let minY = height;
    let maxY = -1;
    let area = 0;
    while (top > 0) {
      const p = stack[--top];
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x > 0 && labels[p - 1] === 0 && data[p - 1] < DARK_BACKGROUND) {
        labels[p - 1] = label;
        stack[top++] = p - 1;
      }
      if (x + 1 < width && labels[p + 1] === 0 && data[p + 1] < DARK_BACKGROUND) {
        labels[p + 1] = label;
        stack[top++] = p + 1;
      }
      if (y > 0 && labels[p - width] === 0 && data[p - width] < DARK_BACKGROUND) {
        labels[p - width] = label;
        stack[top++] = p - width;
      }
      if (y + 1 < height && labels[p + width] === 0 && data[p + width] < DARK_BACKGROUND) {
        labels[p + width] = label;
        stack[top++] = p + width;
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (w < minSize || h < minSize || area < 0.35 * w * h) continue;
    // The background shade: the commonest value among the region's pixels.
    const histogram = new Uint32Array(256);
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX, p = y * width + minX; x <= maxX; x++, p++) if (labels[p] === label) histogram[data[p]]++;
    }
    let bg = 0;
    for (let v = 1; v < 256; v++) if (histogram[v] > histogram[bg]) bg = v;
    const range = Math.max(bg, 255 - bg);
    const spans: Array<[number, number]> = [];
    for (let y = minY; y <= maxY; y++) {
      let left = -1;
      let right = -1;
      for (let x = minX, p = y * width + minX; x <= maxX; x++, p++) {
        if (labels[p] !== label) continue;
        if (left < 0) left = x;
        right = x;
      }
      spans.push([left, right]);
      const edgeRow = y < minY + RIM || y > maxY - RIM;
      for (let x = left, p = y * width + left; left >= 0 && x <= right; x++, p++) {
        // The region's own edge pixels (anti-aliased towards the page) become background too:
        // text never touches a bubble's edge.
        if (edgeRow || x < left + RIM || x > right - RIM) out[p] = 255;
        else out[p] = 255 - Math.min(255, Math.round((Math.abs(data[p] - bg) * 255) / range));
      }
    }
    // The region's anti-aliased rim (lighter than DARK_BACKGROUND, so outside it) would now
    // outline the bubble like a bracket: it becomes page white.
    for (let y = Math.max(0, minY - RIM); y <= Math.min(height - 1, maxY + RIM); y++) {
      const [left, right] = spans[Math.min(spans.length - 1, Math.max(0, y - minY))];
      if (left < 0) continue;
      for (let x = Math.max(0, left - RIM); x <= Math.min(width - 1, right + RIM); x++) {
        const inside = y >= minY && y <= maxY && x >= left && x <= right;
        const p = y * width + x;
        if (!inside && labels[p] === 0 && data[p] >= DARK_BACKGROUND) out[p] = 255;
      }
    }
  }
  return { width, height, data: out };
}

/**
 * Darkens mid-tones (gamma 1.5): thin grey text (iOS's day separators, #8e8e93 at 12 points)
 * loses strokes in tesseract's page-wide threshold once downscaled. Measured on rendered sets:
 * separators' CER 5.2% → 1.4%, bubbles 0.91% → 0.83%.
 */
export function darkenMidtones(img: GrayImage): GrayImage {
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = Math.round(255 * Math.pow(i / 255, 1.5));
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[img.data[i]];
  return { width: img.width, height: img.height, data };
}

/**
 * The image tesseract gets, and the factor it was scaled by: PNGs and JPEGs are decoded to grey,
 * downscaled to about `targetWidth`, their coloured bubbles normalised and mid-tones darkened
 * (a PGM); other formats go as they are. Beside it, for PNGs and JPEGs, the colours at half that
 * size, to tell emoji from text afterwards ({@link pictographShare}).
 */
export function preprocess(image: Uint8Array, targetWidth = TARGET_WIDTH): { input: Uint8Array; scale: number; colour?: ColourImage } {
  const rgba = decodeRgba(image);
  if (!rgba) return { input: image, scale: 1 };
  const gray = grayOf(rgba);
  const scale = preprocessScale(gray.width, targetWidth);
  const small = scale < 1 ? downscaleGray(gray, scale) : gray;
  return { input: encodePgm(darkenMidtones(normaliseBackgrounds(small))), scale, colour: colourOf(rgba, scale / 2) };
}

// --- Emoji -------------------------------------------------------------------------------------

/** An image's colour channels at a reduced size: `scale` × the original. */
export interface ColourImage {
  width: number;
  height: number;
  scale: number;
  r: Uint8Array;
  g: Uint8Array;
  b: Uint8Array;
}

/** The colour channels of an RGBA image (transparency on white), downscaled by `scale` (≤ 1). */
export function colourOf(rgba: RgbaImage, scale: number): ColourImage {
  const { width, height, data } = rgba;
  const channels = [0, 1, 2].map((c) => {
    const plane = new Uint8Array(width * height);
    for (let p = 0, q = c; p < plane.length; p++, q += 4) {
      const alpha = data[q + 3 - c];
      plane[p] = alpha === 255 ? data[q] : Math.round((data[q] * alpha + 255 * (255 - alpha)) / 255);
    }
    const img = { width, height, data: plane };
    return scale < 1 ? downscaleGray(img, scale) : img;
  });
  return { width: channels[0].width, height: channels[0].height, scale: channels[0].width / width, r: channels[0].data, g: channels[1].data, b: channels[2].data };
}

/** Pixels this far (RGB distance) from a word's background are its ink. */
const INK = 48;
/** Ink whose colour is at least this chromatic (max − min of R, G, B) is no text colour. */
const CHROMATIC = 100;

/**
 * How much of the ink in a box is strongly coloured: 0 for text, near 1 for most emoji. Chat text
 * is near-neutral (black, white, grey; the darkest palettes' navy or green reach a chroma of ~70)
 * and its anti-aliased edge pixels are blends of that colour with the background, whatever the
 * background (white on iMessage blue included); emoji are yellow, orange, brown. So each ink
 * pixel (further than INK from the background around the box) counts as coloured
 * when no blend of the background with any colour of chroma below CHROMATIC gives it: the ink
 * colour it implies, background + s × (pixel − background) for s ≥ 1 within the RGB cube, stays
 * that chromatic. 0 when the box holds too little ink to say.
 */
export function pictographShare(img: ColourImage, box: Box): number {
  const x0 = Math.max(0, Math.floor(box.x * img.scale));
  const y0 = Math.max(0, Math.floor(box.y * img.scale));
  const x1 = Math.min(img.width, Math.ceil((box.x + box.width) * img.scale));
  const y1 = Math.min(img.height, Math.ceil((box.y + box.height) * img.scale));
  if (x1 <= x0 || y1 <= y0) return 0;
  const key = (p: number): number => ((img.r[p] >> 3) << 10) | ((img.g[p] >> 3) << 5) | (img.b[p] >> 3);
  // The background: the commonest colour (5 bits a channel, averaged over its pixels) of a ring
  // around the box, as an emoji may fill its box. Without a ring (the box fills the image), the box's own.
  const margin = Math.max(1, Math.round(0.3 * (y1 - y0)));
  const rx0 = Math.max(0, x0 - margin);
  const ry0 = Math.max(0, y0 - margin);
  const rx1 = Math.min(img.width, x1 + margin);
  const ry1 = Math.min(img.height, y1 + margin);
  const ringOnly = rx0 < x0 || ry0 < y0 || rx1 > x1 || ry1 > y1;
  const counts = new Map<number, number>();
  let bgKey = -1;
  for (let y = ry0; y < ry1; y++) {
    for (let p = y * img.width + rx0, x = rx0; x < rx1; x++, p++) {
      if (ringOnly && x >= x0 && x < x1 && y >= y0 && y < y1) continue;
      const k = key(p);
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      if (bgKey < 0 || n > counts.get(bgKey)!) bgKey = k;
    }
  }
  const bg = [0, 0, 0];
  for (let y = ry0; y < ry1; y++) {
    for (let p = y * img.width + rx0, x = rx0; x < rx1; x++, p++) {
      if ((ringOnly && x >= x0 && x < x1 && y >= y0 && y < y1) || key(p) !== bgKey) continue;
      bg[0] += img.r[p];
      bg[1] += img.g[p];
      bg[2] += img.b[p];
    }
  }
  const bgCount = counts.get(bgKey)!;
  for (let c = 0; c < 3; c++) bg[c] /= bgCount;
  let ink = 0;
  let coloured = 0;
  const v = [0, 0, 0];
  const implied = [0, 0, 0];
  for (let y = y0; y < y1; y++) {
    for (let p = y * img.width + x0, x = x0; x < x1; x++, p++) {
      v[0] = img.r[p] - bg[0];
      v[1] = img.g[p] - bg[1];
      v[2] = img.b[p] - bg[2];
      if (Math.hypot(v[0], v[1], v[2]) <= INK) continue;
      ink++;
      // The furthest the implied ink colour can go before leaving the RGB cube (a channel that
      // barely moves, as blue between white text and iMessage blue, sets no limit: it sits at
      // the cube's face already).
      let sMax = Infinity;
      for (let c = 0; c < 3; c++) {
        if (v[c] > 3) sMax = Math.min(sMax, (255 - bg[c]) / v[c]);
        else if (v[c] < -3) sMax = Math.min(sMax, bg[c] / -v[c]);
      }
      sMax = Math.max(1, Math.min(sMax, 255 / INK));
      let leastChroma = Infinity;
      for (let step = 0; step <= 8; step++) {
        const scale = 1 + ((sMax - 1) * step) / 8;
        for (let c = 0; c < 3; c++) implied[c] = Math.min(255, Math.max(0, bg[c] + scale * v[c]));
        leastChroma = Math.min(leastChroma, Math.max(implied[0], implied[1], implied[2]) - Math.min(implied[0], implied[1], implied[2]));
      }
      if (leastChroma >= CHROMATIC) coloured++;
    }
  }
  return ink < 6 ? 0 : coloured / ink;
}

/** A word whose ink is at least this share of other colours is an emoji (or another picture), not text. */
export const PICTOGRAPH_SHARE = 0.3;
/** What an emoji reads as: OCR cannot tell which one it is, only that one is there. */
export const PICTOGRAPH = '\uFFFD';

/**
 * Words that are emoji, which tesseract reads as stray letters and symbols ("ds", "&", "©", "J,"),
 * become {@link PICTOGRAPH}; neighbouring ones on a line become one (an emoji is often read as
 * two words). So an emoji bubble is read as the same bubble on every screenshot, and the text
 * around an emoji gets no invented letters.
 */
export function markPictographs(words: OcrWord[], colour: ColourImage): OcrWord[] {
  const out: OcrWord[] = [];
  for (const w of words) {
    if (pictographShare(colour, w.box) < PICTOGRAPH_SHARE) {
      out.push(w);
      continue;
    }
    const previous = out[out.length - 1];
    const sameLine = previous !== undefined && previous.text === PICTOGRAPH &&
      Math.min(previous.box.y + previous.box.height, w.box.y + w.box.height) - Math.max(previous.box.y, w.box.y) > 0.5 * Math.min(previous.box.height, w.box.height) &&
      w.box.x - (previous.box.x + previous.box.width) < Math.max(previous.box.height, w.box.height);
    if (sameLine) {
      const x0 = Math.min(previous.box.x, w.box.x);
      const y0 = Math.min(previous.box.y, w.box.y);
      const x1 = Math.max(previous.box.x + previous.box.width, w.box.x + w.box.width);
      const y1 = Math.max(previous.box.y + previous.box.height, w.box.y + w.box.height);
      out[out.length - 1] = { text: PICTOGRAPH, confidence: Math.min(previous.confidence, w.confidence), box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
    } else out.push({ ...w, text: PICTOGRAPH });
  }
  return out;
}

/** A binary PGM (P5): leptonica reads it without a codec. */
export function encodePgm(img: GrayImage): Uint8Array {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}

/**
 * Phone screenshots are 360–430 points wide at 2–4× (720–1440 pixels), with body text of 15–17
 * points. Scaled to about 640 pixels wide, text is 24–28 pixels, which tesseract's LSTM reads as
 * well as at full size. Measured on rendered sets (1 worker, 18 screenshots at 3×, CER of whole
 * bubbles): 480 px 0.94%, 560 px 0.88%, 640 px 0.93%, 760 px 0.91%; at full size white text on
 * blue went missing (before `normaliseBackgrounds`). Narrower images are left alone.
 */
export const TARGET_WIDTH = 640;

/** The factor an image of this width is scaled by before recognition (1: not at all). */
export function preprocessScale(width: number, target = TARGET_WIDTH): number {
  return target > 0 && width > target * 1.2 ? target / width : 1;
}

// --- Language data -----------------------------------------------------------------------------

function packageFile(lang: string): string {
  const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`);
  return path.join(path.dirname(pkg), MODEL_FOLDER, `${lang}.traineddata.gz`);
}

/**
 * The folder tesseract.js reads `<lang>.traineddata.gz` from: the package files copied into one
 * folder under `root` (renamed into place, so a half-copied file is never used). Copies are
 * refreshed when their size differs from the package's.
 */
export function prepareLanguageData(root: string, languages: readonly string[]): string {
  const dir = path.join(root, 'tessdata', MODEL_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of languages) {
    const source = packageFile(lang);
    const target = path.join(dir, `${lang}.traineddata.gz`);
    const size = fs.statSync(source).size;
    let current = -1;
    try {
      current = fs.statSync(target).size;
    } catch {
      // not copied yet
    }
    if (current === size) continue;
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.copyFileSync(source, tmp);
    fs.renameSync(tmp, target);
  }
  return dir;
}

// --- Cache -------------------------------------------------------------------------------------

interface CacheFile {
  version: number;
  /** The settings that produced the words; another setting means another result. */
  settings: string;
  sha256: string;
  width: number;
  height: number;
  words: OcrWord[];
}

function validWord(w: unknown): w is OcrWord {
  if (typeof w !== 'object' || w === null) return false;
  const o = w as OcrWord;
  return (
    typeof o.text === 'string' &&
    typeof o.confidence === 'number' &&
    typeof o.box === 'object' &&
    o.box !== null &&
    [o.box.x, o.box.y, o.box.width, o.box.height].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function readCache(file: string, sha: string, settings: string): CacheFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const c = JSON.parse(text) as CacheFile;
    if (c.version !== CACHE_VERSION || c.settings !== settings || c.sha256 !== sha) return null;
    if (!Number.isInteger(c.width) || !Number.isInteger(c.height) || !Array.isArray(c.words) || !c.words.every(validWord)) return null;
    return c;
  } catch {
    return null;
  }
}

function writeCache(file: string, content: CacheFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(content));
  fs.renameSync(tmp, file);
}

// --- Workers -----------------------------------------------------------------------------------

type TesseractWorker = import('tesseract.js').Worker;

/** tesseract.js, loaded on first use (it stays outside the bundles: scripts/build.mjs). */
function loadTesseract(): typeof import('tesseract.js') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('tesseract.js') as typeof import('tesseract.js');
}

interface Block {
  paragraphs: Array<{ lines: Array<{ words: Array<{ text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }> }> }>;
}

interface Job {
  image: Uint8Array;
  settled?: boolean;
  settle: { resolve: (words: OcrWord[]) => void; reject: (e: unknown) => void };
  signal?: AbortSignal;
  onAbort?: () => void;
  running?: PoolWorker;
}

interface PoolWorker {
  ready: Promise<TesseractWorker>;
  busy: boolean;
  dead: boolean;
}

/**
 * tesseract parameters. PSM 3 (automatic page segmentation, tesseract's default) keeps the lines
 * of a bubble together; `user_defined_dpi` stops the "Estimating resolution" message per image.
 */
const PARAMETERS = { tessedit_pageseg_mode: '3', user_defined_dpi: '300' } as const;

export class OcrEngine {
  private readonly size: number;
  private readonly languages: string;
  private readonly targetWidth: number;
  private readonly cacheDir: string | undefined;
  private readonly settings: string;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Set<Job>();
  private readonly inflight = new Map<string, Promise<OcrPage>>();
  private tessdata: string | undefined;
  private tempRoot: string | undefined;
  private closed = false;
  private done = 0;
  private total = 0;

  constructor(private readonly options: OcrEngineOptions = {}) {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.size = Math.max(1, Math.floor(options.workers ?? cores) || 1);
    this.languages = options.languages ?? 'nld+eng';
    for (const lang of this.languages.split('+')) {
      if (!(LANGUAGES as readonly string[]).includes(lang)) throw new Error(`OCR language ${lang} is not installed (nld, eng)`);
    }
    this.targetWidth = options.targetWidth ?? TARGET_WIDTH;
    this.cacheDir = options.cacheDir;
    this.settings = JSON.stringify({ languages: this.languages, model: MODEL_FOLDER, parameters: PARAMETERS, preprocessing: PREPROCESSING, targetWidth: this.targetWidth });
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) this.closed = true;
      else signal.addEventListener('abort', () => void this.close(), { once: true });
    }
  }

  /** The number of worker threads the engine uses at most. */
  get poolSize(): number {
    return this.size;
  }

  /** Words with boxes (image pixels) and confidences; from the cache when the image was read before. */
  async recognize(image: Uint8Array, file: string, options: RecognizeOptions | string = {}): Promise<OcrPage> {
    if (typeof options === 'string') options = { sha256: options };
    if (this.closed) throw abortError();
    options.signal?.throwIfAborted();
    const sha = options.sha256 ?? sha256(image);
    this.total++;
    this.progress();
    try {
      const signal = options.signal;
      const start = (): Promise<OcrPage> => {
        let shared = this.inflight.get(sha);
        if (!shared) {
          shared = this.read(image, sha, signal);
          this.inflight.set(sha, shared);
          const forget = (): void => void this.inflight.delete(sha);
          shared.then(forget, forget);
        }
        return shared;
      };
      let page: OcrPage;
      try {
        page = await start();
      } catch (e) {
        // The same image asked for by another caller who then cancelled: not our cancellation.
        if (!isAbortError(e) || this.closed || signal?.aborted) throw e;
        page = await start();
      }
      return { ...page, file, words: page.words.map((w) => ({ ...w, box: { ...w.box } })) };
    } finally {
      this.done++;
      this.progress();
    }
  }

  /** Recognises several images (in this order), with progress for the batch. */
  async recognizeAll(images: Array<{ image: Uint8Array; file: string }>, options: RecognizeAllOptions = {}): Promise<OcrPage[]> {
    let done = 0;
    options.onProgress?.(0, images.length);
    return Promise.all(
      images.map(async ({ image, file }) => {
        const page = await this.recognize(image, file, { signal: options.signal });
        options.onProgress?.(++done, images.length);
        return page;
      }),
    );
  }

  /** Terminates the workers; pending recognitions are rejected with an AbortError. */
  async close(): Promise<void> {
    if (this.closed && this.workers.length === 0) return;
    this.closed = true;
    for (const job of [...this.queue.splice(0), ...this.running]) this.fail(job, abortError());
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => this.kill(w)));
    if (this.tempRoot) {
      fs.rmSync(this.tempRoot, { recursive: true, force: true });
      this.tempRoot = undefined;
    }
  }

  private progress(): void {
    this.options.onProgress?.(this.done, this.total);
    if (this.done === this.total) this.done = this.total = 0;
  }

  private cacheFile(sha: string): string | undefined {
    return this.cacheDir ? path.join(this.cacheDir, sha.slice(0, 2), `${sha}.json`) : undefined;
  }

  private async read(image: Uint8Array, sha: string, signal?: AbortSignal): Promise<OcrPage> {
    const cacheFile = this.cacheFile(sha);
    if (cacheFile) {
      const cached = readCache(cacheFile, sha, this.settings);
      if (cached) return { file: '', sha256: sha, width: cached.width, height: cached.height, words: cached.words };
    }
    const size = imageSize(image);
    if (!size) throw new Error('not an image tesseract can read (PNG, JPEG, GIF, BMP or WebP)');
    const { input, scale, colour } = preprocess(image, this.targetWidth);
    const started = Date.now();
    const raw = await this.run(input, signal);
    const rescaled = raw.map((w) => rescale(w, scale, size));
    const words = colour ? markPictographs(rescaled, colour) : rescaled;
    this.options.log?.(`OCR ${sha.slice(0, 12)}: ${words.length} words in ${Date.now() - started} ms`);
    if (cacheFile) {
      try {
        writeCache(cacheFile, { version: CACHE_VERSION, settings: this.settings, sha256: sha, width: size.width, height: size.height, words });
      } catch (e) {
        this.options.log?.(`OCR cache not written: ${(e as Error).message}`);
      }
    }
    return { file: '', sha256: sha, width: size.width, height: size.height, words };
  }

  private run(image: Uint8Array, signal?: AbortSignal): Promise<OcrWord[]> {
    return new Promise<OcrWord[]>((resolve, reject) => {
      if (this.closed) return reject(abortError());
      const job: Job = { image, settle: { resolve, reject }, signal };
      if (signal) {
        job.onAbort = () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) this.queue.splice(i, 1);
          const w = job.running;
          if (w) {
            // tesseract cannot stop a recognition: the worker goes, a new one comes when needed.
            const j = this.workers.indexOf(w);
            if (j >= 0) this.workers.splice(j, 1);
            void this.kill(w);
          }
          this.fail(job, abortError());
          this.pump();
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  private fail(job: Job, e: unknown): void {
    if (job.settled) return;
    job.settled = true;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    job.settle.reject(e);
  }

  /** Hands queued jobs to idle workers, starting workers while there are more jobs than workers. */
  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let worker = this.workers.find((w) => !w.busy && !w.dead);
      if (!worker) {
        if (this.workers.length >= this.size) return;
        worker = this.spawn();
      }
      const job = this.queue.shift() as Job;
      void this.execute(worker, job);
    }
  }

  private spawn(): PoolWorker {
    const entry: PoolWorker = { ready: this.createWorker(), busy: false, dead: false };
    // A failed start must not be an unhandled rejection; the job that waits on it sees it.
    entry.ready.catch(() => undefined);
    this.workers.push(entry);
    return entry;
  }

  private async createWorker(): Promise<TesseractWorker> {
    if (!this.tessdata) {
      let root = this.cacheDir;
      if (!root) root = this.tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-ocr-'));
      this.tessdata = prepareLanguageData(root, this.languages.split('+'));
    }
    const { createWorker, OEM } = loadTesseract();
    const started = Date.now();
    // tesseract.js reports a failed language load or initialisation only to errorHandler (the
    // promise createWorker returns then never settles), and throws errors of later jobs
    // asynchronously without one: the handler turns the first into a rejection, the rest into
    // nothing (the job's own promise rejects too).
    let failStart: (e: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      failStart = reject;
    });
    failed.catch(() => undefined);
    const worker = await Promise.race([
      createWorker(this.languages, OEM.LSTM_ONLY, {
        langPath: this.tessdata,
        cacheMethod: 'none',
        gzip: true,
        errorHandler: (e: unknown) => failStart(new Error(`OCR worker failed: ${String(e)}`)),
      }),
      failed,
    ]);
    await worker.setParameters(PARAMETERS as unknown as Parameters<TesseractWorker['setParameters']>[0]);
    this.options.log?.(`OCR worker started in ${Date.now() - started} ms`);
    return worker;
  }

  private async execute(worker: PoolWorker, job: Job): Promise<void> {
    worker.busy = true;
    job.running = worker;
    this.running.add(job);
    try {
      const tesseract = await worker.ready;
      if (worker.dead) return;
      const result = await tesseract.recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), {}, { blocks: true, text: false });
      if (worker.dead || job.settled) return;
      job.settled = true;
      if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
      job.settle.resolve(wordsOf((result.data.blocks ?? []) as unknown as Block[]));
    } catch (e) {
      if (worker.dead) return;
      // A worker that failed may be broken: replace it.
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      void this.kill(worker);
      this.fail(job, e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.running.delete(job);
      job.running = undefined;
      worker.busy = false;
      this.pump();
    }
  }

  private async kill(worker: PoolWorker): Promise<void> {
    worker.dead = true;
    try {
      await (await worker.ready).terminate();
    } catch {
      // never started, or already gone
    }
  }
}

export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  return new OcrEngine(options);
}

function wordsOf(blocks: Block[]): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const { x0, y0, x1, y1 } = w.bbox;
          words.push({ text, confidence: w.confidence, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
        }
      }
    }
  }
  return words;
}

/** A word's box back in the original image's pixels. */
function rescale(w: OcrWord, scale: number, size: { width: number; height: number }): OcrWord {
  if (scale === 1) return w;
  const x0 = Math.max(0, Math.floor(w.box.x / scale));
  const y0 = Math.max(0, Math.floor(w.box.y / scale));
  const x1 = Math.min(size.width, Math.ceil((w.box.x + w.box.width) / scale));
  const y1 = Math.min(size.height, Math.ceil((w.box.y + w.box.height) / scale));
  return { text: w.text, confidence: w.confidence, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}
