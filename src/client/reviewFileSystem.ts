import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { InputError, isInputError, isPageLabel, policyFromSettings, type Flag, type Settings, type Tag } from '../model';
import { ConversationFlags } from './conversationFlags';
import { ExportReview } from './exportReview';

export const REVIEW_SCHEME = 'chatreview';

/** Where a review URI points: `chatreview:/<export path>` or `chatreview:/<export path>/<page>`. */
export interface ReviewTarget {
  exportPath: string;
  page: string | undefined;
}

export function parseReviewUri(uri: vscode.Uri): ReviewTarget {
  const base = path.posix.basename(uri.path);
  if (isPageLabel(base)) return { exportPath: vscode.Uri.file(path.posix.dirname(uri.path)).fsPath, page: base };
  return { exportPath: vscode.Uri.file(uri.path).fsPath, page: undefined };
}

export function reviewUri(exportPath: string, page?: string): vscode.Uri {
  const p = vscode.Uri.file(exportPath).path;
  return vscode.Uri.from({ scheme: REVIEW_SCHEME, path: page ? `${p}/${page}` : p });
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
  /** Fires (with the export path) as the conversation-wide flag counts are updated. */
  readonly onDidChangeConversationFlags = this.flagsChanged.event;
  flagSource: FlagSource | undefined;
  private readonly stateChanged = new vscode.EventEmitter<string>();
  /** Fires (with the export path) when review state changed other than by saving a page. */
  readonly onDidChangeReviewState = this.stateChanged.event;

  /** Tells the open pages of an export that its review state changed (spot-check verdicts). */
  reviewStateChanged(exportPath: string): void {
    this.stateChanged.fire(exportPath);
    this.rescan(exportPath);
  }

  constructor(private readonly settings: () => Settings) {}

  /** Parses an export (once) with its review state, then counts its open flags in the background. */
  review(exportPath: string): Promise<ExportReview> {
    let review = this.reviews.get(exportPath);
    if (!review) {
      review = ExportReview.load(exportPath, this.settings().pageSize);
      this.reviews.set(exportPath, review);
      review.then((r) => {
        this.flags.set(exportPath, new ConversationFlags(r));
        this.opened.fire(r);
        this.rescan(exportPath);
      }, () => this.reviews.delete(exportPath));
    }
    return review;
  }

  /** Open flags of the whole conversation from the saved state (undefined until parsed). */
  conversationFlags(exportPath: string): ConversationFlags | undefined {
    return this.flags.get(exportPath);
  }

  /** Recounts after a save or a policy change. */
  rescan(exportPath?: string): void {
    for (const [path, flags] of this.flags) {
      if (exportPath === undefined || path === exportPath) {
        void flags.scan(policyFromSettings(this.settings()), () => this.flagsChanged.fire(path));
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
      const review = await this.review(target.exportPath);
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
    const review = await this.review(target.exportPath);
    const text = new TextDecoder().decode(content);
    // The rule behind a tag is the flag that suggested it; tagging resolved it, so all count.
    // Saving never waits on the language server for long: without it, only rule names are lost.
    const { flags } = await Promise.race([
      this.flagSource?.(uri).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000)),
    ]) ?? { flags: [] };
    const reviewer = this.settings().reviewer || os.userInfo().username;
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
    this.rescan(target.exportPath);
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
