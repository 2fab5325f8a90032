import * as path from 'node:path';
import {
  builtInPolicy, headerPolicy, withPolicy, type PolicyInForce,
  applyReviewLines, emptyReviewState, lineId, marksFromState, paginate, readReviewLine, readReviewState,
  renderReviewDocument, ReviewLineError, TAG_COLUMN_WIDTH, type Message, type Page, type ParsedExport, type ReviewHeader,
  type ReviewLine, type ReviewState, type SpotCheck, type Stamp,
} from '../model';
import { InputError, isInputError } from '../model/errors';
import type { PageRequest } from '../model/protocol';
import { getFormat, readExport, type ExportSource, type ParseOptions } from '../parsers';
import { openExport } from '../parsers/input';
import { readScreenshot } from '../parsers/screenshots/format';
import { cropScreenshot, decodeScreenshot, encodeScreenshot } from '../parsers/screenshots/pixels';
import { RADIUS } from '../server/detectors';
import { localExport, sidecarPath, type ExportLocation } from './exportLocation';

export { sidecarPath, writeFileAtomic } from './exportLocation';

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp' };
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;
/** A bubble is shown at most this many pixels wide in the hover. */
const BUBBLE_WIDTH = 480;

/** Redactions must fit their message's text and not overlap, or they cannot be shown. */
function checkRedactions(state: ReviewState, messages: readonly Message[], what: string): void {
  const length = new Map(messages.map((m) => [m.id, m.text.length]));
  const spans = [...(state.redactions ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.start - b.start));
  for (let i = 0; i < spans.length; i++) {
    const r = spans[i];
    const max = length.get(r.id);
    if (max === undefined) throw new InputError(`${what}: a redaction names ${r.id}, which the export does not have`);
    if (r.end > max) throw new InputError(`${what}: the redaction ${r.start}–${r.end} of ${r.id} runs past its text`);
    const previous = spans[i - 1];
    if (previous && previous.id === r.id && previous.end > r.start) throw new InputError(`${what}: two redactions of ${r.id} overlap`);
  }
}

function checkedState(json: string, exportName: string, conversation: string | undefined, sha256: string, messages: readonly Message[]): ReviewState {
  const what = sidecarPath(exportName, conversation);
  const state = readReviewState(json, what, sha256);
  if (state.export.conversation !== conversation) throw new InputError(`${what} reviews another conversation (${state.export.conversation ?? 'none'})`);
  checkRedactions(state, messages, what);
  return state;
}

/** The key a review is known by in the client: the export, and the conversation of a file that holds several. */
export function reviewIdOf(exportId: string, conversation: string | undefined): string {
  return conversation === undefined ? exportId : `${exportId}\0${conversation}`;
}

export function splitReviewId(reviewId: string): { exportId: string; conversation: string | undefined } {
  const at = reviewId.indexOf('\0');
  return at < 0 ? { exportId: reviewId, conversation: undefined } : { exportId: reviewId.slice(0, at), conversation: reviewId.slice(at + 1) };
}

/**
 * One export under review: its parsed messages, its pages, and the review state kept in the
 * sidecar beside it. Review documents (whole conversation or one page) are rendered from these.
 */
export class ExportReview {
  private constructor(
    readonly location: ExportLocation,
    /** The conversation of a file that holds several; undefined otherwise. */
    readonly conversation: string | undefined,
    /** What the parsers read: the local path, or the bytes of an export read elsewhere. */
    private readonly source: ExportSource,
    readonly parsed: ParsedExport,
    readonly sha256: string,
    readonly pages: Page[],
    private state: ReviewState,
    /** The sidecar as last read or written, to notice changes made elsewhere. */
    private sidecarText: string | undefined,
  ) {}

  /** Loads an export: a local path, or a location read through VS Code's file system. */
  static async load(
    where: string | ExportLocation,
    pageSize: number,
    conversation?: string,
    timeZone?: string,
    /** For screenshots: the OCR cache and progress, and cancelling the reading. */
    reading: { ocr?: ParseOptions['ocr']; signal?: AbortSignal } = {},
  ): Promise<ExportReview> {
    const location = typeof where === 'string' ? localExport(where) : where;
    const { source, sha256 } = await location.read();
    const parsed = await readExport(source, { conversation, timeZone, ...reading });
    const json = await location.readSidecar(conversation);
    const state = json === undefined
      ? emptyReviewState(location.fileName, sha256, conversation)
      : checkedState(json, location.fileName, conversation, sha256, parsed.messages);
    return new ExportReview(location, conversation, source, parsed, sha256, paginate(parsed.messages, pageSize), state, json);
  }

  /** The policy the review is shown and saved under (set by whoever opened it). */
  policy: PolicyInForce = builtInPolicy();

  /** The export's id: its local path, or its URI when it is elsewhere. */
  get exportId(): string {
    return this.location.id;
  }

  /** The key the client knows this review by (export and conversation). */
  get id(): string {
    return reviewIdOf(this.location.id, this.conversation);
  }

  /**
   * Takes over the sidecar when someone else changed it (a Live Share partner, another window).
   * Resolves true when the review state changed.
   */
  async reload(): Promise<boolean> {
    let changed = false;
    await this.queue(async () => {
      const json = await this.location.readSidecar(this.conversation);
      if (json === this.sidecarText) return;
      this.state = json === undefined
        ? emptyReviewState(this.fileName, this.sha256, this.conversation)
        : checkedState(json, this.fileName, this.conversation, this.sha256, this.parsed.messages);
      this.sidecarText = json;
      changed = true;
    });
    return changed;
  }

  get reviewState(): ReviewState {
    return this.state;
  }

  get fileName(): string {
    return this.location.fileName;
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

  /** A message by id, with the page that shows it and its line there (0-based); undefined if unknown. */
  locate(id: string): { message: Message; page: string | undefined; line: number } | undefined {
    const index = this.parsed.messages.findIndex((m) => m.id === id);
    if (index < 0) return undefined;
    const page = this.pageOfMessage(index)?.label;
    const line = this.render(page).split('\n').findIndex((l) => l.slice(TAG_COLUMN_WIDTH).startsWith(`${id} `));
    return { message: this.parsed.messages[index], page, line: Math.max(0, line) };
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
      policy: headerPolicy(this.policy, this.state.policy?.sha256),
    };
  }

  render(label: string | undefined): string {
    return renderReviewDocument(this.header(label), this.messages(label), marksFromState(this.state));
  }

  pageData(label: string | undefined): PageRequest.Result {
    const { start, end } = this.range(label);
    const all = this.parsed.messages;
    const messages = all.slice(start, end);
    const onPage = new Set(messages.map((m) => m.id));
    const disputes = (this.state.spotChecks ?? []).filter((c) => c.verdict === 'dispute' && onPage.has(c.id)).map((c) => ({ id: c.id, comment: c.comment ?? '' }));
    const before = all.slice(Math.max(0, start - RADIUS), start);
    const after = all.slice(end, end + RADIUS);
    return { header: this.header(label), messages, before, after, disputes, policy: this.policy.policy };
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
      if (!m) throw new InputError(id && messages.some((x) => x.id === id) ? `line ${i + 1}: ${id} appears twice` : `line ${i + 1} is not a message of this document`);
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
   * relative path inside the export's folder is accepted: nothing outside it is ever read.
   */
  async attachmentPreview(name: string): Promise<string | null> {
    const mime = IMAGE_TYPES[path.extname(name).toLowerCase()];
    // A relative path inside the export's folder (`media/x.jpg`), never `..`, absolute or `\`.
    if (!mime || path.posix.isAbsolute(name) || name.includes('\\') || name.split('/').some((part) => part === '..' || part === '')) return null;
    const bytes = await this.attachmentBytes(name);
    return bytes ? `data:${mime};base64,${Buffer.from(bytes).toString('base64')}` : null;
  }

  /**
   * A screenshot message's bubble, cropped from its image and scaled to the hover's width, as a
   * PNG data URI: small, since VS Code shows a hover's Markdown as raw text beyond 100,000
   * characters (a whole screenshot inlined would be several times that).
   */
  async bubblePreview(id: string): Promise<string | null> {
    const image = this.parsed.messages.find((m) => m.id === id)?.meta?.image;
    const input = image && (await openExport(this.source));
    if (!image || !input?.zip) return null;
    try {
      if (!input.zip.entries.has(image.file)) return null;
      const bubble = cropScreenshot(decodeScreenshot(await readScreenshot(input, image.file), image.file), image.box, BUBBLE_WIDTH);
      if (bubble.width === 0) return null;
      return `data:image/png;base64,${encodeScreenshot(bubble, 'bubble.png').toString('base64')}`;
    } catch (e) {
      // A screenshot that cannot be decoded just has no preview; the hover still shows its text.
      if (isInputError(e)) return null;
      throw e;
    } finally {
      input.close();
    }
  }

  /** An attachment from the zip, or from beside an unzipped export. */
  private async attachmentBytes(name: string): Promise<Uint8Array | undefined> {
    const input = await openExport(this.source);
    try {
      if (!input.zip) return await this.location.readSibling(name, MAX_PREVIEW_BYTES);
      const format = getFormat(this.parsed.format);
      const chat = await format?.chatEntry?.(input, { conversation: this.conversation });
      const entry = chat === undefined ? undefined : input.zip.entries.get(format?.attachmentEntry?.(chat, name) ?? name);
      if (!entry || entry.size > MAX_PREVIEW_BYTES) return undefined;
      const chunks: Uint8Array[] = [];
      for await (const chunk of input.open(entry.name)) chunks.push(chunk);
      return Buffer.concat(chunks);
    } finally {
      input.close();
    }
  }

  /** Folds a saved review document into the state and writes the sidecar atomically. */
  save(label: string | undefined, text: string, stamp: Stamp): Promise<void> {
    return this.update((state) => applyReviewLines(state, this.readDocument(label, text), stamp));
  }

  /** Records spot-check verdicts (a later verdict on a message replaces an earlier one) and the sample's seed. */
  recordSpotChecks(seed: number, checks: readonly SpotCheck[]): Promise<void> {
    const ids = new Set(checks.map((c) => c.id));
    return this.update((state) => ({ ...state, spotCheckSeed: seed, spotChecks: [...(state.spotChecks ?? []).filter((c) => !ids.has(c.id)), ...checks] }));
  }

  /**
   * Changes the review state and writes the sidecar atomically. Updates of one export run one
   * after the other (two pages saved at once must not lose either), and a sidecar changed on
   * disk by someone else is not overwritten.
   */
  private update(change: (state: ReviewState) => ReviewState): Promise<void> {
    return this.queue(async () => {
      // A save records the policy it was made under; an earlier one moves to `previous`.
      const next = withPolicy(change(this.state), this.policy.sha256);
      const onDisk = await this.location.readSidecar(this.conversation).catch(() => undefined);
      if (onDisk !== this.sidecarText) {
        throw new InputError(`${sidecarPath(this.fileName, this.conversation)} was changed outside this window; reopen the export to continue from it`);
      }
      const json = JSON.stringify(next, null, 2) + '\n';
      await this.location.writeSidecar(json, this.conversation);
      this.state = next;
      this.sidecarText = json;
    });
  }

  /** Runs sidecar reads and writes of this export one after the other. */
  private queue(work: () => Promise<void>): Promise<void> {
    const run = this.saving.then(work);
    this.saving = run.catch(() => undefined);
    return run;
  }

  private saving: Promise<unknown> = Promise.resolve();
}
