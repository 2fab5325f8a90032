import { InputError } from '../../model/errors';
import { readLines } from '../text';

/**
 * The decoded `rsmf.zip` is held in memory to be read as a zip (its central directory is at its
 * end); beyond this it is refused rather than allowed to exhaust memory.
 */
export const MAX_RSMF_ZIP_BYTES = 512 * 1024 ** 2;

export const ZIP_ATTACHMENT = 'rsmf.zip';

/** Header fields by lower-case name (the first of repeated ones), folded lines unfolded. */
export type MailHeaders = Map<string, string>;

/** Gathers the lines of a header block up to the blank line that ends it. */
class HeaderBlock {
  private readonly fields: string[] = [];

  /** Takes one line; true when it was the blank line ending the block. */
  line(line: string): boolean {
    if (line === '') return true;
    if (/^[ \t]/.test(line) && this.fields.length) this.fields[this.fields.length - 1] += ' ' + line.trim();
    else this.fields.push(line);
    return false;
  }

  headers(): MailHeaders {
    const headers: MailHeaders = new Map();
    for (const field of this.fields) {
      const colon = field.indexOf(':');
      if (colon <= 0) continue;
      const name = field.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, field.slice(colon + 1).trim());
    }
    return headers;
  }
}

/** A parameter of a structured header (`boundary`, `filename`, `name`), unquoted. */
export function headerParameter(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]) : undefined;
}

function mediaType(headers: MailHeaders): string {
  return (headers.get('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
}

function isZipAttachment(headers: MailHeaders): boolean {
  const name = headerParameter(headers.get('content-disposition'), 'filename') ?? headerParameter(headers.get('content-type'), 'name');
  return name?.toLowerCase() === ZIP_ATTACHMENT;
}

/**
 * Decodes base64 lines into bytes, a megabyte of text at a time (a buffer per 76-character line
 * would cost more in overhead than the data itself).
 */
class Base64Decoder {
  private readonly parts: Buffer[] = [];
  private size = 0;
  private pending = '';

  constructor(private readonly what: string, private readonly limit: number) {}

  line(line: string, lineNo: number): void {
    const text = line.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new InputError(`${this.what}: line ${lineNo} of the rsmf.zip attachment is not base64`);
    this.pending += text;
    if (this.pending.length >= 1024 * 1024) this.decode(this.pending.length - (this.pending.length % 4));
  }

  bytes(): Buffer {
    this.decode(this.pending.length);
    return Buffer.concat(this.parts);
  }

  private decode(length: number): void {
    const bytes = Buffer.from(this.pending.slice(0, length), 'base64');
    this.pending = this.pending.slice(length);
    this.size += bytes.length;
    if (this.size > this.limit) {
      throw new InputError(`${this.what}: its rsmf.zip is larger than ${this.limit / 1024 ** 2} MiB; refusing to unpack it into memory`);
    }
    this.parts.push(bytes);
  }
}

type State = 'headers' | 'part headers' | 'zip' | 'skip';

/**
 * Reads an RSMF file as far as RSMF needs: the RFC 5322 header (which must carry
 * `X-RSMF-Version`), the MIME multipart structure (nested multiparts included) and the one
 * base64 part that is the `rsmf.zip` attachment, decoded. Other parts are skipped unread; the
 * header fields are returned unfolded, by lower-case name.
 */
export async function readRsmfMail(chunks: AsyncIterable<Uint8Array>, what: string, limit = MAX_RSMF_ZIP_BYTES): Promise<{ headers: MailHeaders; zip: Buffer }> {
  let state: State = 'headers';
  let block = new HeaderBlock();
  let headers: MailHeaders | undefined;
  /** The open multiparts' boundaries, innermost last. */
  const boundaries: string[] = [];
  let decoder: Base64Decoder | undefined;
  let zip: Buffer | undefined;
  let lineNo = 0;

  const finishZip = () => {
    if (state === 'zip') zip = decoder!.bytes();
  };
  const boundaryAt = (line: string): { index: number; last: boolean } | undefined => {
    if (!line.startsWith('--')) return undefined;
    for (let index = boundaries.length - 1; index >= 0; index--) {
      if (!line.startsWith(boundaries[index], 2)) continue;
      const rest = line.slice(2 + boundaries[index].length).trimEnd();
      if (rest === '' || rest === '--') return { index, last: rest === '--' };
    }
    return undefined;
  };
  const openMultipart = (fields: MailHeaders, where: string): boolean => {
    if (!mediaType(fields).startsWith('multipart/')) return false;
    const boundary = headerParameter(fields.get('content-type'), 'boundary');
    if (!boundary) throw new InputError(`${what}: the multipart ${where} (line ${lineNo}) names no boundary`);
    boundaries.push(boundary);
    return true;
  };

  for await (const lines of readLines(chunks, what)) {
    for (const line of lines) {
      lineNo++;
      if (state === 'headers' || state === 'part headers') {
        if (!block.line(line)) continue;
        const fields = block.headers();
        block = new HeaderBlock();
        const top = state === 'headers';
        if (top) {
          headers = fields;
          if (!headers.has('x-rsmf-version')) throw new InputError(`${what} is not an RSMF file: its header has no X-RSMF-Version`);
        }
        // The zip is normally a part of a multipart/mixed message; a message may also be just the attachment.
        if (openMultipart(fields, top ? 'message' : 'part')) {
          state = 'skip';
        } else if (isZipAttachment(fields)) {
          if (zip || decoder) throw new InputError(`${what} has more than one rsmf.zip attachment`);
          const encoding = (fields.get('content-transfer-encoding') ?? '7bit').toLowerCase();
          if (encoding !== 'base64') throw new InputError(`${what}: its rsmf.zip attachment is not base64-encoded (${encoding})`);
          decoder = new Base64Decoder(what, limit);
          state = 'zip';
        } else if (top) {
          throw new InputError(`${what} has no rsmf.zip attachment (it is not a multipart message)`);
        } else {
          state = 'skip';
        }
        continue;
      }
      const boundary = boundaryAt(line);
      if (boundary) {
        finishZip();
        boundaries.length = boundary.last ? boundary.index : boundary.index + 1;
        state = boundary.last ? 'skip' : 'part headers';
      } else if (state === 'zip') {
        decoder!.line(line, lineNo);
      }
    }
  }
  if (!headers) throw new InputError(`${what} ends inside its header; the file looks truncated`);
  finishZip();
  if (!zip) throw new InputError(`${what} has no rsmf.zip attachment`);
  return { headers, zip };
}

/** Whether a text sample starts with a mail header that names an RSMF version. */
export function looksLikeRsmfMail(sample: string): boolean {
  const end = sample.search(/\r?\n\r?\n/);
  const header = end < 0 ? sample : sample.slice(0, end);
  return /^[\w-]+:/.test(header) && /^X-RSMF-Version:/im.test(header);
}
