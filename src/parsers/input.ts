import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { openZip, type ZipArchive } from './zip';

const HEAD_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

/**
 * An export on disk as the parsers see it: a plain file or a zip read in place. Formats read
 * the bytes they need through it and never touch the file system themselves.
 */
export interface ExportInput {
  path: string;
  /** File name without folders, used for messages and title guesses. */
  fileName: string;
  zip: ZipArchive | null;
  /** First bytes of the file itself, or of an entry of the zip. */
  head(entry?: string): Promise<Uint8Array>;
  /** The bytes of the file itself, or of an entry of the zip, as a stream of chunks. */
  open(entry?: string): AsyncIterable<Uint8Array>;
  /** Names of files beside a plain file (an unzipped export keeps media next to the chat). */
  siblings(): Promise<Set<string>>;
  close(): void;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

async function readHead(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= HEAD_BYTES) break;
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

export async function openExport(filePath: string): Promise<ExportInput> {
  const fileName = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch {
    throw new InputError(`${filePath}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${fileName} is a folder; give the export file (.txt or .zip)`);
  if (stat.size === 0) throw new InputError(`${fileName} is empty`);

  const fileHead = await readHead(fs.createReadStream(filePath, { end: HEAD_BYTES - 1 }));
  const isZip = startsWith(fileHead, ZIP_MAGIC) || startsWith(fileHead, EMPTY_ZIP_MAGIC);
  const zip = isZip ? await openZip(filePath, fileName) : null;
  let siblings: Set<string> | undefined;

  const open = (entry?: string): AsyncIterable<Uint8Array> => {
    if (entry !== undefined) {
      if (!zip) throw new InputError(`${fileName} is not a zip`);
      return zip.openEntry(entry);
    }
    return fs.createReadStream(filePath, { highWaterMark: READ_CHUNK });
  };
  return {
    path: filePath,
    fileName,
    zip,
    head: async (entry) => (entry === undefined ? fileHead : readHead(open(entry))),
    open,
    async siblings() {
      siblings ??= new Set(await fs.promises.readdir(path.dirname(filePath)).catch(() => []));
      return siblings;
    },
    close: () => zip?.close(),
  };
}
