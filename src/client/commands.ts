import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE as SOURCE, isInputError, lineId, TAG_COLUMN_WIDTH, type LineTag, type Settings, type Tag } from '../model';
import { openRawRemovalDiff, openRemovalDiff, saveCleanedExport, verifyCleanedExport } from './cleaning';
import { reviewIdOf } from './exportReview';
import { showReview } from './reveal';
import { messageCount } from './reviewStats';
import { spotCheck } from './spotCheck';

import { exportIdOf, parseReviewUri, reviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';

export interface Context {
  extension: vscode.ExtensionContext;
  reviews: ReviewFileSystem;
  settings: () => Settings;
}

type Command = (ctx: Context) => (...args: never[]) => unknown;

const EXPORT_FILTERS = { [vscode.l10n.t('Chat exports')]: ['txt', 'zip', 'md', 'json', 'xml', 'csv', 'rsmf', 'eml'] };

function activeReviewEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.uri.scheme === REVIEW_SCHEME ? editor : undefined;
}

/** Opens an export as its review document (its first page when it is split into pages). */
const openExport: Command = (ctx) => (target?: vscode.Uri) => openExportAt(ctx, target);

async function openExportAt(ctx: Context, target?: vscode.Uri): Promise<void> {
  const exportUri = target ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open for Review'),
    filters: EXPORT_FILTERS,
  }))?.[0];
  if (!exportUri) return;
  let uri: vscode.Uri;
  const title = vscode.l10n.t('Reading {0}…', exportUri.path.split('/').pop() ?? '');
  try {
    // A file holding several conversations (an SMS backup) opens one of them, picked here.
    const exportId = exportIdOf(exportUri);
    const conversations = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title },
      () => ctx.reviews.conversations(exportId));
    let conversation: string | undefined;
    if (conversations && conversations.length > 1) {
      const picked = await vscode.window.showQuickPick(
        conversations.map((c) => ({ label: c.title, description: messageCount(c.messages), detail: c.id, id: c.id })),
        { placeHolder: vscode.l10n.t('This file holds {0} conversations: pick one to review', conversations.length), matchOnDetail: true },
      );
      if (!picked) return;
      conversation = picked.id;
    }
    // Screenshots are read by OCR, a few seconds each: the progress counts them and can cancel.
    const review = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      return ctx.reviews.review(reviewIdOf(exportId, conversation), {
        signal: controller.signal,
        onProgress: (done, total) => {
          progress.report({ message: vscode.l10n.t('OCR: {0} of {1} screenshots', done, total), increment: (100 * (done - reported)) / total });
          reported = done;
        },
      });
    });
    uri = reviewUri(review.id, review.pageLabels[0]);
  } catch (e) {
    if ((e as Error).name === 'AbortError') return void vscode.window.showInformationMessage(vscode.l10n.t('Cancelled.'));
    if (!isInputError(e)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open this export: {0}', e.message));
    return;
  }
  await showReview(uri);
}

/** Opens a folder of screenshots (a conversation that exists only as screenshots) for review. */
const openScreenshots: Command = (ctx) => async () => {
  const folder = (await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFiles: false,
    canSelectFolders: true,
    openLabel: vscode.l10n.t('Open for Review'),
  }))?.[0];
  if (folder) await openExportAt(ctx, folder);
};

/** The message lines touched by the editor's selections (every cursor). */
function selectedMessageLines(editor: vscode.TextEditor): number[] {
  const lines = new Set<number>();
  for (const s of editor.selections) {
    const last = s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line;
    for (let l = s.start.line; l <= last; l++) if (lineId(editor.document.lineAt(l).text)) lines.add(l);
  }
  return [...lines];
}

/** Sets the tag column of every selected message line, as one undoable edit. */
function setTag(tag: LineTag | ''): Command {
  return () => async () => {
    const editor = activeReviewEditor();
    if (!editor) return;
    const lines = selectedMessageLines(editor);
    await editor.edit((edit) => {
      for (const l of lines) {
        const text = editor.document.lineAt(l).text;
        const id = lineId(text)!;
        edit.replace(new vscode.Range(l, 0, l, text.indexOf(id)), tag.padEnd(TAG_COLUMN_WIDTH));
      }
    });
  };
}

/** Wraps each selection inside a message's text in `⟦TAG|…⟧`. */
const redactSelection: Command = () => async (tag?: Tag) => {
  const editor = activeReviewEditor();
  if (!editor) return;
  const chosen = tag ?? (await vscode.window.showQuickPick(['AVG', 'privé', 'scope'] as Tag[], { placeHolder: vscode.l10n.t('Redact the selection as…') }));
  if (!chosen) return;
  const spans = editor.selections.filter((s) => !s.isEmpty && s.isSingleLine && lineId(editor.document.lineAt(s.start.line).text));
  if (spans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to redact within one message line first.'));
    return;
  }
  await editor.edit((edit) => {
    for (const s of spans) {
      edit.insert(s.start, `⟦${chosen}|`);
      edit.insert(s.end, '⟧');
    }
  });
};

/** Moves to the next (or previous) unresolved flag; `untaggedOnly` skips lines already tagged. */
function goToFlag(direction: 1 | -1, untaggedOnly: boolean): Command {
  return () => () => {
    const editor = activeReviewEditor();
    if (!editor) return;
    const doc = editor.document;
    const lines = [...new Set(vscode.languages.getDiagnostics(doc.uri)
      .filter((d) => d.source === SOURCE && d.code !== 'edited-text' && d.code !== 'more-flags')
      .map((d) => d.range.start.line))]
      .filter((l) => !untaggedOnly || doc.lineAt(l).text.slice(0, TAG_COLUMN_WIDTH).trim() === '')
      .sort((a, b) => a - b);
    const here = editor.selection.active.line;
    const next = direction === 1 ? lines.find((l) => l > here) ?? lines[0] : [...lines].reverse().find((l) => l < here) ?? lines[lines.length - 1];
    if (next === undefined) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('No open flags on this page'), 3000);
      return;
    }
    const diagnostic = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === SOURCE && d.range.start.line === next);
    const range = diagnostic?.range ?? doc.lineAt(next).range;
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
}

/** Opens the next (or previous) page of the export in the active review editor. */
function goToPage(direction: 1 | -1): Command {
  return (ctx) => async () => {
    const editor = activeReviewEditor();
    if (!editor) return;
    const target = parseReviewUri(editor.document.uri);
    const review = await ctx.reviews.review(target.reviewId);
    const labels = review.pageLabels;
    const index = target.page === undefined ? -1 : labels.indexOf(target.page);
    const next = labels[index + direction];
    if (next === undefined) {
      void vscode.window.setStatusBarMessage(labels.length ? vscode.l10n.t('No more pages') : vscode.l10n.t('This conversation has one page'), 3000);
      return;
    }
    await showReview(reviewUri(target.reviewId, next));
  };
}

const pickPage: Command = (ctx) => async () => {
  const editor = activeReviewEditor();
  if (!editor) return;
  const target = parseReviewUri(editor.document.uri);
  const review = await ctx.reviews.review(target.reviewId);
  const picked = await vscode.window.showQuickPick(review.pages.map((p) => ({ label: p.label, description: messageCount(p.end - p.start) })), { placeHolder: vscode.l10n.t('Go to page…') });
  if (picked) await showReview(reviewUri(target.reviewId, picked.label));
};

const openReviewAt: Command = () => async (uri: vscode.Uri, line?: number) => showReview(uri, line);

/** Opens the Review view (its focus command also shows it). */
const showDashboard: Command = () => () => vscode.commands.executeCommand('chatreview.dashboard.focus');

/** The command table: the manifest's contributes.commands and this are the only two places a command appears. */
export const COMMANDS: Record<string, Command> = {
  'chatreview.openExport': openExport,
  'chatreview.openScreenshots': openScreenshots,
  'chatreview.tagPrive': setTag('privé'),
  'chatreview.tagAvg': setTag('AVG'),
  'chatreview.tagScope': setTag('scope'),
  'chatreview.keep': setTag('keep'),
  'chatreview.clearTag': setTag(''),
  'chatreview.redactSelection': redactSelection,
  'chatreview.nextFlag': goToFlag(1, false),
  'chatreview.previousFlag': goToFlag(-1, false),
  'chatreview.nextUntagged': goToFlag(1, true),
  'chatreview.previousUntagged': goToFlag(-1, true),
  'chatreview.nextPage': goToPage(1),
  'chatreview.previousPage': goToPage(-1),
  'chatreview.goToPage': pickPage,
  'chatreview.openReviewAt': openReviewAt,
  'chatreview.showDashboard': showDashboard,
  'chatreview.saveCleanedExport': ({ reviews, settings }) => saveCleanedExport(reviews, settings),
  'chatreview.saveCleanedRsmf': ({ reviews, settings }) => saveCleanedExport(reviews, settings, true),
  'chatreview.verifyCleanedExport': ({ reviews }) => verifyCleanedExport(reviews),
  'chatreview.openRemovalDiff': ({ reviews }) => openRemovalDiff(reviews),
  'chatreview.openRawRemovalDiff': ({ reviews }) => openRawRemovalDiff(reviews),
  'chatreview.spotCheck': ({ reviews, settings }) => spotCheck(reviews, settings),
};

export function registerCommands(ctx: Context): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
