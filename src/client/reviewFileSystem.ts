import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { InputError, isInputError, isPageLabel, type Flag, type PolicyInForce, type Settings, type Tag } from '../model';
import { listConversations, type ConversationInfo } from '../parsers';
import { ConversationFlags } from './conversationFlags';
import { sidecarPath, storedExport, type ExportLocation, type FileStore } from './exportLocation';
import { ExportReview, reviewIdOf, splitReviewId } from './exportReview';

export const REVIEW_SCHEME = 'chatreview';

/**
 * Where a review URI points: `chatreview:/<export path>[/<page>]`. An export that is not on this
 * machine's disk (a Live Share guest's `vsls:` file) keeps its scheme in the query, `?source=vsls`;
 * one conversation of a file that holds several is `?conversation=<id>`.
 */
export interface ReviewTarget {
  /** The review's key: the export's local path (or URI string when it is elsewhere) and conversation. */
  reviewId: string;
  page: string | undefined;
}

/** The id an export is known by: its local path, or its URI string when it is elsewhere. */
export function exportIdOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** A URI scheme has two or more letters; a Windows drive letter has one. */
export function exportUriOf(exportId: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(exportId) ? vscode.Uri.parse(exportId) : vscode.Uri.file(exportId);
}

export function parseReviewUri(uri: vscode.Uri): ReviewTarget {
  const base = path.posix.basename(uri.path);
  const page = isPageLabel(base) ? base : undefined;
  const params = new URLSearchParams(uri.query);
  const source = vscode.Uri.from({ scheme: params.get('source') ?? 'file', authority: uri.authority, path: page ? path.posix.dirname(uri.path) : uri.path });
  return { reviewId: reviewIdOf(exportIdOf(source), params.get('conversation') ?? undefined), page };
}

/** The review document of an export (of one of its pages); `scheme` serves the diff view too. */
export function reviewUri(reviewId: string, page?: string, scheme = REVIEW_SCHEME, query: Record<string, string> = {}): vscode.Uri {
  const { exportId, conversation } = splitReviewId(reviewId);
  const source = exportUriOf(exportId);
  const params = new URLSearchParams({
    ...(source.scheme === 'file' ? {} : { source: source.scheme }),
    ...(conversation === undefined ? {} : { conversation }),
    ...query,
  });
  return vscode.Uri.from({ scheme, authority: source.authority, path: page ? `${source.path}/${page}` : source.path, query: params.toString() });
}

/** Local exports are read from disk; others through VS Code's file system (Live Share). */
function exportLocation(exportId: string): ExportLocation | string {
  const uri = exportUriOf(exportId);
  if (uri.scheme === 'file') return uri.fsPath;
  const store: FileStore<vscode.Uri> = {
    readFile: (u) => vscode.workspace.fs.readFile(u),
    writeFile: (u, content) => vscode.workspace.fs.writeFile(u, content),
    rename: (from, to, options) => vscode.workspace.fs.rename(from, to, options),
    delete: (u) => vscode.workspace.fs.delete(u),
    readDirectory: (u) => vscode.workspace.fs.readDirectory(u),
    stat: (u) => vscode.workspace.fs.stat(u),
    isMissing: (e) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound',
  };
  const folder = vscode.Uri.joinPath(uri, '..');
  return storedExport(store, uri, {
    id: exportId,
    fileName: path.posix.basename(uri.path),
    sibling: (name) => (name === '.' ? folder : vscode.Uri.joinPath(folder, name)),
  });
}

/** Where the policy in force comes from (the workspace's policy file). */
export interface PolicySource {
  current(): PolicyInForce;
  /** Resolves once the policy file has been read for the first time. */
  loaded(): Promise<PolicyInForce>;
}

/** Current flags of a review document, asked of the language server when saving. */
export type FlagSource = (uri: vscode.Uri) => Promise<{ flags: Flag[]; resolved: boolean[] }>;

/**
 * Serves exports as review documents and saves them as review state. Reading renders the
 * export with its sidecar's tags; writing (Ctrl+S) checks that only tags and redactions changed
 * and writes the sidecar atomically. The export itself is never written.
 */
export class ReviewFileSystem implements vscode.FileSystemProvider {
  private readonly reviews = new Map<string, Promise<ExportReview>>();
  private readonly texts = new Map<string, { text: Uint8Array; mtime: number }>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly opened = new vscode.EventEmitter<ExportReview>();
  /** Fires when an export has been parsed for review (the dashboard lists it). */
  readonly onDidOpenExport = this.opened.event;
  private readonly flags = new Map<string, ConversationFlags>();
  private readonly flagsChanged = new vscode.EventEmitter<string>();
  /** Fires (with the review id) as the conversation-wide flag counts are updated. */
  readonly onDidChangeConversationFlags = this.flagsChanged.event;
  flagSource: FlagSource | undefined;
  private readonly stateChanged = new vscode.EventEmitter<string>();
  /** Fires (with the review id) when review state changed other than by saving a page. */
  readonly onDidChangeReviewState = this.stateChanged.event;

  /** Tells the open pages of an export that its review state changed (spot-check verdicts). */
  reviewStateChanged(reviewId: string): void {
    this.stateChanged.fire(reviewId);
    this.rescan(reviewId);
  }

  constructor(
    private readonly settings: () => Settings,
    /** The policy in force (the workspace's policy file, or the built-in one). */
    private readonly policies: PolicySource,
  ) {}

  /** The policy in force now. */
  policy(): PolicyInForce {
    return this.policies.current();
  }

  /**
   * The policy in force changed: every review is shown under it from now on. Pages without
   * unsaved edits are re-read (their header names the policy); detection runs again.
   */
  private readonly policyEvents = new vscode.EventEmitter<void>();
  /** Fires once every open review follows a new policy in force. */
  readonly onDidChangePolicy = this.policyEvents.event;

  async policyChanged(): Promise<void> {
    for (const review of await this.openReviews()) {
      review.policy = this.policy();
      this.rerender(review);
    }
    this.policyEvents.fire();
  }

  /**
   * The save recorded another policy, so every page's header (and the server's note on it)
   * changes, the saved page's too: once VS Code has finished saving it (until then it counts as
   * dirty and would not be re-read). A write that is not an editor's save waits 5 s at most.
   */
  private rerenderAfterSave(review: ExportReview, saved: vscode.Uri): void {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      listener.dispose();
      clearTimeout(timer);
      this.rerender(review);
    };
    const listener = vscode.workspace.onDidSaveTextDocument((d) => d.uri.toString() === saved.toString() && run());
    const timer = setTimeout(run, 5_000);
  }

  /**
   * A review's pages are drawn again (their header changed): pages without unsaved edits are
   * re-read, and the server loads their data again.
   */
  private rerender(review: ExportReview): void {
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const pages = [...this.texts.keys()].filter((k) => !dirty.has(k) && parseReviewUri(vscode.Uri.parse(k)).reviewId === review.id);
    for (const page of pages) this.texts.delete(page);
    if (pages.length) this.changes.fire(pages.map((k) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(k) })));
    this.reviewStateChanged(review.id);
  }

  /** Where OCR results of screenshots are cached (the extension's global storage). */
  ocrCacheDir: string | undefined;

  /**
   * Parses an export (once) with its review state, then counts its open flags in the
   * background. `reading` reports OCR progress of screenshots and can cancel the first reading.
   */
  review(reviewId: string, reading: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<ExportReview> {
    let review = this.reviews.get(reviewId);
    if (!review) {
      const { exportId, conversation } = splitReviewId(reviewId);
      const ocr = { cacheDir: this.ocrCacheDir, onProgress: reading.onProgress };
      review = ExportReview.load(exportLocation(exportId), this.settings().pageSize, conversation, this.settings().timeZone || undefined, { ocr, signal: reading.signal })
        .then(async (r) => {
          r.policy = await this.policies.loaded();
          return r;
        });
      this.reviews.set(reviewId, review);
      review.then((r) => {
        this.flags.set(reviewId, new ConversationFlags(r));
        this.watchSidecar(r);
        this.opened.fire(r);
        this.rescan(reviewId);
      }, () => this.reviews.delete(reviewId));
    }
    return review;
  }

  /**
   * Follows the sidecar as others change it (a Live Share partner, another window, the CLI): the
   * state is taken over and open pages are re-read. Our own saves are recognised and ignored.
   * A page with unsaved edits keeps them; saving it then meets VS Code's usual "newer on disk".
   */
  private watchSidecar(review: ExportReview): void {
    const exportUri = exportUriOf(review.exportId);
    const pattern = new vscode.RelativePattern(vscode.Uri.joinPath(exportUri, '..'), sidecarPath(review.fileName, review.conversation));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = () => void review.reload().then((changed) => {
      if (!changed) return;
      const pages = [...this.texts.keys()].map((k) => vscode.Uri.parse(k)).filter((u) => parseReviewUri(u).reviewId === review.id);
      for (const page of pages) this.texts.delete(page.toString());
      this.changes.fire(pages.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
      this.reviewStateChanged(review.id);
    }, (e: unknown) => void vscode.window.showWarningMessage(vscode.l10n.t('The review state of {0} changed on disk but cannot be read: {1}', review.fileName, e instanceof Error ? e.message : String(e))));
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.disposables.push(watcher);
  }

  private readonly disposables: vscode.Disposable[] = [];

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The conversations of a file that holds several (null for formats that hold one per file). */
  async conversations(exportId: string): Promise<ConversationInfo[] | null> {
    const where = exportLocation(exportId);
    const source = typeof where === 'string' ? where : (await where.read()).source;
    return (await listConversations(source)).conversations;
  }

  /** Open flags of the whole conversation from the saved state (undefined until parsed). */
  conversationFlags(reviewId: string): ConversationFlags | undefined {
    return this.flags.get(reviewId);
  }

  /** Recounts after a save or a policy change. */
  rescan(reviewId?: string): void {
    for (const [id, flags] of this.flags) {
      if (reviewId === undefined || id === reviewId) {
        void flags.scan(this.policy().policy, () => this.flagsChanged.fire(id));
      }
    }
  }

  openReviews(): Promise<ExportReview[]> {
    return Promise.all([...this.reviews.values()].map((r) => r.catch(() => undefined))).then((all) => all.filter((r): r is ExportReview => !!r));
  }

  private async content(uri: vscode.Uri): Promise<{ text: Uint8Array; mtime: number }> {
    const cached = this.texts.get(uri.toString());
    if (cached) return cached;
    const target = parseReviewUri(uri);
    let entry: { text: Uint8Array; mtime: number };
    try {
      const review = await this.review(target.reviewId);
      if (target.page === undefined && review.pages.length) {
        throw new InputError(vscode.l10n.t('{0} is split into pages; open one of its pages', review.fileName));
      }
      entry = { text: new TextEncoder().encode(review.render(target.page)), mtime: Date.now() };
    } catch (e) {
      if (isInputError(e)) throw vscode.FileSystemError.Unavailable(e.message);
      throw e;
    }
    this.texts.set(uri.toString(), entry);
    return entry;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { text, mtime } = await this.content(uri);
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: text.byteLength };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.content(uri)).text;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const target = parseReviewUri(uri);
    const review = await this.review(target.reviewId);
    const text = new TextDecoder().decode(content);
    // The rule behind a tag is the flag that suggested it; tagging resolved it, so all count.
    // Saving never waits on the language server for long: without it, only rule names are lost.
    const { flags } = await Promise.race([
      this.flagSource?.(uri).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000)),
    ]) ?? { flags: [] };
    const reviewer = this.settings().reviewer || os.userInfo().username;
    const policyBefore = review.reviewState.policy?.sha256;
    try {
      await review.save(target.page, text, {
        by: reviewer,
        at: new Date().toISOString(),
        ruleFor: (id: string, tag: Tag, span?: { start: number; end: number }) => flags
          .filter((f) => f.id === id && f.category === tag && (!span || (f.span && f.span.start >= span.start && f.span.end <= span.end)))
          .sort((a, b) => b.confidence - a.confidence)[0]?.rule,
        flagRules: (id: string) => [...new Set(flags.filter((f) => f.id === id).map((f) => f.rule))],
      });
    } catch (e) {
      if (isInputError(e)) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Not saved: {0}', e.message));
      throw e;
    }
    this.texts.set(uri.toString(), { text: content, mtime: Date.now() });
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    this.rescan(target.reviewId);
    if (policyBefore !== review.reviewState.policy?.sha256) this.rerenderAfterSave(review, uri);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}
