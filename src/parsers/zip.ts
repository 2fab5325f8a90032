import * as yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import { InputError } from '../model/errors';

/** Limits that make a zip bomb an input error instead of a full disk or memory. */
export const ZIP_LIMITS = {
  maxEntries: 200_000,
  maxTotalUncompressed: 32 * 1024 ** 3,
  /** Deflate ratio above which a large entry is treated as a bomb (chat text compresses ~5–20×). */
  maxRatio: 200,
  ratioCheckAbove: 16 * 1024 ** 2,
};

export interface ZipEntryInfo {
  /** Path inside the archive, `/`-separated, validated to stay inside it. */
  name: string;
  size: number;
  modified: Date;
}

/**
 * A zip read in place from its central directory: entries stream out on demand and nothing is
 * ever extracted to disk. yauzl refuses absolute and `../` entry names while listing.
 */
export interface ZipArchive {
  /** The files, by path. */
  entries: Map<string, ZipEntryInfo>;
  /** Folder entries (`name/`), which hold no data; a rewritten zip keeps them. */
  folders: ZipEntryInfo[];
  openEntry(name: string): AsyncIterable<Uint8Array>;
  close(): void;
}

// Entry names are quoted with JSON.stringify: a name may hold a line break, and a message is one line.
function zipError(what: string, e: unknown): InputError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(msg)) {
    const entry = msg.replace(/^[^:]*:\s*/, '');
    return new InputError(`${what} holds an entry whose path leaves the archive (${JSON.stringify(entry)}); refusing to read it`);
  }
  if (/end of central directory|central directory|signature|unexpected EOF|not enough bytes/i.test(msg)) {
    return new InputError(`${what} is not a readable zip: it is truncated or corrupt (${msg})`);
  }
  if (/too many bytes|expected .* bytes|compressed size/i.test(msg)) {
    return new InputError(`${what}: an entry does not match its declared size (${msg}); refusing a possible zip bomb`);
  }
  return new InputError(`${what} is not a readable zip (${msg})`);
}

/** Opens a zip from a local file, or from its bytes (an export read through VS Code's file system). */
export async function openZip(source: string | Uint8Array, what: string): Promise<ZipArchive> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true };
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, z?: yauzl.ZipFile) => (err || !z ? reject(zipError(what, err)) : resolve(z));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, done);
  });
  const raw = new Map<string, yauzl.Entry>();
  const entries = new Map<string, ZipEntryInfo>();
  const folders: ZipEntryInfo[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e) => reject(zipError(what, e)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= ZIP_LIMITS.maxEntries) return reject(new InputError(`${what} has more than ${ZIP_LIMITS.maxEntries} entries; refusing a possible zip bomb`));
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.maxTotalUncompressed) return reject(new InputError(`${what} would unpack to more than ${ZIP_LIMITS.maxTotalUncompressed / 1024 ** 3} GiB; refusing a possible zip bomb`));
        if (entry.uncompressedSize > ZIP_LIMITS.ratioCheckAbove
          && entry.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressedSize)) {
          return reject(new InputError(`${what}: entry ${JSON.stringify(entry.fileName)} expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× to ${entry.uncompressedSize} bytes; refusing a possible zip bomb`));
        }
        const info = { name: entry.fileName, size: entry.uncompressedSize, modified: entry.getLastModDate() };
        if (entry.fileName.endsWith('/')) folders.push(info);
        else {
          raw.set(entry.fileName, entry);
          entries.set(entry.fileName, info);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    entries,
    folders,
    close: () => zip.close(),
    openEntry(name: string): AsyncIterable<Uint8Array> {
      const entry = raw.get(name);
      if (!entry) throw new InputError(`${what} has no entry ${JSON.stringify(name)}`);
      return {
        async *[Symbol.asyncIterator]() {
          const stream = await new Promise<Readable>((resolve, reject) =>
            zip.openReadStream(entry, (err, s) => (err || !s ? reject(zipError(what, err)) : resolve(s))));
          try {
            for await (const chunk of stream) yield chunk as Uint8Array;
          } catch (e) {
            throw e instanceof InputError ? e : zipError(`${what}: entry ${JSON.stringify(name)}`, e);
          } finally {
            stream.destroy();
          }
        },
      };
    },
  };
}
