import {
  CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineId, parseSettings, TAG_COLUMN_WIDTH, type Settings } from '../model';
import { AttachmentPreviewRequest, FlagsRequest, MessageRequest, PageChangedNotification, PageRequest, StatsNotification } from '../model/protocol';
import { ReviewPage, type Analysis } from './analysis';
import { warmUpDetectors } from './detectors/warmUp';
import { codeActions, SOURCE_KINDS } from './codeActions';
import { policyDiagnostics, toDiagnostics } from './diagnostics';
import { BUBBLE_PREVIEW, isPreviewable, messageHover } from './hover';

/**
 * The Chat Review language server. It reads no files: a review document's text, plus the page
 * of messages the client serves for it, is all it analyses.
 */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

interface OpenReview {
  page: Promise<ReviewPage | null>;
  analysis?: Analysis;
  version?: number;
}
const reviews = new Map<string, OpenReview>();

/**
 * Runs background work so that a bug in it is reported, not fatal: an unhandled rejection would
 * end the process. The log gets the error's own message and stack, never document text.
 */
function safely(work: Promise<unknown>): void {
  work.catch((e: unknown) => connection.console.error(`chatreview server: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
}
let settings: Settings = parseSettings({});
let canPullConfiguration = false;

connection.onInitialize((params) => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ...Object.values(SOURCE_KINDS)] },
      hoverProvider: true,
      definitionProvider: true,
    },
    serverInfo: { name: 'chatreview' },
  };
});

connection.onInitialized(() => {
  safely(loadSettings());
  // Compile the detectors' hot paths before the first document arrives (it then opens ~2× faster).
  setImmediate(warmUpDetectors);
});

async function loadSettings(): Promise<void> {
  settings = parseSettings(canPullConfiguration ? await connection.workspace.getConfiguration('chatReview') : {});
}

connection.onDidChangeConfiguration(() => safely((async () => {
  await loadSettings();
  // The policy may have changed: detection runs again for every open page.
  for (const [uri, review] of reviews) {
    review.page = loadPage(uri);
    review.version = undefined;
    safely(refresh(uri));
  }
})()));

/** Asks the client for a page's messages and runs detection on them; null if that fails. */
function loadPage(uri: string): Promise<ReviewPage | null> {
  return connection.sendRequest(PageRequest.type, { uri }).then(
    (data) => (data ? new ReviewPage(data) : null),
    (e: unknown) => {
      connection.console.error(`chatreview server: no page for a review document (${e instanceof Error ? e.message : String(e)})`);
      return null;
    },
  );
}

/** Analyses a document's current text (at most once per version) and publishes the result. */
async function refresh(uri: string): Promise<Analysis | undefined> {
  const review = reviews.get(uri);
  const doc = documents.get(uri);
  if (!review || !doc) return undefined;
  const page = await review.page;
  if (!page) return undefined;
  if (review.analysis && review.version === doc.version) return review.analysis;
  const analysis = page.analyse(doc.getText().split(/\r?\n/));
  review.analysis = analysis;
  review.version = doc.version;
  // Stats first: whoever reacts to the diagnostics finds the counts already current.
  safely(connection.sendNotification(StatsNotification.type, { uri, stats: analysis.stats }));
  const notes = policyDiagnostics(doc.getText(), page.data.header.policy);
  safely(connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [...notes, ...toDiagnostics(analysis, settings.maxDiagnostics - notes.length)] }));
  return analysis;
}

documents.onDidOpen(({ document }) => {
  reviews.set(document.uri, { page: loadPage(document.uri) });
  safely(refresh(document.uri));
});
documents.onDidChangeContent(({ document }) => {
  if (reviews.has(document.uri)) safely(refresh(document.uri));
});
documents.onDidClose(({ document }) => {
  reviews.delete(document.uri);
  safely(connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const analysis = await refresh(params.textDocument.uri);
  const page = await reviews.get(params.textDocument.uri)?.page;
  if (!doc || !analysis || !page) return [];
  return codeActions(doc, page, analysis, params);
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const analysis = await refresh(params.textDocument.uri);
  const page = await reviews.get(params.textDocument.uri)?.page;
  if (!doc || !analysis || !page) return null;
  const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
  const id = lineId(line);
  const m = id === undefined ? undefined : page.byId.get(id);
  if (!m) return null;
  // A reply shows what it answers; the quoted message may be on another page.
  const quoted = m.replyTo === null ? null
    : await connection.sendRequest(MessageRequest.type, { uri: doc.uri, id: m.replyTo }).then((r) => r?.message ?? null, () => null);
  const previews = new Map<string, string>();
  for (const a of m.attachments) {
    if (!a.present || !isPreviewable(a.name)) continue;
    const preview = await connection.sendRequest(AttachmentPreviewRequest.type, { uri: doc.uri, id: m.id, name: a.name }).catch(() => null);
    if (preview) previews.set(a.name, preview);
  }
  // A message read from a screenshot: its bubble, cropped from the image, beside the OCR text.
  if (m.meta?.image) {
    const bubble = await connection.sendRequest(AttachmentPreviewRequest.type, { uri: doc.uri, id: m.id, name: m.meta.image.file, bubble: true }).catch(() => null);
    if (bubble) previews.set(BUBBLE_PREVIEW, bubble);
  }
  return messageHover(m, analysis, params.position.line, previews, quoted);
});

/** Go to Definition on a reply: the message it answers, on whichever page shows it. */
connection.onDefinition(async (params) => {
  const page = await reviews.get(params.textDocument.uri)?.page;
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !page) return null;
  const id = lineId(doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }));
  const replyTo = id === undefined ? null : page.byId.get(id)?.replyTo ?? null;
  if (replyTo === null) return null;
  const target = await connection.sendRequest(MessageRequest.type, { uri: doc.uri, id: replyTo }).catch(() => null);
  if (!target) return null;
  const at = { line: target.line, character: TAG_COLUMN_WIDTH };
  return { uri: target.uri, range: { start: at, end: { line: target.line, character: TAG_COLUMN_WIDTH + replyTo.length } } };
});

connection.onRequest(FlagsRequest.type, async ({ uri }) => {
  const analysis = await refresh(uri);
  return {
    flags: analysis?.flags.map((f) => f.flag) ?? [],
    resolved: analysis?.flags.map((f) => f.resolved) ?? [],
  };
});

connection.onNotification(PageChangedNotification.type, ({ uri }) => {
  const review = reviews.get(uri);
  if (!review) return;
  review.page = loadPage(uri);
  review.version = undefined;
  safely(refresh(uri));
});

documents.listen(connection);
connection.listen();
