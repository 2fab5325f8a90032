import * as vscode from 'vscode';
import { registerCommands } from './client/commands';
import { startLanguageClient } from './client/languageClient';
import { REVIEW_SCHEME, ReviewFileSystem } from './client/reviewFileSystem';
import type { LanguageClient } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const reviews = new ReviewFileSystem();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(REVIEW_SCHEME, reviews, { isCaseSensitive: true }),
    // Review URIs keep the export's own extension (.txt, .zip), so the language is set here.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === REVIEW_SCHEME && doc.languageId !== 'chatreview') {
        void vscode.languages.setTextDocumentLanguage(doc, 'chatreview');
      }
    }),
    ...registerCommands({ extension: context, reviews }),
  );
  client = startLanguageClient(context);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
