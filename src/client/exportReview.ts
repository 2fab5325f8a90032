import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyReviewLines, emptyReviewState, lineId, marksFromState, paginate, readReviewLine, readReviewState,
  renderReviewDocument, ReviewLineError, sha256File, type Message, type Page, type ParsedExport, type ReviewHeader,
  type ReviewLine, type ReviewState, type Stamp,
} from '../model';
import { InputError } from '../model/errors';
import type { PageRequest } from '../model/protocol';
import { readExport } from '../parsers';
import { openExport } from '../parsers/input';

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp' };
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;

export function sidecarPath(exportPath: string): string {
  return `${exportPath}.chatreview.json`;
}

/** Writes a file so that readers see the old or the new content, never half of it. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.promises.writeFile(tmp, data, { flag: 'wx' });
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * One export under review: its parsed messages, its pages, and the review state kept in the
 * sidecar beside it. Review documents (whole conversation or one page) are rendered from these.
 */
export class ExportReview {
  private constructor(
    readonly exportPath: string,
    readonly parsed: ParsedExport,
    readonly sha256: string,
    readonly pages: Page[],
    private state: ReviewState,
  ) {}

  static async load(exportPath: string, pageSize: number): Promise<ExportReview> {
    const [parsed, sha256] = await Promise.all([readExport(exportPath), sha256File(exportPath)]);
    const sidecar = sidecarPath(exportPath);
    let state = emptyReviewState(path.basename(exportPath), sha256);
    const json = await fs.promises.readFile(sidecar, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw new InputError(`cannot read ${path.basename(sidecar)}: ${e.message}`);
    });
    if (json !== undefined) state = readReviewState(json, path.basename(sidecar), sha256);
    return new ExportReview(exportPath, parsed, sha256, paginate(parsed.messages, pageSize), state);
  }

  get reviewState(): ReviewState {
    return this.state;
  }

  get fileName(): string {
    return path.basename(this.exportPath);
  }

  /** The page with this label; undefined (the whole conversation) when there are no pages. */
  page(label: string | undefined): Page | undefined {
    if (label === undefined) return undefined;
    const page = this.pages.find((p) => p.label === label);
    if (!page) throw new InputError(`${this.fileName} has no page ${label}`);
    return page;
  }

  /** Page labels in order; empty for a conversation that is not split. */
  get pageLabels(): string[] {
    return this.pages.map((p) => p.label);
  }

  pageOfMessage(index: number): Page | undefined {
    return this.pages.find((p) => index >= p.start && index < p.end);
  }

  private range(label: string | undefined): { start: number; end: number } {
    return this.page(label) ?? { start: 0, end: this.parsed.messages.length };
  }

  messages(label: string | undefined): Message[] {
    const { start, end } = this.range(label);
    return this.parsed.messages.slice(start, end);
  }

  header(label: string | undefined): ReviewHeader {
    const index = label === undefined ? -1 : this.pages.findIndex((p) => p.label === label);
    return {
      format: this.parsed.format,
      fileName: this.fileName,
      sha256: this.sha256,
      conversation: this.parsed.conversation,
      ...(index >= 0 ? { page: { label: label!, index, count: this.pages.length } } : {}),
    };
  }

  render(label: string | undefined): string {
    return renderReviewDocument(this.header(label), this.messages(label), marksFromState(this.state));
  }

  pageData(label: string | undefined): PageRequest.Result {
    const { start, end } = this.range(label);
    const all = this.parsed.messages;
    return { header: this.header(label), messages: all.slice(start, end), before: all[start - 1] ?? null, after: all[end] ?? null };
  }

  /**
   * Reads an edited review document back. Throws an InputError naming the first line whose
   * message text was changed, removed or duplicated; only tags and redactions may change.
   */
  readDocument(label: string | undefined, text: string): ReviewLine[] {
    const messages = this.messages(label);
    const byId = new Map(messages.map((m) => [m.id, m]));
    const lines = text.split(/\r?\n/);
    const read: ReviewLine[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.startsWith('#') || line.trim() === '') continue;
      const id = lineId(line);
      const m = id === undefined ? undefined : byId.get(id);
      if (!m) throw new InputError(`line ${i + 1} is not a message of this document`);
      byId.delete(m.id);
      try {
        read.push(readReviewLine(line, m));
      } catch (e) {
        if (e instanceof ReviewLineError) throw new InputError(`line ${i + 1}: ${e.message}`);
        throw e;
      }
    }
    const missing = byId.keys().next();
    if (!missing.done) throw new InputError(`message ${missing.value} is missing from the document; undo the deletion`);
    return read;
  }

  /**
   * An image attachment as a data: URI for hovers, read from the zip or the export's folder;
   * null for other types, missing or large files. Names come from the chat text, so only a
   * plain file name is accepted: nothing outside the export's folder is ever read.
   */
  async attachmentPreview(name: string): Promise<string | null> {
    const mime = IMAGE_TYPES[path.extname(name).toLowerCase()];
    if (!mime || name !== path.basename(name) || /[\\/]/.test(name) || name === '..') return null;
    const input = await openExport(this.exportPath);
    try {
      const entry = input.zip ? [...input.zip.entries.values()].find((e) => path.posix.basename(e.name) === name) : undefined;
      const file = path.join(path.dirname(this.exportPath), name);
      const size = input.zip ? entry?.size : (await fs.promises.stat(file).catch(() => undefined))?.size;
      if (size === undefined || size > MAX_PREVIEW_BYTES) return null;
      const chunks: Uint8Array[] = [];
      for await (const chunk of input.zip ? input.open(entry!.name) : fs.createReadStream(file)) chunks.push(chunk as Uint8Array);
      return `data:${mime};base64,${Buffer.concat(chunks).toString('base64')}`;
    } finally {
      input.close();
    }
  }

  /** Folds a saved review document into the state and writes the sidecar atomically. */
  async save(label: string | undefined, text: string, stamp: Stamp): Promise<void> {
    const next = applyReviewLines(this.state, this.readDocument(label, text), stamp);
    await writeFileAtomic(sidecarPath(this.exportPath), JSON.stringify(next, null, 2) + '\n');
    this.state = next;
  }
}
