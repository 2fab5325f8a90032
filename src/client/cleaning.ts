import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanExport, DEFAULT_MARKERS, outputNames } from '../clean/cleaner';
import { verifyExport } from '../clean/verify';
import { isInputError, POLICY_FILE, renderCleanedConversation, renderReviewDocument, type Policy, type PolicyInForce, type Settings } from '../model';
import type { ExportReview } from './exportReview';
import { revealMessage } from './reveal';
import { parseReviewUri, reviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';

/** `chatreview-diff:/<export>?side=original|cleaned`: the two sides of the removal diff view. */
export const DIFF_SCHEME = 'chatreview-diff';

/**
 * The export of the active review document (or of the removal diff being viewed), after saving
 * the review's unsaved tags.
 */
export async function activeExport(reviews: ReviewFileSystem): Promise<ExportReview | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.uri;
  if (uri?.scheme === DIFF_SCHEME) return reviews.review(parseReviewUri(uri).reviewId);
  if (!editor || uri?.scheme !== REVIEW_SCHEME) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a review document first (Chat Review: Open Export).'));
    return undefined;
  }
  if (editor.document.isDirty && !(await editor.document.save())) return undefined;
  return reviews.review(parseReviewUri(uri).reviewId);
}

/**
 * The export's path on this machine's disk. Cleaning and verifying write and read beside the
 * export, so a Live Share guest leaves them to the host.
 */
function localPath(review: ExportReview): string | undefined {
  if (review.location.localPath === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not on this machine: saving and verifying the cleaned export is done where it is stored (the Live Share host).', review.fileName));
  }
  return review.location.localPath;
}

function markers(policy: Policy): (tag: keyof typeof DEFAULT_MARKERS) => string {
  return (tag) => policy.markers[tag] ?? DEFAULT_MARKERS[tag];
}

/**
 * Whether the policy in force may clean: not while the policy file has problems, since then the
 * built-in policy stands in for it and the cleaning would not follow the team's policy.
 */
async function policyReady(reviews: ReviewFileSystem): Promise<PolicyInForce | undefined> {
  const p = reviews.policy();
  if (p.problems.length === 0 || !p.file) return p;
  const open = vscode.l10n.t('Open Policy File');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t('Not saved: the policy file {0} has {1} problems: {2}. Fix it first; meanwhile the built-in policy is in force.', p.file, p.problems.length, p.problems[0].message),
    open,
  );
  if (choice === open) {
    const folder = vscode.workspace.workspaceFolders?.find((f) => vscode.workspace.asRelativePath(vscode.Uri.joinPath(f.uri, POLICY_FILE)) === p.file);
    if (folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, POLICY_FILE));
  }
  return undefined;
}

/**
 * Save Cleaned Export: refuses while identifier flags are unresolved (a list, not a warning to
 * click away); going ahead anyway needs a reason, which the report records.
 */
export function saveCleanedExport(reviews: ReviewFileSystem, settings: () => Settings, rsmf = false) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    const exportPath = review && localPath(review);
    if (!review || !exportPath) return;
    const policy = await policyReady(reviews);
    if (!policy) return;
    const s = settings();
    const flags = reviews.conversationFlags(review.id);
    await flags?.scan(policy.policy);
    const unresolved = flags?.unresolvedIdentifiers ?? [];
    let override: { reason: string; unresolved: { id: string; rule: string }[] } | null = null;
    if (unresolved.length) {
      const list = unresolved.slice(0, 12).map((u) => `${u.id} (${u.rule})`).join(', ') + (unresolved.length > 12 ? ', …' : '');
      // The first button is the default one: Enter leads back to the work, not past the guard.
      const goTo = vscode.l10n.t('Go to First');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('Not saved: {0} identifier flags are unresolved: {1}. Tag, redact or keep them first.', unresolved.length, list),
        { modal: true },
        goTo,
        vscode.l10n.t('Save Anyway…'),
      );
      if (choice === goTo) await revealMessage(review, unresolved[0].id);
      if (choice !== vscode.l10n.t('Save Anyway…')) return;
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
          return cleanExport(exportPath, review.reviewState, {
            reviewer: s.reviewer || os.userInfo().username,
            policy,
            override,
            signal: controller.signal,
            rsmf,
            timeZone: s.timeZone || undefined,
            ocr: { cacheDir: reviews.ocrCacheDir },
          });
        },
      );
      const c = result.summary.counts;
      const blackedOut = result.summary.screenshots?.images.filter((i) => i.blackedOut.length).length;
      const written = vscode.l10n.t('Cleaned export written: {0} messages removed ({1} AVG, {2} privé, {3} scope); spans redacted: {4}.', c.AVG + c['privé'] + c.scope, c.AVG, c['privé'], c.scope, c.redactions);
      const open = await vscode.window.showInformationMessage(
        blackedOut === undefined ? written : `${written} ${vscode.l10n.t('Screenshots blacked out: {0} of {1}.', blackedOut, result.summary.screenshots!.images.length)}`,
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
    const exportPath = review && localPath(review);
    if (!review || !exportPath) return;
    const report = outputNames(exportPath, undefined, review.conversation, review.parsed.format).report;
    if (!fs.existsSync(report)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no removal report for {0} yet: save the cleaned export first.', review.fileName));
      return;
    }
    try {
      const { problems, checks } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying the cleaned export of {0}…', review.fileName) },
        () => verifyExport(exportPath, report, { ocr: { cacheDir: reviews.ocrCacheDir } }),
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
  constructor(private readonly reviews: ReviewFileSystem) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const review = await this.reviews.review(parseReviewUri(uri).reviewId);
    const header = review.header(undefined);
    const messages = review.parsed.messages;
    return new URLSearchParams(uri.query).get('side') === 'cleaned'
      ? renderCleanedConversation(header, messages, review.reviewState, markers(this.reviews.policy().policy))
      : renderReviewDocument(header, messages);
  }
}

/** Open Removal Diff: the original conversation against the cleaned one, side by side. */
export function openRemovalDiff(reviews: ReviewFileSystem) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const side = (side: string) => reviewUri(review.id, undefined, DIFF_SCHEME, { side });
    const state = review.reviewState;
    const title = vscode.l10n.t('{0}: original ↔ cleaned ({1} removed, {2} redacted)', review.fileName, state.tags.length, state.redactions?.length ?? 0);
    await vscode.commands.executeCommand('vscode.diff', side('original'), side('cleaned'), title);
  };
}

/** Open Removal Diff (Raw Files): the export's chat text against the cleaned file, as written. */
export function openRawRemovalDiff(reviews: ReviewFileSystem) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    const exportPath = review && localPath(review);
    if (!review || !exportPath) return;
    const cleaned = outputNames(exportPath, undefined, review.conversation, review.parsed.format).cleaned;
    if (review.parsed.format === 'screenshots') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Screenshots have no chat text file to compare: open the removal diff, or the cleaned transcript {0}.', path.basename(cleaned)));
      return;
    }
    if (!fs.existsSync(cleaned) || path.extname(cleaned).toLowerCase() === '.zip') {
      void vscode.window.showInformationMessage(vscode.l10n.t('No cleaned text file to compare: save the cleaned export of a .txt export first (for a zip, open the removal diff).'));
      return;
    }
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(exportPath), vscode.Uri.file(cleaned),
      vscode.l10n.t('{0} ↔ {1}', review.fileName, path.basename(cleaned)));
  };
}
