import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** sha256 of text (as UTF-8) or bytes, in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * sha256 of an export, streamed so size never matters: a file's bytes; for a folder (of
 * screenshots) the sha256 of its listing, one `name NUL sha256` line per file directly in it,
 * sorted, so any changed, added or removed file changes it.
 */
export async function sha256File(filePath: string): Promise<string> {
  const stat = await fs.promises.stat(filePath);
  if (stat.isDirectory()) {
    const names = (await fs.promises.readdir(filePath, { withFileTypes: true }))
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    const listing = createHash('sha256');
    for (const name of names) listing.update(`${name}\0${await sha256OfFile(path.join(filePath, name))}\n`);
    return listing.digest('hex');
  }
  return sha256OfFile(filePath);
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
