import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIFF_SCHEME, RemovalDiffProvider } from './client/cleaning';
import { registerCommands } from './client/commands';
import { DashboardProvider } from './client/dashboard';
import { PolicyFile } from './client/policyFile';
import { startLanguageClient } from './client/languageClient';
import { REVIEW_SCHEME, ReviewFileSystem } from './client/reviewFileSystem';
import { StatsStore } from './client/reviewStats';
import { createStatusBar } from './client/statusBar';
import { ReviewPainter } from './decorations/painter';
import { parseSettings } from './model';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const settings = () => parseSettings(vscode.workspace.getConfiguration().get('chatReview'));
  const policy = new PolicyFile(settings);
  const reviews = new ReviewFileSystem(settings, policy);
  // OCR of screenshots is cached by image sha256, on this machine only.
  reviews.ocrCacheDir = vscode.Uri.joinPath(context.globalStorageUri, 'ocr').fsPath;
  const stats = new StatsStore();
  const dashboardProvider = new DashboardProvider(reviews, stats);
  const dashboard = vscode.window.createTreeView('chatreview.dashboard', { treeDataProvider: dashboardProvider });
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(REVIEW_SCHEME, reviews, { isCaseSensitive: true }),
    reviews,
    // Review URIs keep the export's own name (.txt, .zip), so the language is set here.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const ours = doc.uri.scheme === REVIEW_SCHEME || doc.uri.scheme === DIFF_SCHEME;
      if (ours && doc.languageId !== 'chatreview') void vscode.languages.setTextDocumentLanguage(doc, 'chatreview');
    }),
    dashboard,
    createStatusBar(stats, reviews),
    // A new policy (its file, or the settings it is made of) changes what is flagged everywhere.
    policy,
    policy.onDidChange(() => void reviews.policyChanged()),
    new ReviewPainter(context.extensionUri),
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, new RemovalDiffProvider(reviews)),
    ...registerCommands({ extension: context, reviews, settings }),
  );
  client = startLanguageClient(context, reviews, (uri, s) => stats.set(uri, s));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
