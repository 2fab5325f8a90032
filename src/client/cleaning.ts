import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanExport, DEFAULT_MARKERS, outputNames } from '../clean/cleaner';
import { verifyExport } from '../clean/verify';
import { isInputError, policyFromSettings, renderCleanedConversation, renderReviewDocument, type Settings } from '../model';
import type { ExportReview } from './exportReview';
import { parseReviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';

/** `chatreview-diff:/<export>?original|cleaned`: the two sides of the removal diff view. */
export const DIFF_SCHEME = 'chatreview-diff';

/**
 * The export of the active review document (or of the removal diff being viewed), after saving
 * the review's unsaved tags.
 */
export async function activeExport(reviews: ReviewFileSystem): Promise<ExportReview | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.uri;
  if (uri?.scheme === DIFF_SCHEME) return reviews.review(vscode.Uri.file(uri.path).fsPath);
  if (!editor || uri?.scheme !== REVIEW_SCHEME) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a review document first (Chat Review: Open Export).'));
    return undefined;
  }
  if (editor.document.isDirty && !(await editor.document.save())) return undefined;
  return reviews.review(parseReviewUri(uri).exportPath);
}

function markers(settings: Settings): (tag: keyof typeof DEFAULT_MARKERS) => string {
  return (tag) => settings.redactionMarkers[tag] || DEFAULT_MARKERS[tag];
}

/**
 * Save Cleaned Export: refuses while identifier flags are unresolved (a list, not a warning to
 * click away); going ahead anyway needs a reason, which the report records.
 */
export function saveCleanedExport(reviews: ReviewFileSystem, settings: () => Settings) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const s = settings();
    const flags = reviews.conversationFlags(review.exportPath);
    await flags?.scan(policyFromSettings(s));
    const unresolved = flags?.unresolvedIdentifiers ?? [];
    let override: { reason: string; unresolved: { id: string; rule: string }[] } | null = null;
    if (unresolved.length) {
      const list = unresolved.slice(0, 12).map((u) => `${u.id} (${u.rule})`).join(', ') + (unresolved.length > 12 ? ', …' : '');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('Not saved: {0} identifier flags are unresolved: {1}. Tag, redact or keep them first.', unresolved.length, list),
        { modal: true },
        vscode.l10n.t('Save Anyway…'),
      );
      if (!choice) return;
      const reason = await vscode.window.showInputBox({
        title: vscode.l10n.t('Save with unresolved identifier flags'),
        prompt: vscode.l10n.t('Why may these identifiers stay? The reason goes into the removal report.'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length < 10 ? vscode.l10n.t('Give a reason of at least 10 characters.') : undefined),
      });
      if (!reason) return;
      override = { reason: reason.trim(), unresolved: [...unresolved] };
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the cleaned export of {0}…', review.fileName), cancellable: true },
        (_progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return cleanExport(review.exportPath, review.reviewState, {
            reviewer: s.reviewer || os.userInfo().username,
            markers: s.redactionMarkers,
            override,
            signal: controller.signal,
          });
        },
      );
      const c = result.summary.counts;
      const open = await vscode.window.showInformationMessage(
        vscode.l10n.t('Cleaned export written: {0} messages removed ({1} AVG, {2} privé, {3} scope); spans redacted: {4}.', c.AVG + c['privé'] + c.scope, c.AVG, c['privé'], c.scope, c.redactions),
        vscode.l10n.t('Open Removal Diff'),
        vscode.l10n.t('Reveal Files'),
      );
      if (open === vscode.l10n.t('Open Removal Diff')) await vscode.commands.executeCommand('chatreview.openRemovalDiff');
      if (open === vscode.l10n.t('Reveal Files')) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(result.report));
    } catch (e) {
      if ((e as Error).name === 'AbortError') return void vscode.window.showInformationMessage(vscode.l10n.t('Cancelled; nothing was written.'));
      if (!isInputError(e)) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('Not saved: {0}', e.message));
    }
  };
}

/** Verify Cleaned Export: the same checks as `chatreview verify`, on the files beside the export. */
export function verifyCleanedExport(reviews: ReviewFileSystem) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const report = outputNames(review.exportPath).report;
    if (!fs.existsSync(report)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no removal report for {0} yet: save the cleaned export first.', review.fileName));
      return;
    }
    try {
      const { problems, checks } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying the cleaned export of {0}…', review.fileName) },
        () => verifyExport(review.exportPath, report),
      );
      if (problems.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Verified: all {0} checks hold.', checks));
      else void vscode.window.showErrorMessage(vscode.l10n.t('Verification failed ({0} of {1} checks): {2}', problems.length, checks, problems.slice(0, 5).join('; ')), { modal: true });
    } catch (e) {
      if (!isInputError(e)) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot verify: {0}', e.message));
    }
  };
}

/** Serves both sides of the removal diff, rendered one message per line. */
export class RemovalDiffProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly reviews: ReviewFileSystem, private readonly settings: () => Settings) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const review = await this.reviews.review(vscode.Uri.file(uri.path).fsPath);
    const header = review.header(undefined);
    const messages = review.parsed.messages;
    return uri.query === 'cleaned'
      ? renderCleanedConversation(header, messages, review.reviewState, markers(this.settings()))
      : renderReviewDocument(header, messages);
  }
}

/** Open Removal Diff: the original conversation against the cleaned one, side by side. */
export function openRemovalDiff(reviews: ReviewFileSystem) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const side = (query: string) => vscode.Uri.from({ scheme: DIFF_SCHEME, path: vscode.Uri.file(review.exportPath).path, query });
    const state = review.reviewState;
    const title = vscode.l10n.t('{0}: original ↔ cleaned ({1} removed, {2} redacted)', review.fileName, state.tags.length, state.redactions?.length ?? 0);
    await vscode.commands.executeCommand('vscode.diff', side('original'), side('cleaned'), title);
  };
}

/** Open Removal Diff (Raw Files): the export's chat text against the cleaned file, as written. */
export function openRawRemovalDiff(reviews: ReviewFileSystem) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const cleaned = outputNames(review.exportPath).cleaned;
    if (!fs.existsSync(cleaned) || path.extname(cleaned).toLowerCase() === '.zip') {
      void vscode.window.showInformationMessage(vscode.l10n.t('No cleaned text file to compare: save the cleaned export of a .txt export first (for a zip, open the removal diff).'));
      return;
    }
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(review.exportPath), vscode.Uri.file(cleaned),
      vscode.l10n.t('{0} ↔ {1}', review.fileName, path.basename(cleaned)));
  };
}
