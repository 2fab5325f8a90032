import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256File } from '../model';
import { InputError } from '../model/errors';
import type { ExportSource } from '../parsers';

/**
 * Where an export and its sidecar live. Local exports are read from disk directly (streaming,
 * and cleaning writes beside them); anything else — a Live Share guest's `vsls:` file — goes
 * through VS Code's file system, which the extension passes in as a `FileStore`.
 */
export interface ExportLocation {
  /** A local path, or a URI string for exports that are not on this machine's disk. */
  id: string;
  fileName: string;
  /** The path on this machine's disk; cleaning and verifying need one. */
  localPath: string | undefined;
  /** The export's bytes (or path) for the parsers, and their sha256. */
  read(): Promise<{ source: ExportSource; sha256: string }>;
  /** A file in the export's folder, or undefined when it is missing or larger than `maxBytes`. */
  readSibling(name: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** The sidecar's text (of one conversation of a file that holds several), or undefined when there is none yet. */
  readSidecar(conversation?: string): Promise<string | undefined>;
  /** Replaces the sidecar atomically: readers see the old or the new text, never half. */
  writeSidecar(text: string, conversation?: string): Promise<void>;
}

/**
 * The sidecar beside an export (a path, or just a file name); one per conversation for files
 * that hold several, its id made safe for a file name (the sidecar itself records the id).
 */
export function sidecarPath(exportPath: string, conversation?: string): string {
  return conversation === undefined ? `${exportPath}.chatreview.json` : `${exportPath}.${conversation.replace(/[^\w.+@-]/g, '_')}.chatreview.json`;
}

function cannotWrite(file: string, code: string | undefined): InputError | undefined {
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') {
    return new InputError(`cannot write ${path.basename(file)} in ${path.dirname(file)} (${code === 'ENOSPC' ? 'disk full' : 'no permission'})`);
  }
  return undefined;
}

/** Writes a file so that readers see the old or the new content, never half of it. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  let created = false;
  try {
    await fs.promises.writeFile(tmp, data, { flag: 'wx' });
    created = true;
    await fs.promises.rename(tmp, file);
  } catch (e) {
    if (created) await fs.promises.rm(tmp, { force: true });
    throw cannotWrite(file, (e as NodeJS.ErrnoException).code) ?? e;
  }
}

export function localExport(exportPath: string): ExportLocation {
  return {
    id: exportPath,
    fileName: path.basename(exportPath),
    localPath: exportPath,
    read: async () => ({ source: exportPath, sha256: await sha256File(exportPath) }),
    async readSibling(name, maxBytes) {
      const folder = path.resolve(path.dirname(exportPath));
      const file = path.resolve(folder, name);
      if (!file.startsWith(folder + path.sep)) return undefined;
      const size = (await fs.promises.stat(file).catch(() => undefined))?.size;
      return size === undefined || size > maxBytes ? undefined : fs.promises.readFile(file);
    },
    readSidecar: (conversation) => fs.promises.readFile(sidecarPath(exportPath, conversation), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw new InputError(`cannot read ${path.basename(sidecarPath(exportPath, conversation))}: ${e.message}`);
    }),
    writeSidecar: (text, conversation) => writeFileAtomic(sidecarPath(exportPath, conversation), text),
  };
}

/** The part of `vscode.workspace.fs` an export needs, with URIs as the caller's own type. */
export interface FileStore<U> {
  readFile(uri: U): PromiseLike<Uint8Array>;
  writeFile(uri: U, content: Uint8Array): PromiseLike<void>;
  rename(from: U, to: U, options: { overwrite: boolean }): PromiseLike<void>;
  delete(uri: U): PromiseLike<void>;
  readDirectory(uri: U): PromiseLike<[string, number][]>;
  stat(uri: U): PromiseLike<{ size: number }>;
  isMissing(error: unknown): boolean;
}

/** Files beside a stored export, as `siblings()` lists them for local ones (fewer: each folder is a round trip). */
async function listStored<U>(store: FileStore<U>, sibling: (name: string) => U): Promise<Set<string>> {
  const found = new Set<string>();
  let level = [''];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries = await Promise.resolve(store.readDirectory(sibling(folder || '.'))).catch(() => [] as [string, number][]);
      for (const [name, type] of entries) {
        if (found.size >= 20_000) return found;
        const rel = folder ? `${folder}/${name}` : name;
        // FileType.Directory is 2 (a bit flag; symbolic links add 64).
        if (type & 2) {
          if (!name.startsWith('.')) next.push(rel);
        } else found.add(rel);
      }
    }
    level = next;
  }
  return found;
}

/**
 * An export read through a `FileStore` (VS Code's file system for `vsls:` and other remote
 * files). It is read into memory once; the sidecar is written to a temporary name and renamed
 * over the old one, so the host's disk never holds half a sidecar.
 */
export function storedExport<U>(
  store: FileStore<U>,
  exportUri: U,
  { id, fileName, sibling }: { id: string; fileName: string; sibling: (name: string) => U },
): ExportLocation {
  const sidecar = (conversation?: string) => sibling(sidecarPath(fileName, conversation));
  const what = (e: unknown) => (e instanceof Error ? e.message : String(e));
  return {
    id,
    fileName,
    localPath: undefined,
    async read() {
      const bytes = await Promise.resolve(store.readFile(exportUri)).catch((e: unknown) => {
        throw new InputError(store.isMissing(e) ? `${fileName}: no such file` : `cannot read ${fileName}: ${what(e)}`);
      });
      return {
        source: { fileName, bytes, siblings: await listStored(store, sibling) },
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
    async readSibling(name, maxBytes) {
      const uri = sibling(name);
      const size = await Promise.resolve(store.stat(uri)).then((s) => s.size, () => undefined);
      return size === undefined || size > maxBytes ? undefined : store.readFile(uri);
    },
    readSidecar: (conversation) => Promise.resolve(store.readFile(sidecar(conversation))).then((b) => new TextDecoder().decode(b), (e: unknown) => {
      if (store.isMissing(e)) return undefined;
      throw new InputError(`cannot read ${sidecarPath(fileName, conversation)}: ${what(e)}`);
    }),
    async writeSidecar(text, conversation) {
      const name = sidecarPath(fileName, conversation);
      const tmp = sibling(`.${name}.${randomUUID()}.tmp`);
      try {
        await store.writeFile(tmp, new TextEncoder().encode(text));
        await store.rename(tmp, sidecar(conversation), { overwrite: true });
      } catch (e) {
        await Promise.resolve(store.delete(tmp)).catch(() => undefined);
        throw new InputError(`cannot write ${name}: ${what(e)}`);
      }
    },
  };
}
