import * as vscode from 'vscode';
import type { ExportReview } from './exportReview';
import { reviewUri } from './reviewFileSystem';

/** Shows a review document, with the cursor on `line` when given. */
export async function showReview(uri: vscode.Uri, line?: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'chatreview') await vscode.languages.setTextDocumentLanguage(doc, 'chatreview');
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (line !== undefined) {
    const pos = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** Shows the page of a message with the cursor on its line. */
export async function revealMessage(review: ExportReview, id: string): Promise<void> {
  const at = review.locate(id);
  await showReview(reviewUri(review.id, at?.page), at?.line);
}
