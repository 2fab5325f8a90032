import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** sha256 of a file, streamed so size never matters. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
