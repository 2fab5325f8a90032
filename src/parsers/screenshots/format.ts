import * as os from 'node:os';
import { InputError } from '../../model/errors';
import { sha256 } from '../../model/hash';
import type { ExportInput } from '../input';
import { registerFormat } from '../registry';
import { readCaptureTime } from './capture';
import { layoutPage } from './layout';
import { messagesFromScreens } from './messages';
import { createOcrEngine, imageSize, isAbortError } from './ocr';
import { orderScreens } from './order';
import type { ScreenHint, ScreenLayout } from './types';

const IMAGE = /\.(png|jpe?g)$/i;
const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0].replace(/^Error: /, '');

/** A screenshot larger than this is no phone screenshot. */
const MAX_IMAGE_BYTES = 40 * 1024 ** 2;

/** The screenshots of a folder or zip, by name (hidden files and macOS's `__MACOSX` aside). */
export function screenshotFiles(input: ExportInput): string[] {
  return input.zip ? [...input.zip.entries.keys()].filter((n) => IMAGE.test(n) && !n.split('/').some((p) => p.startsWith('.') || p === '__MACOSX')).sort() : [];
}

/** `fn` over `items`, at most `limit` at a time; the results in the items' order. The first failure stops new work. */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const run = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return results;
}

/** More pixels than any phone screenshot has (a decompression bomb declares billions). */
const MAX_PIXELS = 60_000_000;

/**
 * Refuses what OCR should not be given: a PNG cut short (its IEND chunk missing: the engine would
 * print its own complaint and fail), an image declaring more pixels than any screenshot.
 */
function checkScreenshot(bytes: Uint8Array, file: string): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && !b.subarray(-64).includes('IEND')) {
    throw new InputError(`${file} is cut short (the PNG has no end): copy it from the phone again`);
  }
  const size = imageSize(bytes);
  if (size && size.width * size.height > MAX_PIXELS) throw new InputError(`${file} declares ${size.width}×${size.height} pixels: not a phone screenshot`);
}

/** An image's bytes, refused beyond the size of any phone screenshot. */
export async function readScreenshot(input: ExportInput, entry: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input.open(entry)) {
    size += chunk.length;
    if (size > MAX_IMAGE_BYTES) throw new InputError(`${entry} is larger than ${MAX_IMAGE_BYTES / 1024 ** 2} MB: not a phone screenshot`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/**
 * A conversation that exists only as screenshots (SMS, iMessage): a folder or zip of PNG/JPEG
 * images. Each is read by offline OCR (cached by sha256), laid out into bubbles, and the
 * screenshots are put back in order where they overlap (see `order.ts`); the messages keep their
 * image and bubble box.
 */
registerFormat({
  name: 'screenshots',
  label: 'Screenshots (OCR)',
  async sniff(input) {
    if (!input.zip) return 0;
    // Only images (hidden files aside): images beside anything else are another export's media.
    const all = [...input.zip.entries.keys()].filter((n) => !n.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
    const found = screenshotFiles(input).length;
    return found > 0 && found === all.length ? 0.9 : 0;
  },
  async parse(input, options, sink) {
    const files = screenshotFiles(input);
    if (files.length === 0) throw new InputError(`${input.fileName} holds no screenshots (PNG or JPEG)`);
    const engine = createOcrEngine({ cacheDir: options.ocr?.cacheDir, workers: options.ocr?.workers, signal: options.signal });
    try {
      let done = 0;
      // A few screenshots in flight per worker: a folder of hundreds is never all in memory at once.
      const pages = await mapInOrder(files, 2 * (options.ocr?.workers ?? os.availableParallelism()), async (file) => {
        const bytes = await readScreenshot(input, file);
        checkScreenshot(bytes, file);
        const hash = sha256(bytes);
        const [page, capturedAt] = await Promise.all([
          engine.recognize(bytes, file, hash).catch((e: unknown) => {
            // The engine's own words for a bad image name no file; other failures (the engine
            // not starting) are not the image's fault and keep their own words.
            if (!isAbortError(e) && !(e instanceof InputError) && /read image|not an image/i.test(firstLine(e))) {
              throw new InputError(`${file} cannot be read as a screenshot: it is damaged or not a PNG/JPEG image (${firstLine(e)})`);
            }
            throw e;
          }),
          readCaptureTime(bytes),
        ]);
        options.ocr?.onProgress?.(++done, files.length);
        return { layout: layoutPage(page), hint: { file, ...(capturedAt ? { capturedAt } : {}) } as ScreenHint };
      });
      const layouts: ScreenLayout[] = pages.map((p) => p.layout);
      const ordered = orderScreens(layouts, pages.map((p) => p.hint));
      const { conversation, messages } = messagesFromScreens(ordered, pages.map((p) => p.hint), layouts);
      for (const m of messages) sink.message(m);
      return conversation;
    } finally {
      await engine.close();
    }
  },
});
