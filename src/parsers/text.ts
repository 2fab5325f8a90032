import { TextDecoder } from 'node:util';
import { InputError } from '../model/errors';

/** Longest single line we accept; chat exports have no such lines, binary junk does. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Picks the encoding from the first bytes: a BOM wins; otherwise NUL bytes on every other
 * position mean BOM-less UTF-16, and NUL bytes elsewhere mean a binary file.
 */
export function sniffEncoding(head: Uint8Array, what: string): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  if (evenNul + oddNul === 0) return 'utf-8';
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul === 0) return 'utf-16be';
  throw new InputError(`${what} is a binary file, not a text export`);
}

/** Decodes a whole small text (a header sample) leniently, for sniffing. */
export function decodeSample(head: Uint8Array, what: string): string {
  const encoding = sniffEncoding(head, what);
  return new TextDecoder(encoding).decode(head);
}

/**
 * Streams a byte source as lines, in batches (one per chunk) to keep per-line overhead low.
 * Handles UTF-8/UTF-16 with or without BOM and CRLF, LF and CR line ends, also when a CRLF
 * or a multi-byte character straddles two chunks. A final line break does not start a line.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  what: string,
): AsyncGenerator<string[]> {
  let decoder: TextDecoder | undefined;
  let pending = '';
  let bytesSeen = 0;
  let lineCount = 0;
  for await (const chunk of chunks) {
    if (!decoder) {
      if (chunk.length === 0) continue;
      decoder = new TextDecoder(sniffEncoding(chunk, what), { fatal: true });
    }
    let text: string;
    try {
      text = pending + decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(`${what} is not valid ${decoder.encoding.toUpperCase()} text (bad byte near offset ${bytesSeen}); is it a binary file or another encoding?`);
    }
    bytesSeen += chunk.length;
    const heldCR = text.endsWith('\r');
    const lines = (heldCR ? text.slice(0, -1) : text).split(/\r\n|\r|\n/);
    pending = lines.pop()! + (heldCR ? '\r' : '');
    if (pending.length > MAX_LINE_CHARS) {
      throw new InputError(`${what} has a line longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB characters at line ${lineCount + lines.length + 1}; not a chat export`);
    }
    if (lines.length > 0) {
      lineCount += lines.length;
      yield lines;
    }
  }
  if (!decoder) return;
  try {
    pending += decoder.decode();
  } catch {
    throw new InputError(`${what} ends in the middle of a character; the file looks truncated`);
  }
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending.length > 0) yield [pending];
}
