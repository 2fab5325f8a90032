import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import yazl from 'yazl';
import { sha256, type Box, type Conversation, type Message, type RemovalReport } from '../model';
import { InputError } from '../model/errors';
import type { ExportBytes, ExportInput } from '../parsers/input';
import { readScreenshot, screenshotFiles } from '../parsers/screenshots/format';
import { TRANSCRIPT_LINE, transcriptOf } from '../parsers/screenshots/messages';
import { decodeScreenshot, encodeScreenshot, fillBlack, pixelBoxes } from '../parsers/screenshots/pixels';
import type { FormatCleaner } from './formats';
import { verbatimRewriter } from './rewrite/verbatim';

/** The name the transcript goes by in the removal diff. */
export const TRANSCRIPT = 'transcript.txt';
/** Glyphs are smoothed beyond their word's box by a pixel or two: a redacted word is blacked out with a margin. */
const WORD_MARGIN = 3;

/** The transcript's lines are `[date time] sender: text`, the text verbatim: redacted where it stands. */
export const screenshotCleaner: FormatCleaner = {
  lineFormat: async () => ({ rewrite: verbatimRewriter((line) => TRANSCRIPT_LINE.exec(line)?.[0].length) }),
  onlyReviewedEntries: true,
  // Each redacted piece is checked where it is placed, and the transcript is not a format read back.
  checksEachRedaction: true,
};

/** The reconstructed conversation as the chat text the cleaner reads, in memory (it is small). */
export function transcriptExport(conversation: Conversation, messages: readonly Message[]): ExportBytes {
  return { fileName: TRANSCRIPT, bytes: Buffer.from(transcriptOf(conversation, messages), 'utf8'), siblings: new Set() };
}

/**
 * What goes black in which screenshot: a removed message's bubble, and the words of a redacted
 * span, in every screenshot that shows them (an overlap shows a bubble twice). A copy that reads
 * differently from the kept text has no reliable word offsets: it is blacked out whole.
 */
export function blackoutBoxes(
  messages: Iterable<Message>, removed: ReadonlySet<string>, redactions: ReadonlyMap<string, readonly { start: number; end: number }[]>,
): Map<string, Box[]> {
  const boxes = new Map<string, Box[]>();
  const add = (file: string, box: Box) => boxes.set(file, [...(boxes.get(file) ?? []), box]);
  const widen = (b: Box): Box => ({ x: b.x - WORD_MARGIN, y: b.y - WORD_MARGIN, width: b.width + 2 * WORD_MARGIN, height: b.height + 2 * WORD_MARGIN });
  for (const m of messages) {
    const image = m.meta?.image;
    if (!image) continue;
    const shown = [{ file: image.file, box: image.box, words: image.words }, ...(image.copies ?? [])];
    if (removed.has(m.id)) {
      for (const s of shown) add(s.file, s.box);
      continue;
    }
    for (const r of redactions.get(m.id) ?? []) {
      for (const s of shown) {
        if (!s.words) {
          add(s.file, s.box);
          continue;
        }
        const hit = s.words.filter((w) => w.start < r.end && w.end > r.start);
        // A span the words do not cover (OCR joined or split them otherwise): the bubble goes whole.
        if (hit.length === 0) add(s.file, s.box);
        for (const w of hit) add(s.file, widen(w.box));
      }
    }
  }
  return boxes;
}

const gitBlobSha1 = (bytes: Uint8Array) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** A changed binary file in the removal diff, as git writes one. */
function changedBinaryFile(name: string, before: Uint8Array, after: Uint8Array): string {
  return `diff --git a/${name} b/${name}\nindex ${gitBlobSha1(before)}..${gitBlobSha1(after)} 100644\nBinary files a/${name} and b/${name} differ\n`;
}

/**
 * Copies every screenshot into `target` (a folder, or a zip for a zip export), re-encoded from
 * its pixels with the boxes filled black: nothing removed survives in a pixel, and no metadata
 * (capture place, device) is carried over. Each blacked-out screenshot is a changed binary file
 * in the diff. Returns the report's account of the images.
 */
export async function cleanScreenshotImages(
  input: ExportInput, boxes: ReadonlyMap<string, readonly Box[]>, target: string, diff: (text: string) => void, signal?: AbortSignal,
): Promise<NonNullable<RemovalReport['screenshots']>['images']> {
  const files = screenshotFiles(input);
  // git quotes such names in a diff; the removal diff would not name them plainly: refused.
  const odd = files.find((f) => /[\x00-\x1f\x7f"\\]/.test(f));
  if (odd) throw new InputError(`the screenshot name ${JSON.stringify(odd)} holds a control character, quote or backslash: rename it, then open the folder again; nothing was written`);
  for (const file of boxes.keys()) if (!files.includes(file)) throw new InputError(`the review names the screenshot ${file}, which the export does not have`);
  const zip = input.folder ? undefined : new yazl.ZipFile();
  const written = zip && new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(target, { flags: 'wx' })).on('close', resolve).on('error', reject);
  });
  if (!zip) await fs.promises.mkdir(target);
  const images: NonNullable<RemovalReport['screenshots']>['images'] = [];
  try {
    for (const name of files) {
      signal?.throwIfAborted();
      const before = await readScreenshot(input, name);
      const image = decodeScreenshot(before, name);
      const black = pixelBoxes(boxes.get(name) ?? [], image.width, image.height);
      fillBlack(image, black);
      const after = encodeScreenshot(image, name);
      if (zip) zip.addBuffer(after, name, { compress: false });
      else {
        const file = path.resolve(target, name);
        if (!file.startsWith(path.resolve(target) + path.sep)) throw new InputError(`the screenshot name ${JSON.stringify(name)} leads outside its folder`);
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.writeFile(file, after, { flag: 'wx' });
      }
      if (black.length) diff(changedBinaryFile(name, before, after));
      images.push({ name, sha256: sha256(before), cleaned: sha256(after), blackedOut: black });
    }
  } finally {
    zip?.end();
    await written;
  }
  return images;
}
