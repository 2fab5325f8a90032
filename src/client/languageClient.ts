import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { REVIEW_SCHEME } from './reviewFileSystem';

/** Starts the language server in its own Node process, talking over IPC. */
export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: REVIEW_SCHEME, language: 'chatreview' },
      { scheme: 'file', language: 'chatreview' },
    ],
  };
  const client = new LanguageClient('chatreview', 'Chat Review', serverOptions, clientOptions);
  void client.start();
  return client;
}
