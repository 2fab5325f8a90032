import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { InputError } from '../model/errors';

/** Longest single line we accept; chat exports have no such lines, binary junk does. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** Bytes gathered before the encoding is sniffed (sniffEncoding looks at no more). */
const SNIFF_BYTES = 4096;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Picks the encoding from the first bytes: a BOM wins; otherwise NUL bytes on every other
 * position mean BOM-less UTF-16, and NUL bytes elsewhere mean a binary file.
 */
export function sniffEncoding(head: Uint8Array, what: string): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, SNIFF_BYTES);
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
  // A few NULs on the other side are characters like U+0100 or the low surrogate of 😀 (DE00).
  if (oddNul > pairs * 0.3 && evenNul < oddNul / 20) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < evenNul / 20) return 'utf-16be';
  throw new InputError(`${what} is a binary file, not a text export`);
}

/** Decodes a whole small text (a header sample) leniently, for sniffing. */
export function decodeSample(head: Uint8Array, what: string): string {
  const encoding = sniffEncoding(head, what);
  return new TextDecoder(encoding).decode(head);
}

/** The decoded sample, or undefined for a binary file: a format rating bytes it cannot read rates them 0. */
export function textSample(head: Uint8Array, what: string): string | undefined {
  try {
    return decodeSample(head, what);
  } catch {
    return undefined;
  }
}

/** Splits decoded text into lines; a plain split when the chunk has no CR (the common case). */
function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
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
  // Gather enough bytes to sniff from: a first chunk may end inside the BOM.
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headSize = 0;
  while (headSize < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headSize += next.value.length;
  }
  if (headSize === 0) return;
  const first = head.length === 1 ? head[0] : Buffer.concat(head);
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  const encoding = sniffEncoding(first, what);
  yield* encoding === 'utf-8' ? utf8Lines(first, rest, what) : decodedLines(encoding, first, rest, what);
}

/**
 * UTF-8: each chunk is cut after its last line break, so no character is ever split, then
 * validated and decoded natively (several times faster than a streaming TextDecoder).
 */
async function* utf8Lines(first: Uint8Array, rest: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<string[]> {
  let carry = Buffer.from(first.buffer, first.byteOffset, first.byteLength);
  if (carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
  let offset = 0;
  let lineCount = 0;
  const take = (data: Buffer, final: boolean): string[] => {
    let cut = final ? data.length : Math.max(data.lastIndexOf(10), data.lastIndexOf(13)) + 1;
    // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
    // (A negative lastIndexOf offset counts from the end, hence the guard for a lone CR.)
    if (!final && cut === data.length && data[cut - 1] === 13) cut = cut < 2 ? 0 : Math.max(data.lastIndexOf(10, cut - 2), data.lastIndexOf(13, cut - 2)) + 1;
    if (cut <= 0) {
      carry = data;
      if (data.length > MAX_LINE_CHARS) throw new InputError(`${what} has a line longer than ${MAX_LINE_CHARS / 1024 / 1024} Mi characters at line ${lineCount + 1}; not a chat export`);
      return [];
    }
    const part = data.subarray(0, cut);
    if (!isUtf8(part)) throw utf8Error(part, offset, what, final);
    carry = data.subarray(cut);
    offset += cut;
    const lines = splitLines(part.toString('utf8'));
    if (!final || lines[lines.length - 1] === '') lines.pop();
    lineCount += lines.length;
    return lines;
  };
  let lines = take(carry, false);
  if (lines.length) yield lines;
  for await (const chunk of rest) {
    lines = take(carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), false);
    if (lines.length) yield lines;
  }
  if (carry.length) {
    lines = take(carry, true);
    if (lines.length) yield lines;
  }
}

function utf8Error(part: Buffer, offset: number, what: string, final: boolean): InputError {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(part, { stream: true });
    if (final) return new InputError(`${what} ends in the middle of a character; the file looks truncated`);
  } catch {
    // invalid, not merely cut short: reported below
  }
  // The first replacement character marks the bad byte (error path only, so decoding twice is fine).
  const decoded = part.toString('utf8');
  const at = offset + Buffer.byteLength(decoded.slice(0, Math.max(0, decoded.indexOf('\uFFFD'))));
  return new InputError(`${what} is not valid UTF-8 text (bad byte near offset ${at}); is it a binary file or another encoding?`);
}

/** UTF-16 (rare; iOS) goes through a streaming TextDecoder. */
async function* decodedLines(encoding: TextEncoding, first: Uint8Array, rest: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<string[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let pending = '';
  let lineCount = 0;
  const take = (chunk: Uint8Array): string[] => {
    let text: string;
    try {
      text = pending + decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(`${what} is not valid ${encoding.toUpperCase()} text; is it a binary file or another encoding?`);
    }
    const heldCR = text.endsWith('\r');
    const lines = splitLines(heldCR ? text.slice(0, -1) : text);
    pending = lines.pop()! + (heldCR ? '\r' : '');
    if (pending.length > MAX_LINE_CHARS) {
      throw new InputError(`${what} has a line longer than ${MAX_LINE_CHARS / 1024 / 1024} Mi characters at line ${lineCount + lines.length + 1}; not a chat export`);
    }
    lineCount += lines.length;
    return lines;
  };
  let lines = take(first);
  if (lines.length) yield lines;
  for await (const chunk of rest) {
    lines = take(chunk);
    if (lines.length) yield lines;
  }
  try {
    pending += decoder.decode();
  } catch {
    throw new InputError(`${what} ends in the middle of a character; the file looks truncated`);
  }
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending.length > 0) yield [pending];
}

/** The encoding of a text and whether it began with a byte-order mark, to write it back alike. */
export interface TextForm {
  encoding: TextEncoding;
  bom: boolean;
}

export function textForm(head: Uint8Array, what: string): TextForm {
  const encoding = sniffEncoding(head, what);
  const bom = encoding === 'utf-8' ? head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
    : encoding === 'utf-16le' ? head[0] === 0xff && head[1] === 0xfe : head[0] === 0xfe && head[1] === 0xff;
  return { encoding, bom };
}

/**
 * Encodes lines read by `readLinesWithEnds` back into the form they were read in. A UTF-8 BOM
 * travels inside the first line; a UTF-16 BOM is written before the first text.
 */
export function encodeText(text: string, form: TextForm, first: boolean): Buffer {
  const bom = first && form.bom && form.encoding !== 'utf-8' ? '\uFEFF' : '';
  if (form.encoding === 'utf-8') return Buffer.from(bom + text, 'utf8');
  const le = Buffer.from(bom + text, 'utf16le');
  return form.encoding === 'utf-16le' ? le : le.swap16();
}

const LINE_WITH_END = /[^\r\n]*(?:\r\n|\r|\n)/g;

/**
 * Streams lines with their own line ends attached (`"text\r\n"`), so a writer can reproduce the
 * source byte for byte; the last line has no end when the file has none. A UTF-8 BOM stays at
 * the start of the first line, as git sees it (so a diff that touches line 1 applies).
 */
export async function* readLinesWithEnds(chunks: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<string[]> {
  let decoder: TextDecoder | undefined;
  let pending = '';
  for await (const chunk of chunks) {
    if (!decoder) {
      if (chunk.length === 0) continue;
      const encoding = sniffEncoding(chunk, what);
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === 'utf-8' });
    }
    pending += decoder.decode(chunk, { stream: true });
    // A CR at the end may be the first half of a CRLF: keep it for the next chunk.
    let cut = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r')) + 1;
    if (cut === pending.length && pending.endsWith('\r')) cut--;
    if (cut <= 0) continue;
    const lines = pending.slice(0, cut).match(LINE_WITH_END) ?? [];
    pending = pending.slice(cut);
    if (lines.length) yield lines;
  }
  if (!decoder) return;
  pending += decoder.decode();
  if (pending) yield pending.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
