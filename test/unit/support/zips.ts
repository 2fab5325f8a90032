import * as yazl from 'yazl';

export interface ZipEntrySpec {
  name: string;
  data: string | Uint8Array;
  /** Deflate (default) or store. A name ending in `/` is a folder entry (data ignored). */
  compress?: boolean;
}

/** Builds a zip in memory with yazl. */
export function makeZip(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.name.endsWith('/')) zip.addEmptyDirectory(e.name);
    else zip.addBuffer(Buffer.from(e.data), e.name, { compress: e.compress ?? true, mtime: new Date(2024, 0, 13, 18, 0, 0) });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (b: Buffer) => parts.push(b));
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    zip.outputStream.on('error', reject);
  });
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/** Offsets of the local and central headers whose file name is `name`. */
function headersOf(zip: Buffer, name: string): { local: number[]; central: number[] } {
  const wanted = Buffer.from(name, 'utf8');
  const found = { local: [] as number[], central: [] as number[] };
  for (let i = 0; i + 46 <= zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === LOCAL_HEADER && zip.readUInt16LE(i + 26) === wanted.length
      && zip.subarray(i + 30, i + 30 + wanted.length).equals(wanted)) found.local.push(i);
    if (sig === CENTRAL_HEADER && zip.readUInt16LE(i + 28) === wanted.length
      && zip.subarray(i + 46, i + 46 + wanted.length).equals(wanted)) found.central.push(i);
  }
  if (found.local.length !== 1 || found.central.length !== 1) throw new Error(`entry ${name} not found once in the zip`);
  return found;
}

/**
 * Renames an entry in place, in its local and central header (yazl refuses names like
 * `../evil.txt`, so tests build with a same-length stand-in and patch it).
 */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from, 'utf8');
  const b = Buffer.from(to, 'utf8');
  if (a.length !== b.length) throw new Error('names must have the same length in bytes');
  const out = Buffer.from(zip);
  const { local, central } = headersOf(out, from);
  b.copy(out, local[0] + 30);
  b.copy(out, central[0] + 46);
  return out;
}

/** Makes both headers of an entry claim another uncompressed size. */
export function lieAboutSize(zip: Buffer, name: string, uncompressedSize: number): Buffer {
  const out = Buffer.from(zip);
  const { local, central } = headersOf(out, name);
  out.writeUInt32LE(uncompressedSize, local[0] + 22);
  out.writeUInt32LE(uncompressedSize, central[0] + 24);
  return out;
}
