import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
  HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
  type CodeAction, type Diagnostic, type Hover, type Location, type Range, type TextEdit,
} from 'vscode-languageserver-protocol';
import { readExport } from '../../src/parsers';
import { AttachmentPreviewRequest, FlagsRequest, MessageRequest, PageChangedNotification, PageRequest, StatsNotification, type ReviewStats } from '../../src/model/protocol';
import { DEFAULT_POLICY, renderReviewDocument, type HeaderPolicy, type ParsedExport, type Policy } from '../../src/model';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * Speaks LSP to the real server process over stdio, playing the extension's part: it serves
 * review pages and collects published diagnostics and stats.
 */
export class LspClient {
  private readonly diagnostics = new Map<string, { version?: number; items: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  readonly stats = new Map<string, ReviewStats>();
  private readonly pages = new Map<string, ParsedExport>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  /** The policy pages are given with, and how their header names it. */
  policy: Policy = DEFAULT_POLICY;
  policyHeader: HeaderPolicy | undefined = undefined;

  private constructor(private readonly process: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(settings: Record<string, unknown> = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.diagnostics.set(p.uri, { version: p.version, items: p.diagnostics });
      client.waiters.splice(0).forEach((w) => w());
    });
    connection.onNotification(StatsNotification.type, (p: StatsNotification.Params) => {
      client.stats.set(p.uri, p.stats);
    });
    connection.onRequest(PageRequest.type, ({ uri }) => {
      const parsed = client.pages.get(uri);
      if (!parsed) return null;
      return {
        header: { format: parsed.format, fileName: 'x', sha256: '0'.repeat(64), conversation: parsed.conversation, policy: client.policyHeader },
        messages: parsed.messages, before: [], after: [], policy: client.policy,
      };
    });
    connection.onRequest(AttachmentPreviewRequest.type, () => 'data:image/png;base64,AAAA');
    connection.onRequest(MessageRequest.type, ({ id }) => {
      for (const [uri, parsed] of client.pages) {
        const message = parsed.messages.find((m) => m.id === id);
        if (message) return { message, uri, line: client.texts.get(uri)!.split('\n').findIndex((l) => l.slice(6).startsWith(`${id} `)) };
      }
      return null;
    });
    connection.onRequest('workspace/configuration', () => [settings]);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Opens a parsed export as a review document and waits for its first diagnostics. */
  async open(uri: string, parsed: ParsedExport): Promise<Diagnostic[]> {
    this.pages.set(uri, parsed);
    const header = { format: parsed.format, fileName: 'x', sha256: '0'.repeat(64), conversation: parsed.conversation, policy: this.policyHeader };
    const text = renderReviewDocument(header, parsed.messages);
    this.texts.set(uri, text);
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'chatreview', version: 1, text } });
    return published;
  }

  /** Gives pages another policy from now on, tells the server, and waits for `uri`'s new diagnostics. */
  async changePolicy(uri: string, policy: Policy, header?: HeaderPolicy): Promise<Diagnostic[]> {
    this.policy = policy;
    this.policyHeader = header;
    this.diagnostics.delete(uri);
    const published = this.nextDiagnostics(uri, this.versions.get(uri)!);
    await this.connection.sendNotification(PageChangedNotification.type, { uri });
    return published;
  }

  text(uri: string): string {
    return this.texts.get(uri)!;
  }

  /** Applies edits as the editor would (full-text sync for simplicity) and waits for new diagnostics. */
  async apply(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
    const text = applyEdits(this.texts.get(uri)!, edits);
    this.texts.set(uri, text);
    const version = this.versions.get(uri)! + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  private nextDiagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const check = () => {
        const d = this.diagnostics.get(uri);
        if (d && d.version === version) resolve(d.items);
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
  }

  definition(uri: string, line: number, character = 20): Promise<Location | null> {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } }) as Promise<Location | null>;
  }

  hover(uri: string, line: number, character = 20): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  flags(uri: string) {
    return this.connection.sendRequest(FlagsRequest.type, { uri });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    this.connection.dispose();
    this.process.kill();
  }
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number) => {
    if (line >= lines.length) return text.length;
    let o = 0;
    for (let i = 0; i < line; i++) o += lines[i].length + 1;
    return o + Math.min(character, lines[line]?.length ?? 0);
  };
  const sorted = edits.map((e) => ({ start: offset(e.range.start.line, e.range.start.character), end: offset(e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

export async function parseSample(file: string): Promise<ParsedExport> {
  return readExport(path.join(__dirname, '..', '..', 'media', 'samples', file));
}
