import { Readable, pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import type { SourceRef } from '../../model/conversation';
import { InputError } from '../../model/errors';
import { MAX_LINE_CHARS, sniffEncoding } from '../text';

/** One CSV record and the lines of the file that hold it (a quoted field may span several). */
export interface CsvRecord {
  fields: string[];
  source: SourceRef;
}

export type Delimiter = ',' | ';' | '\t';

const LINE_BREAK = /\r\n|\r|\n/g;

function countBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** Line breaks before the first character that is not one: the empty lines a record's raw text starts with. */
function leadingBreaks(raw: string): number {
  const lead = /^[\r\n]*/.exec(raw)![0];
  return countBreaks(lead);
}

/** Bytes gathered before the encoding is sniffed, as readLines does. */
const SNIFF_BYTES = 4096;

/** Decodes bytes (UTF-8 or UTF-16, as text.ts sniffs them) into text chunks, without a BOM. */
async function* decodeText(chunks: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head: Uint8Array[] = [];
  let headSize = 0;
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder!.decode(bytes, { stream: true }) : decoder!.decode();
    } catch {
      throw new InputError(`${what} is not valid ${decoder!.encoding.toUpperCase()} text (or ends in the middle of a character); is it a binary file or another encoding?`);
    }
  };
  const start = (): string => {
    const first = Buffer.concat(head);
    head = [];
    decoder = new TextDecoder(sniffEncoding(first, what), { fatal: true });
    return decode(first);
  };
  for await (const chunk of chunks) {
    let text = '';
    if (decoder) text = decode(chunk);
    else {
      head.push(chunk);
      headSize += chunk.length;
      if (headSize >= SNIFF_BYTES) text = start();
    }
    if (text) yield text;
  }
  let rest = !decoder && headSize > 0 ? start() : '';
  if (decoder) rest += decode();
  if (rest) yield rest;
}

/**
 * Streams the records of a CSV with the exact lines each occupies. csv-parse's `raw` text of a
 * record starts with the empty lines skipped before it and ends with (the first character of) its
 * record delimiter, so counting its line breaks the way readLines does keeps a running line
 * number that matches what the cleaner sees. A malformed record becomes an InputError naming the
 * line it starts on, raised in its place in the stream: csv-parse reports it (`on_skip`) while
 * the records parsed before it may still be on their way, so it waits for them.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  delimiter: Delimiter,
  what: string,
): AsyncGenerator<CsvRecord> {
  const malformed: CsvError[] = [];
  const parser = parse({
    delimiter,
    raw: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_CHARS,
    skip_records_with_error: true,
    on_skip: (e) => {
      if (e) malformed.push(e);
    },
  });
  pipeline(Readable.from(decodeText(chunks, what)), parser, () => undefined);
  let linesBefore = 0;
  let headerLength = 0;
  let count = 0;
  const refuse = (e: CsvError) => csvInputError(e, linesBefore + leadingBreaks(typeof e.raw === 'string' ? e.raw : '') + 1, headerLength, what);
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    // `records` is how many records came before the malformed one.
    if (malformed.length && (malformed[0].records as number) <= count) throw refuse(malformed[0]);
    const leading = leadingBreaks(raw);
    const breaks = countBreaks(raw);
    const endsWithBreak = raw.endsWith('\n') || raw.endsWith('\r');
    const source = { line: linesBefore + leading + 1, lines: breaks - leading + (endsWithBreak ? 0 : 1) };
    linesBefore += breaks;
    headerLength ||= record.length;
    count++;
    yield { fields: record, source };
  }
  if (malformed.length) throw refuse(malformed[0]);
}

function csvInputError(e: CsvError, line: number, headerLength: number, what: string): InputError {
  switch (e.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = Array.isArray(e.record) ? e.record.length : '?';
      return new InputError(`${what}: the record at line ${line} has ${got} fields where the header has ${headerLength}`);
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new InputError(`${what}: the quoted field of the record at line ${line} is never closed; the file looks truncated`);
    case 'CSV_MAX_RECORD_SIZE':
      return new InputError(`${what}: the record at line ${line} is longer than ${MAX_LINE_CHARS / 1024 / 1024} Mi characters; an unterminated quote?`);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new InputError(`${what}: the record at line ${line} has a stray quote (text after a closing quote, or a quote inside an unquoted field)`);
    default:
      return new InputError(`${what}: the record at line ${line} is not valid CSV (${e.message.replace(/\s+/g, ' ')})`);
  }
}
