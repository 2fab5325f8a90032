import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The Chat Review language server. It reads nothing from disk: the review document's text is
 * all it analyses. Detectors, diagnostics and code actions arrive with the review-editor issue.
 */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
  serverInfo: { name: 'chatreview' },
}));

documents.listen(connection);
connection.listen();
