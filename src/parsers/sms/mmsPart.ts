import { InputError } from '../../model/errors';
import type { PartData } from './partData';

/** The bytes of a file between two offsets, from its stream of chunks; stops reading at `end`. */
async function* byteRange(chunks: AsyncIterable<Uint8Array>, start: number, end: number): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for await (const chunk of chunks) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, chunk.length);
    if (from < to) yield chunk.subarray(from, to);
    offset += chunk.length;
    if (offset >= end) return;
  }
}

/** Decodes base64 as it streams, carrying the characters of an incomplete quad to the next chunk. */
async function* decodeBase64(chunks: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<Uint8Array> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + Buffer.from(chunk).toString('latin1').replace(/\s+/g, '');
    if (/[^A-Za-z0-9+/=]/.test(text)) throw new InputError(`${what}: the data of this MMS part is not base64`);
    const whole = text.length - (text.length % 4);
    if (whole > 0) yield Buffer.from(text.slice(0, whole), 'base64');
    carry = text.slice(whole);
  }
  if (carry.length === 1) throw new InputError(`${what}: the data of this MMS part ends in the middle of a base64 group`);
  if (carry) yield Buffer.from(carry, 'base64');
}

/** Streams the decoded bytes of one part's data, reading the file again up to its end. */
export function partBytes(file: AsyncIterable<Uint8Array>, data: PartData, what: string): AsyncGenerator<Uint8Array> {
  return decodeBase64(byteRange(file, data.start, data.end), what);
}
