import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { openZip, type ZipArchive, type ZipEntryInfo } from './zip';

const HEAD_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

/**
 * An export on disk as the parsers see it: a plain file or a zip read in place. Formats read
 * the bytes they need through it and never touch the file system themselves.
 */
export interface ExportInput {
  /** File name without folders, used for messages and title guesses. */
  fileName: string;
  zip: ZipArchive | null;
  /** Set when the export is a folder (of screenshots), read like an archive of its files. */
  folder?: boolean;
  /** First bytes of the file itself, or of an entry of the zip. */
  head(entry?: string): Promise<Uint8Array>;
  /** The bytes of the file itself, or of an entry of the zip, as a stream of chunks. */
  open(entry?: string): AsyncIterable<Uint8Array>;
  /**
   * Files beside a plain file, as `/`-separated paths relative to its folder, down to a few
   * folder levels (an unzipped export keeps media next to the chat, or in `media/`, `photos/`,
   * `chats/chat_001/files/`). Bounded: a file in a huge folder lists only so much.
   */
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

/**
 * An export whose bytes are already in memory: one that is not on this machine's disk, such as
 * a Live Share guest's, read through VS Code's file system.
 */
export interface ExportBytes {
  fileName: string;
  bytes: Uint8Array;
  /** Names of files beside the export (media of an unzipped export). */
  siblings: Set<string>;
}

/** A local file path, or the bytes of an export read elsewhere. */
export type ExportSource = string | ExportBytes;

export function sourceName(source: ExportSource): string {
  return typeof source === 'string' ? path.basename(source) : source.fileName;
}

export async function openExport(source: ExportSource): Promise<ExportInput> {
  return typeof source === 'string' ? openFile(source) : openBytes(source);
}

async function* chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += READ_CHUNK) yield bytes.subarray(at, at + READ_CHUNK);
}

async function openBytes({ fileName, bytes, siblings }: ExportBytes): Promise<ExportInput> {
  if (bytes.length === 0) throw new InputError(`${fileName} is empty`);
  const fileHead = bytes.subarray(0, HEAD_BYTES);
  const zip = isZip(fileHead) ? await openZip(bytes, fileName) : null;
  const open = (entry?: string): AsyncIterable<Uint8Array> => (entry === undefined ? chunksOf(bytes) : openEntry(zip, fileName, entry));
  return {
    fileName,
    zip,
    head: async (entry) => (entry === undefined ? fileHead : readHead(open(entry))),
    open,
    siblings: async () => siblings,
    close: () => zip?.close(),
  };
}

/** How deep and how many files `siblings()` looks at. */
export const SIBLING_LIMITS = { depth: 4, files: 100_000 };

/** The files under a folder as relative `/` paths, breadth first, within SIBLING_LIMITS. */
async function listFolder(root: string): Promise<Set<string>> {
  const found = new Set<string>();
  let level = [''];
  for (let depth = 0; depth < SIBLING_LIMITS.depth && level.length; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries = await fs.promises.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (found.size >= SIBLING_LIMITS.files) return found;
        const rel = folder ? `${folder}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && e.name !== 'node_modules') next.push(rel);
        } else found.add(rel);
      }
    }
    level = next;
  }
  return found;
}

function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC);
}

function openEntry(zip: ZipArchive | null, fileName: string, entry: string): AsyncIterable<Uint8Array> {
  if (!zip) throw new InputError(`${fileName} is not a zip`);
  return zip.openEntry(entry);
}

async function openFile(filePath: string): Promise<ExportInput> {
  const fileName = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch {
    throw new InputError(`${filePath}: no such file`);
  }
  if (stat.isDirectory()) return openFolder(filePath);
  if (stat.size === 0) throw new InputError(`${fileName} is empty`);

  const fileHead = await readHead(fs.createReadStream(filePath, { end: HEAD_BYTES - 1 }));
  const zip = isZip(fileHead) ? await openZip(filePath, fileName) : null;
  let siblings: Set<string> | undefined;

  const open = (entry?: string): AsyncIterable<Uint8Array> =>
    (entry === undefined ? fs.createReadStream(filePath, { highWaterMark: READ_CHUNK }) : openEntry(zip, fileName, entry));
  return {
    fileName,
    zip,
    head: async (entry) => (entry === undefined ? fileHead : readHead(open(entry))),
    open,
    async siblings() {
      siblings ??= await listFolder(path.dirname(filePath));
      return siblings;
    },
    close: () => zip?.close(),
  };
}

/** Files a folder export may hold at most (screenshots of one conversation). */
const FOLDER_LIMIT = 2_000;

/**
 * A folder given as the export (a folder of screenshots): read like an archive of the files
 * directly in it, so formats handle it as they handle a zip. Sub-folders and hidden files are
 * not part of it.
 */
export async function folderArchive(folderPath: string): Promise<ZipArchive> {
  const name = path.basename(folderPath);
  const dirents = await fs.promises.readdir(folderPath, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${name}: the folder cannot be read (${e.code ?? e.message})`);
  });
  const files = dirents.filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name).sort();
  if (files.length === 0) throw new InputError(`${name} is an empty folder`);
  if (files.length > FOLDER_LIMIT) throw new InputError(`${name} holds ${files.length} files; a folder export holds at most ${FOLDER_LIMIT}`);
  const entries = new Map<string, ZipEntryInfo>();
  for (const f of files) {
    const st = await fs.promises.stat(path.join(folderPath, f));
    entries.set(f, { name: f, size: st.size, modified: st.mtime });
  }
  return {
    entries,
    folders: [],
    openEntry(entry: string): AsyncIterable<Uint8Array> {
      if (!entries.has(entry)) throw new InputError(`${name} has no file ${JSON.stringify(entry)}`);
      return fs.createReadStream(path.join(folderPath, entry), { highWaterMark: READ_CHUNK });
    },
    close: () => undefined,
  };
}

async function openFolder(folderPath: string): Promise<ExportInput> {
  const fileName = path.basename(folderPath);
  const archive = await folderArchive(folderPath);
  return {
    fileName,
    zip: archive,
    folder: true,
    head: async (entry) => {
      if (entry === undefined) return new Uint8Array(0);
      return readHead(archive.openEntry(entry));
    },
    open: (entry) => {
      if (entry === undefined) throw new InputError(`${fileName} is a folder: name one of its files`);
      return archive.openEntry(entry);
    },
    siblings: async () => new Set(archive.entries.keys()),
    close: () => undefined,
  };
}
