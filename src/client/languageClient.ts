import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AttachmentPreviewRequest, FlagsRequest, MessageRequest, PageChangedNotification, PageRequest, StatsNotification, type ReviewStats } from '../model/protocol';
import { parseReviewUri, reviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';

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
    const review = await reviews.review(target.reviewId);
    return review.pageData(target.page);
  });
  client.onRequest(AttachmentPreviewRequest.type, async ({ uri, id, name, bubble }) => {
    const review = await reviews.review(parseReviewUri(vscode.Uri.parse(uri)).reviewId);
    return bubble ? review.bubblePreview(id) : review.attachmentPreview(name);
  });
  client.onRequest(MessageRequest.type, async ({ uri, id }) => {
    const review = await reviews.review(parseReviewUri(vscode.Uri.parse(uri)).reviewId);
    const at = review.locate(id);
    return at ? { message: at.message, uri: reviewUri(review.id, at.page).toString(), line: at.line } : null;
  });
  client.onNotification(StatsNotification.type, ({ uri, stats }) => onStats(vscode.Uri.parse(uri), stats));
  reviews.flagSource = (uri) => client.sendRequest(FlagsRequest.type, { uri: uri.toString() });
  reviews.onDidChangeReviewState((reviewId) => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === REVIEW_SCHEME && parseReviewUri(doc.uri).reviewId === reviewId) {
        void client.sendNotification(PageChangedNotification.type, { uri: doc.uri.toString() });
      }
    }
  });
  void client.start();
  return client;
}
