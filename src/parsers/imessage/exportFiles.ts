import * as path from 'node:path';
import type { ExportInput } from '../input';

/** Where a zip keeps a file that a chat names by a relative path: relative to the chat's entry. */
export function attachmentEntry(chatEntry: string, name: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(chatEntry), name));
}

/** How messages name the chat text: the file, or the zip and its entry. */
export function chatName(input: ExportInput, entry: string | undefined): string {
  return entry ? `${input.fileName} (${JSON.stringify(entry)})` : input.fileName;
}

/** A file name without folders and extension, as a title. */
export function stem(name: string): string {
  return path.posix.parse(name.replace(/\\/g, '/')).name;
}

/**
 * Tells whether the export holds a file a message names: in a zip, an entry at that path relative
 * to the chat; for a plain file, a file of that name beside it (ExportInput lists no deeper).
 */
export async function presenceIn(input: ExportInput, entry: string | undefined): Promise<(name: string) => boolean> {
  const zip = input.zip;
  if (zip) return (name) => entry !== undefined && zip.entries.has(attachmentEntry(entry, name));
  const siblings = await input.siblings();
  return (name) => siblings.has(path.posix.normalize(name));
}

/** The zip entries with one of `extensions` whose first bytes `accepts`, in archive order. */
export async function zipEntriesWhere(input: ExportInput, extensions: RegExp, accepts: (head: Uint8Array) => boolean): Promise<string[]> {
  if (!input.zip) return [];
  const found: string[] = [];
  for (const name of input.zip.entries.keys()) {
    if (!extensions.test(name) || path.posix.basename(name).startsWith('._')) continue;
    if (accepts(await input.head(name))) found.push(name);
  }
  return found;
}
