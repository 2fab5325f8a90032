import * as vscode from 'vscode';
import { isInputError } from '../model';
import { reviewUriFor, type ReviewFileSystem } from './reviewFileSystem';

export interface Context {
  extension: vscode.ExtensionContext;
  reviews: ReviewFileSystem;
}

type Command = (ctx: Context) => (...args: never[]) => unknown;

const EXPORT_FILTERS = { [vscode.l10n.t('Chat exports')]: ['txt', 'zip'] };

/** Opens an export as its review document: from the explorer (a Uri), or through a file picker. */
const openExport: Command = (ctx) => async (target?: vscode.Uri) => {
  const exportUri = target ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open for Review'),
    filters: EXPORT_FILTERS,
  }))?.[0];
  if (!exportUri) return;
  const reviewUri = reviewUriFor(exportUri);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}…', exportUri.path.split('/').pop() ?? '') },
      () => ctx.reviews.load(reviewUri),
    );
  } catch (e) {
    if (!isInputError(e)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open this export: {0}', e.message));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(reviewUri);
  await vscode.window.showTextDocument(doc, { preview: false });
};

/** The command table: the manifest's contributes.commands and this are the only two places a command appears. */
export const COMMANDS: Record<string, Command> = {
  'chatreview.openExport': openExport,
};

export function registerCommands(ctx: Context): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
