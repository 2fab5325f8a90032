import * as vscode from 'vscode';
import { InputError, renderReviewDocument, sha256File, type ParsedExport } from '../model';
import { readExport } from '../parsers';

export const REVIEW_SCHEME = 'chatreview';

/** `chatreview:/<export path>` for an export file on disk. */
export function reviewUriFor(exportUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REVIEW_SCHEME, path: exportUri.path });
}

export function exportUriFor(reviewUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(reviewUri.path);
}

interface OpenedExport {
  parsed: ParsedExport;
  text: Uint8Array;
  mtime: number;
}

/**
 * Serves each export as a review document: one message per line, rendered from the parsed
 * conversation. Parsed exports are cached per path so reopening a tab is instant.
 */
export class ReviewFileSystem implements vscode.FileSystemProvider {
  private readonly opened = new Map<string, OpenedExport>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  /** Parses the export behind a review URI (once) and renders its review document. */
  async load(uri: vscode.Uri): Promise<OpenedExport> {
    const cached = this.opened.get(uri.path);
    if (cached) return cached;
    const exportPath = exportUriFor(uri).fsPath;
    const [parsed, sha256] = await Promise.all([readExport(exportPath), sha256File(exportPath)]);
    const text = new TextEncoder().encode(renderReviewDocument(
      { format: parsed.format, fileName: exportUriFor(uri).path.split('/').pop() ?? '', sha256, conversation: parsed.conversation },
      parsed.messages,
    ));
    const opened = { parsed, text, mtime: Date.now() };
    this.opened.set(uri.path, opened);
    return opened;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { text, mtime } = await this.loadOrNotFound(uri);
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: text.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.loadOrNotFound(uri)).text;
  }

  private async loadOrNotFound(uri: vscode.Uri): Promise<OpenedExport> {
    try {
      return await this.load(uri);
    } catch (e) {
      if (e instanceof InputError) throw vscode.FileSystemError.Unavailable(e.message);
      throw e;
    }
  }

  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Review documents are read-only for now.'));
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
