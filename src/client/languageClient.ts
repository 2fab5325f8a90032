import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AttachmentPreviewRequest, FlagsRequest, PageRequest, StatsNotification, type ReviewStats } from '../model/protocol';
import { openExport } from '../parsers/input';
import { parseReviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp' };
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;

/** An image attachment as a data: URI for hovers; read from the zip or the export's folder. */
async function attachmentPreview(exportPath: string, name: string): Promise<string | null> {
  const mime = MIME[path.extname(name).toLowerCase()];
  if (!mime) return null;
  const input = await openExport(exportPath);
  try {
    const entry = input.zip ? [...input.zip.entries.values()].find((e) => path.posix.basename(e.name) === name) : undefined;
    if (input.zip && (!entry || entry.size > MAX_PREVIEW_BYTES)) return null;
    const chunks: Uint8Array[] = [];
    const source = input.zip ? input.open(entry!.name) : fs.createReadStream(path.join(path.dirname(exportPath), name), { end: MAX_PREVIEW_BYTES });
    for await (const chunk of source) chunks.push(chunk as Uint8Array);
    return `data:${mime};base64,${Buffer.concat(chunks).toString('base64')}`;
  } catch {
    return null;
  } finally {
    input.close();
  }
}

/** Starts the language server in its own Node process (IPC) and serves it review pages. */
export function startLanguageClient(
  context: vscode.ExtensionContext,
  reviews: ReviewFileSystem,
  onStats: (uri: vscode.Uri, stats: ReviewStats) => void,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: REVIEW_SCHEME, language: 'chatreview' }],
    synchronize: { configurationSection: 'chatReview' },
  };
  const client = new LanguageClient('chatreview', 'Chat Review', serverOptions, clientOptions);
  client.onRequest(PageRequest.type, async ({ uri }) => {
    const target = parseReviewUri(vscode.Uri.parse(uri));
    const review = await reviews.review(target.exportPath);
    return review.pageData(target.page);
  });
  client.onRequest(AttachmentPreviewRequest.type, ({ uri, name }) =>
    attachmentPreview(parseReviewUri(vscode.Uri.parse(uri)).exportPath, name));
  client.onNotification(StatsNotification.type, ({ uri, stats }) => onStats(vscode.Uri.parse(uri), stats));
  reviews.flagSource = (uri) => client.sendRequest(FlagsRequest.type, { uri: uri.toString() });
  void client.start();
  return client;
}
